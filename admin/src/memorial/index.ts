import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import type { ResourceProps } from 'react-admin';
import { MemorialWorkCreate } from './MemorialWorkCreate';
import { MemorialWorkList } from './MemorialWorkList';
import { MemorialWorkShow } from './MemorialWorkShow';
import type { MemorialWork } from './types';

/**
 * Resource `MemorialWork` (công trình ghi công liệt sĩ): list and show with MemorialRead, create
 * and the workflow's steps with MemorialWrite, each step as the server allows it (`permissions`).
 * A work is never edited nor deleted: it moves on by its steps.
 */
export const memorialWorks: Omit<ResourceProps, 'name'> = {
  list: MemorialWorkList,
  show: MemorialWorkShow,
  create: MemorialWorkCreate,
  icon: AccountBalanceIcon,
  recordRepresentation: (work: MemorialWork) => work.name,
};

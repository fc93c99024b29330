import ChildCareIcon from '@mui/icons-material/ChildCare';
import type { ResourceProps } from 'react-admin';
import { ChildCreate } from './ChildCreate';
import { ChildEdit } from './ChildEdit';
import { ChildList } from './ChildList';
import { ChildShow } from './ChildShow';
import type { Child } from './types';

/**
 * Resource `Child` (trẻ em có hoàn cảnh đặc biệt): list and show with ChildRead, create and edit
 * with ChildWrite; names, birth dates and guardians as the server shows them to the user's role
 * (masked without ChildIdentityRead), a full profile read audited by the server.
 */
export const children: Omit<ResourceProps, 'name'> = {
  list: ChildList,
  show: ChildShow,
  create: ChildCreate,
  edit: ChildEdit,
  icon: ChildCareIcon,
  recordRepresentation: (child: Child) => child.fullName,
};

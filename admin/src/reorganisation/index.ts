import CallMergeIcon from '@mui/icons-material/CallMerge';
import type { ResourceProps } from 'react-admin';
import { SuccessionEventCreate } from './SuccessionEventCreate';
import { SuccessionEventList } from './SuccessionEventList';
import { SuccessionEventShow } from './SuccessionEventShow';

/**
 * Resource `UnitSuccessionEvent` (sắp xếp đơn vị hành chính), ADMIN only (UnitReorganise): record
 * an event as a draft, look at what applying it will do, apply it once.
 */
export const successionEvents: Omit<ResourceProps, 'name'> = {
  list: SuccessionEventList,
  create: SuccessionEventCreate,
  show: SuccessionEventShow,
  icon: CallMergeIcon,
  recordRepresentation: 'name',
};

import AccountTreeIcon from '@mui/icons-material/AccountTree';
import type { ResourceProps } from 'react-admin';
import { UnitList } from './UnitList';
import { UnitShow } from './UnitShow';

/** Resource `AdministrativeUnit`: read-only, tree-aware. */
export const units: Omit<ResourceProps, 'name'> = {
  list: UnitList,
  show: UnitShow,
  icon: AccountTreeIcon,
  recordRepresentation: 'nameWithType',
};

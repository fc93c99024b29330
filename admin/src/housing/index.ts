import HouseIcon from '@mui/icons-material/House';
import type { ResourceProps } from 'react-admin';
import { HousingGrantApply } from './HousingGrantApply';
import { HousingGrantList } from './HousingGrantList';
import { HousingGrantShow } from './HousingGrantShow';
import type { HousingGrant } from './types';

/**
 * Resource `HousingGrant` (hỗ trợ nhà ở người có công): list and show with HousingRead; the
 * application (applyHousingGrant) and the steps with HousingWrite, each step as the server allows
 * it (`permissions`). A grant is never edited nor deleted: it moves through its steps.
 */
export const housingGrants: Omit<ResourceProps, 'name'> = {
  list: HousingGrantList,
  show: HousingGrantShow,
  create: HousingGrantApply,
  icon: HouseIcon,
  recordRepresentation: (grant: HousingGrant) => grant.householdName,
};

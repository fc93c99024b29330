import HolidayVillageIcon from '@mui/icons-material/HolidayVillage';
import type { ResourceProps } from 'react-admin';
import type { BeneficiaryHousehold } from '../housing/types';
import { HouseholdCreate } from './HouseholdCreate';
import { HouseholdEdit } from './HouseholdEdit';
import { HouseholdList } from './HouseholdList';
import { HouseholdShow } from './HouseholdShow';

/**
 * Resource `BeneficiaryHousehold` (hộ người có công): list and show with HouseholdRead, create and
 * edit with HouseholdWrite; citizen IDs as the server shows them to the user's role.
 */
export const households: Omit<ResourceProps, 'name'> = {
  list: HouseholdList,
  show: HouseholdShow,
  create: HouseholdCreate,
  edit: HouseholdEdit,
  icon: HolidayVillageIcon,
  recordRepresentation: (household: BeneficiaryHousehold) => household.personName,
};

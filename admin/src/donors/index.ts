import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import type { ResourceProps } from 'react-admin';
import type { Donor } from '../types';
import { DonorCreate } from './DonorCreate';
import { DonorEdit } from './DonorEdit';
import { DonorList } from './DonorList';
import { DonorShow } from './DonorShow';

/** Resource `Donor` (nhà hảo tâm): list and show with DonorRead, create and edit with DonorWrite. */
export const donors: Omit<ResourceProps, 'name'> = {
  list: DonorList,
  show: DonorShow,
  create: DonorCreate,
  edit: DonorEdit,
  icon: VolunteerActivismIcon,
  recordRepresentation: (donor: Donor) => donor.name,
};

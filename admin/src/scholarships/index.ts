import SchoolIcon from '@mui/icons-material/School';
import type { ResourceProps } from 'react-admin';
import { ScholarshipCreate } from './ScholarshipCreate';
import { ScholarshipList } from './ScholarshipList';
import { ScholarshipShow } from './ScholarshipShow';
import type { Scholarship } from './types';

/**
 * Resource `Scholarship` (học bổng): list and show with ChildRead, create with ChildSupportWrite.
 * A scholarship is never edited nor deleted; it is paid per term by disbursements linked to it.
 */
export const scholarships: Omit<ResourceProps, 'name'> = {
  list: ScholarshipList,
  show: ScholarshipShow,
  create: ScholarshipCreate,
  icon: SchoolIcon,
  recordRepresentation: (scholarship: Scholarship) => `${scholarship.childName} (${scholarship.schoolYear})`,
};

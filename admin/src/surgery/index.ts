import HealingIcon from '@mui/icons-material/Healing';
import type { ResourceProps } from 'react-admin';
import { SurgeryCaseCreate } from './SurgeryCaseCreate';
import { SurgeryCaseList } from './SurgeryCaseList';
import { SurgeryCaseShow } from './SurgeryCaseShow';
import type { SurgeryCase } from './types';

/**
 * Resource `SurgeryCase` (hỗ trợ phẫu thuật cho trẻ em): list and show with ChildRead; the referral
 * (createSurgeryCase) and the steps with ChildSupportWrite, each step as the server allows it
 * (`permissions`). A case is never edited nor deleted: it moves through its steps.
 */
export const surgeryCases: Omit<ResourceProps, 'name'> = {
  list: SurgeryCaseList,
  show: SurgeryCaseShow,
  create: SurgeryCaseCreate,
  icon: HealingIcon,
  recordRepresentation: (surgery: SurgeryCase) => surgery.childName,
};

import CampaignIcon from '@mui/icons-material/Campaign';
import type { ResourceProps } from 'react-admin';
import { CampaignCreate } from './CampaignCreate';
import { CampaignEdit } from './CampaignEdit';
import { CampaignList } from './CampaignList';
import { CampaignShow } from './CampaignShow';

/** Resource `Campaign` (đợt vận động): list and show with CampaignRead, create and edit with CampaignWrite. */
export const campaigns: Omit<ResourceProps, 'name'> = {
  list: CampaignList,
  show: CampaignShow,
  create: CampaignCreate,
  edit: CampaignEdit,
  icon: CampaignIcon,
  recordRepresentation: 'name',
};

import RedeemIcon from '@mui/icons-material/Redeem';
import type { ResourceProps } from 'react-admin';
import { GiftCampaignCreate } from './GiftCampaignCreate';
import { GiftCampaignList } from './GiftCampaignList';
import { GiftCampaignShow } from './GiftCampaignShow';
import type { GiftCampaign } from './types';

/**
 * Resource `GiftCampaign` (đợt tặng quà cho trẻ em): list and show with ChildRead; the wizard
 * (createGiftCampaign), new batches (addGiftRecipients), handing over and returning gifts with
 * GiftWrite. A campaign is never edited nor deleted: its batches go through the phiếu chi workflow.
 */
export const giftCampaigns: Omit<ResourceProps, 'name'> = {
  list: GiftCampaignList,
  show: GiftCampaignShow,
  create: GiftCampaignCreate,
  icon: RedeemIcon,
  recordRepresentation: (campaign: GiftCampaign) => campaign.name,
};

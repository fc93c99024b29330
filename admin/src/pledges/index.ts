import type { ResourceProps } from 'react-admin';
import { PledgeCreate } from './PledgeCreate';

/** Resource `Pledge`: created from a campaign's page (CampaignWrite) and listed there; no page of its own. */
export const pledges: Omit<ResourceProps, 'name'> = {
  create: PledgeCreate,
};

import type { ResourceProps } from 'react-admin';

/** Resource `GiftCampaign` (being built). */
export const giftCampaigns: Omit<ResourceProps, 'name'> = {};

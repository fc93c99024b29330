/**
 * The console's view of the gift campaigns in the GraphQL contract (schema/schema.graphql):
 * campaigns (đợt tặng quà), their previews against the fund, and their distribution lists (danh
 * sách ký nhận). Amounts are whole đồng, dates `YYYY-MM-DD`.
 */
import type { RaRecord } from 'react-admin';

export const giftOccasions = ['TET', 'CHILDREN_DAY', 'MID_AUTUMN', 'OTHER'] as const;
export type GiftOccasion = (typeof giftOccasions)[number];

export const giftForms = ['CASH', 'IN_KIND'] as const;
export type GiftForm = (typeof giftForms)[number];

export const giftRecipientStatuses = ['PENDING', 'HANDED_OVER', 'RETURNED'] as const;
export type GiftRecipientStatus = (typeof giftRecipientStatuses)[number];

export interface GiftCampaignFigures {
  recipients: number;
  total: number;
  pending: number;
  handedOver: number;
  returned: number;
  returnedAmount: number;
}

export interface GiftCampaign extends RaRecord<string> {
  fundId: string;
  name: string;
  occasion: GiftOccasion;
  giftDate: string;
  form: GiftForm;
  amountPerChild: number;
  packageDescription: string | null;
  unitIds: string[];
  circumstances: string[];
  maxAge: number | null;
  disbursementIds: string[];
  figures: GiftCampaignFigures;
  createdAt: string;
}

/** Who a campaign picks: children under 16 on the gift date, in these units, of these circumstances, at most this old. */
export interface GiftCriteria {
  unitIds: string[];
  circumstances?: string[];
  maxAge?: number | null;
}

export interface GiftPreviewUnit {
  unitId: string;
  unitName: string;
  count: number;
  total: number;
}

export interface GiftPreview {
  count: number;
  total: number;
  available: number;
  pending: number;
  enough: boolean;
  byUnit: GiftPreviewUnit[];
}

export interface EligibleChild {
  id: string;
  fullName: string;
  birthDate: string;
  unitId: string;
  circumstanceCode: string;
  guardianName: string;
  masked: boolean;
}

export interface GiftRecipient {
  id: string;
  campaignId: string;
  childId: string;
  childName: string;
  birthYear: string;
  guardianName: string;
  unitId: string;
  amount: number;
  status: GiftRecipientStatus;
  closedOn: string | null;
  returnReason: string | null;
  disbursementId: string;
}

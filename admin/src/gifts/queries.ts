/** The gift campaigns' own queries and mutations, sent through the data provider's `request`. */

const previewArgs = '$fundId: ID!, $criteria: GiftCriteria!, $giftDate: LocalDate!, $form: GiftForm!, $amountPerChild: SafeInt!, $campaignId: ID';
const previewParams = 'fundId: $fundId, criteria: $criteria, giftDate: $giftDate, form: $form, amountPerChild: $amountPerChild, campaignId: $campaignId';

export const GIFT_PREVIEW = `query GiftPreview(${previewArgs}) {
  giftCampaignPreview(${previewParams}) { count total available pending enough byUnit { unitId unitName count total } }
  giftEligibleChildren(${previewParams}) { id fullName birthDate unitId circumstanceCode guardianName masked }
}`;

export const CREATE_GIFT_CAMPAIGN = `mutation CreateGiftCampaign($fundId: ID!, $name: String!, $occasion: GiftOccasion!, $giftDate: LocalDate!, $form: GiftForm!,
  $amountPerChild: SafeInt!, $packageDescription: String, $criteria: GiftCriteria!, $childIds: [ID!]!, $idempotencyKey: String!) {
  createGiftCampaign(fundId: $fundId, name: $name, occasion: $occasion, giftDate: $giftDate, form: $form, amountPerChild: $amountPerChild,
    packageDescription: $packageDescription, criteria: $criteria, childIds: $childIds, idempotencyKey: $idempotencyKey) { id }
}`;

export const ADD_GIFT_RECIPIENTS = `mutation AddGiftRecipients($campaignId: ID!, $childIds: [ID!]!, $idempotencyKey: String!) {
  addGiftRecipients(campaignId: $campaignId, childIds: $childIds, idempotencyKey: $idempotencyKey) { id disbursementIds }
}`;

const recipientFields = 'id campaignId childId childName birthYear guardianName unitId amount status closedOn returnReason disbursementId';

export const GIFT_RECIPIENTS = `query GiftRecipients($filter: GiftRecipientFilter!) { giftRecipients(filter: $filter) { ${recipientFields} } }`;

export const HAND_OVER_GIFTS = `mutation HandOverGifts($campaignId: ID!, $recipientIds: [ID!]!, $occurredOn: LocalDate!) {
  handOverGifts(campaignId: $campaignId, recipientIds: $recipientIds, occurredOn: $occurredOn) { id status closedOn }
}`;

export const RETURN_GIFTS = `mutation ReturnGifts($campaignId: ID!, $recipientIds: [ID!]!, $occurredOn: LocalDate!, $reason: String!) {
  returnGifts(campaignId: $campaignId, recipientIds: $recipientIds, occurredOn: $occurredOn, reason: $reason) { id status closedOn returnReason }
}`;

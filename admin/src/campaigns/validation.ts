import { maxLength, minLength, required, type Validator } from 'react-admin';
import { positiveAmount } from '../donations/validation';

/** The API's rules for a campaign (api/src/modules/campaigns/campaign.inputs.ts and its service). */
export const validateCampaignName = [required(), minLength(3), maxLength(200)];
export const validateTarget = [required(), positiveAmount];

const notBeforeStart: Validator = (value: unknown, values: Record<string, unknown>) =>
  typeof value === 'string' && typeof values.startsOn === 'string' && value < values.startsOn ? 'soquy.validation.ends_before_start' : undefined;

export const validateEndsOn = [required(), notBeforeStart];

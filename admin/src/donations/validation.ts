import { maxLength, required, type Validator } from 'react-admin';
import { notInFuture, notTooOld } from '../inputs/dates';

/**
 * The API's rules for a donation (api/src/modules/donations), checked before sending so that the
 * messages are in the user's language; the server checks them again and has the last word.
 */

/** A whole number of đồng greater than 0 (the API also caps one receipt's amount). */
export const positiveAmount: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || (typeof value === 'number' && Number.isSafeInteger(value) && value > 0)
    ? undefined
    : 'soquy.validation.amount_positive';

export const validateAmount = [required(), positiveAmount];

/** A walk-in name is needed only when no recorded donor is chosen. */
const donorOrName: Validator = (value: unknown, values: Record<string, unknown>) =>
  values.donorId || (typeof value === 'string' && value.trim() !== '') ? undefined : 'soquy.validation.donor_or_name';

export const validateDonorName = [donorOrName, maxLength(200)];

/** Required for an in-kind gift: what was given, 3 to 500 characters. */
const describesGoods: Validator = (value: unknown, values: Record<string, unknown>) => {
  if (values.method !== 'IN_KIND') return undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  return text.length >= 3 && text.length <= 500 ? undefined : 'soquy.validation.in_kind_description';
};

/** Marked required so that the input shows its asterisk; it is rendered only for an in-kind gift. */
export const validateInKindDescription = [Object.assign(describesGoods, { isRequired: true })];

export const validateReceivedOnBase = [required(), notInFuture, notTooOld];

export const validateNote = [maxLength(1000)];

/** At least 5 characters once trimmed, as the API requires. */
const voidReasonRule: Validator = (value: unknown) =>
  typeof value === 'string' && value.trim().length >= 5 ? undefined : 'soquy.validation.void_reason';

export const validateVoidReason = [voidReasonRule, maxLength(500)];

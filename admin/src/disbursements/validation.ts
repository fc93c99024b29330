import { maxLength, required, type Validator } from 'react-admin';
import { notInFuture, notTooOld } from '../inputs/dates';

/**
 * The API's rules for a disbursement (api/src/modules/disbursements), checked before sending so that
 * the messages are in the user's language; the server checks them again and has the last word.
 */

export { validateAmount } from '../donations/validation';

/** Required for a transfer: the fund receiving the money, not the one paying it. */
const targetFundRule: Validator = (value: unknown, values: Record<string, unknown>) => {
  if (values.category !== 'TRANSFER') return undefined;
  if (value === null || value === undefined || value === '') return 'soquy.validation.target_fund_required';
  return String(value) === String(values.fundId ?? '') ? 'soquy.validation.target_fund_same' : undefined;
};

/** Marked required so that the input shows its asterisk; it is rendered only for a transfer. */
export const validateTargetFund = [Object.assign(targetFundRule, { isRequired: true })];

export const validatePayeeName = [required(), maxLength(200)];
export const validatePurpose = [required(), maxLength(1000)];
export const validateOptionalText = [maxLength(200)];

/** A project id only with its type, and the other way round. */
const projectPair: Validator = (_value: unknown, values: Record<string, unknown>) => {
  const hasType = Boolean(values.projectType);
  const hasId = values.projectId !== null && values.projectId !== undefined && String(values.projectId).trim() !== '';
  return hasType === hasId ? undefined : 'soquy.validation.project_pair';
};

export const validateProjectId = [projectPair, maxLength(40)];

/** A reason of 5 to 500 characters once trimmed, as the API requires for a rejection or a cancellation. */
const reasonRule: Validator = (value: unknown) => {
  const text = typeof value === 'string' ? value.trim() : '';
  return text.length >= 5 && text.length <= 500 ? undefined : 'soquy.validation.workflow_reason';
};

export const validateReason = [Object.assign(reasonRule, { isRequired: true })];

export const validatePaidOn = [required(), notInFuture, notTooOld];

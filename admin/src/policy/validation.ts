import { required, type Validator } from 'react-admin';
import { formatDate } from '../format';
import { notTooOld } from '../inputs/dates';
import { positiveAmount } from '../donations/validation';

/** The API's rules for a revision (api/src/modules/policy/policy-rate.inputs.ts and its service). */

const textBetween =
  (min: number, max: number, message: string): Validator =>
  (value: unknown) => {
    const length = typeof value === 'string' ? value.trim().length : 0;
    return length >= min && length <= max ? undefined : message;
  };

export const validateLegalBasis = [Object.assign(textBetween(5, 500, 'soquy.memorial.validation.legal_basis'), { isRequired: true })];
export const validateReason = [Object.assign(textBetween(5, 500, 'soquy.memorial.validation.reason'), { isRequired: true })];

export const validateRateAmount = [required(), positiveAmount];

/** Above 0, at most 100, at most two decimals. */
const percentRule: Validator = (value: unknown) =>
  typeof value === 'number' && value > 0 && value <= 100 && Math.abs(Math.round(value * 100) - value * 100) < 1e-6 ? undefined : 'soquy.memorial.validation.rate_percent';
export const validateRatePercent = [Object.assign(percentRule, { isRequired: true })];

/** After the start of the code's latest rate: history is never rewritten. */
export const validateEffectiveFrom = (latestFrom: string | undefined): Validator[] => [
  required(),
  notTooOld,
  (value: unknown) =>
    typeof value === 'string' && latestFrom && value <= latestFrom
      ? { message: 'soquy.memorial.validation.effective_from_after', args: { date: formatDate(latestFrom) } }
      : undefined,
];

const effectiveToRule: Validator = (value: unknown, values: Record<string, unknown>) =>
  typeof value === 'string' && value !== '' && typeof values.effectiveFrom === 'string' && value < values.effectiveFrom
    ? 'soquy.memorial.validation.effective_to_after'
    : undefined;
export const validateEffectiveTo = [effectiveToRule];

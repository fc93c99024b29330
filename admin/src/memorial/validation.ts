import { maxLength, required, type Validator } from 'react-admin';
import { formatDate, formatMoney } from '../format';
import { notInFuture, notTooOld } from '../inputs/dates';
import { positiveAmount } from '../donations/validation';

/**
 * The API's rules for a memorial work (api/src/modules/memorial), checked before sending so that
 * the messages are in the user's language; the server checks them again and has the last word.
 */

const trimmedLength = (value: unknown) => (typeof value === 'string' ? value.trim().length : 0);

const nameRule: Validator = (value: unknown) => {
  const length = trimmedLength(value);
  return length >= 3 && length <= 200 ? undefined : 'soquy.memorial.validation.name';
};
export const validateName = [Object.assign(nameRule, { isRequired: true })];

/** Only for graves: how many, at least one. */
const graveCountRule: Validator = (value: unknown, values: Record<string, unknown>) => {
  if (values.kind !== 'GRAVE') return undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100_000 ? undefined : 'soquy.memorial.validation.grave_count';
};
export const validateGraveCount = [Object.assign(graveCountRule, { isRequired: true })];

export const validateApprovedCost = [required(), positiveAmount];

/** From the threshold cost (500.000.000 ₫ by the rate in force), the approved project document's number. */
export const projectDocumentRule =
  (threshold: number): Validator =>
  (value: unknown, values: Record<string, unknown>) => {
    const cost = values.approvedCost;
    if (typeof cost !== 'number' || cost < threshold || trimmedLength(value) > 0) return undefined;
    return { message: 'soquy.memorial.validation.project_document', args: { threshold: formatMoney(threshold) } };
  };

export const validateOptionalText = (max: number) => [maxLength(max)];

const plannedEndRule: Validator = (value: unknown, values: Record<string, unknown>) =>
  typeof value === 'string' && value !== '' && typeof values.startOn === 'string' && values.startOn !== '' && value < values.startOn
    ? 'soquy.memorial.validation.planned_end'
    : undefined;
export const validatePlannedEnd = [plannedEndRule];

interface LineValue {
  source?: unknown;
  amount?: unknown;
}

export const lineAmount = (line: LineValue | null | undefined): number => (typeof line?.amount === 'number' && Number.isSafeInteger(line.amount) ? line.amount : 0);

/** The funding lines: at least one, adding up to the approved cost. */
const linesRule: Validator = (value: unknown, values: Record<string, unknown>) => {
  const lines = Array.isArray(value) ? (value as LineValue[]) : [];
  if (lines.length === 0) return 'soquy.memorial.validation.lines_empty';
  const cost = values.approvedCost;
  if (typeof cost !== 'number') return undefined;
  const sum = lines.reduce((total, line) => total + lineAmount(line), 0);
  return sum === cost ? undefined : { message: 'soquy.memorial.validation.lines_sum', args: { sum: formatMoney(sum), cost: formatMoney(cost) } };
};
export const validateFundingLines = [linesRule];

export const validateLineAmount = [required(), positiveAmount];

/** A FUND line names its fund. */
export const validateLineFund = [required('soquy.memorial.validation.line_fund')];

/** A step's date: given, not in the future, not before 2000, not before the work's previous step. */
export const stepDateRule =
  (last: string | undefined): Validator =>
  (value: unknown) =>
    typeof value === 'string' && last && value < last ? { message: 'soquy.memorial.validation.after_last_step', args: { date: formatDate(last) } } : undefined;

export const validateStepDate = (last: string | undefined) => [required(), notInFuture, notTooOld, stepDateRule(last)];

/** A whole percentage from the current progress to 100. */
export const validatePercent = (min: number): Validator[] => [
  required(),
  (value: unknown) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= 100
      ? undefined
      : { message: 'soquy.memorial.validation.percent_range', args: { min } },
];

const documentRule: Validator = (value: unknown) => {
  const length = trimmedLength(value);
  return length >= 1 && length <= 100 ? undefined : 'soquy.memorial.validation.document_required';
};
export const validateRequiredDocument = [Object.assign(documentRule, { isRequired: true })];
export const validateOptionalDocument = [maxLength(100)];
export const validateNote = [maxLength(500)];

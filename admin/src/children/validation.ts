import { maxLength, regex, required, type Validator } from 'react-admin';
import { todayInVietnam } from '../format';

/**
 * The API's rules for a child (api/src/modules/children/children.inputs.ts, child.service.ts),
 * checked before sending so that the messages are in the user's language; the server checks them
 * again (the commune in the user's scope among them).
 */
const textLength =
  (min: number, max: number, message: string): Validator =>
  (value: unknown) => {
    const text = typeof value === 'string' ? value.trim() : '';
    return text === '' || (text.length >= min && text.length <= max) ? undefined : message;
  };

/** The date `years` years before `date` (29/2 becomes 1/3 in a common year), as the server counts. */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}

/** A child is under 16 (Law on Children 2016, art. 1), and born by today. */
const underSixteen: Validator = (value: unknown) => {
  if (typeof value !== 'string' || value === '') return undefined;
  const today = todayInVietnam();
  if (value > today) return 'soquy.validation.date_in_future';
  return value <= yearsBefore(today, 16) ? 'soquy.children.validation.under_16' : undefined;
};

export const validateFullName = [required(), textLength(2, 120, 'soquy.children.validation.name')];
export const validateBirthDate = [required(), underSixteen];
export const validateGuardianName = [required(), textLength(2, 120, 'soquy.children.validation.name')];
export const validateAddress = [required(), textLength(3, 300, 'soquy.children.validation.address')];
export const validatePhone = [regex(/^\+?[\d .-]{8,20}$/, 'soquy.validation.phone')];
export const validateNote = [maxLength(1000)];

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The arguments of `createChild` / `updateChild` from the form. */
export function toChildArgs(values: Record<string, unknown>): Record<string, unknown> {
  const args: Record<string, unknown> = {
    fullName: text(values.fullName),
    birthDate: values.birthDate,
    gender: values.gender,
    unitId: values.unitId === null || values.unitId === undefined ? null : String(values.unitId),
    circumstanceCode: values.circumstanceCode,
    guardianName: text(values.guardianName),
    guardianPhone: text(values.guardianPhone),
    address: text(values.address),
    note: text(values.note),
  };
  if (values.id !== undefined) args.id = values.id;
  return args;
}

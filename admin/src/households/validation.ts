import { maxLength, maxValue, minValue, regex, required, type Validator } from 'react-admin';

/**
 * The API's rules for a household (api/src/modules/households/household.inputs.ts), checked before
 * sending so that the messages are in the user's language; the server checks them again (the
 * citizen ID's province code, century and the commune among them).
 */
export const validateNationalId = [required(), regex(/^\d{12}$/, 'soquy.households.validation.national_id')];

const textLength =
  (min: number, max: number, message: string): Validator =>
  (value: unknown) => {
    const text = typeof value === 'string' ? value.trim() : '';
    return text === '' || (text.length >= min && text.length <= max) ? undefined : message;
  };

export const validatePersonName = [required(), textLength(2, 120, 'soquy.households.validation.person_name')];
export const validateAddress = [required(), textLength(3, 300, 'soquy.households.validation.address')];

const wholeNumber: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(Number(value)) ? undefined : 'soquy.households.validation.household_size';

export const validateHouseholdSize = [
  required(),
  wholeNumber,
  minValue(1, 'soquy.households.validation.household_size'),
  maxValue(50, 'soquy.households.validation.household_size'),
];
export const validatePhone = [regex(/^\+?[\d .-]{8,20}$/, 'soquy.validation.phone')];
export const validateNote = [maxLength(1000)];

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The arguments of `createBeneficiaryHousehold` / `updateBeneficiaryHousehold` from the form. */
export function toHouseholdArgs(values: Record<string, unknown>, withNationalId: boolean): Record<string, unknown> {
  const args: Record<string, unknown> = {
    personName: text(values.personName),
    meritCategoryCode: values.meritCategoryCode,
    unitId: values.unitId === null || values.unitId === undefined ? null : String(values.unitId),
    address: text(values.address),
    householdSize: values.householdSize === null || values.householdSize === undefined || values.householdSize === '' ? null : Number(values.householdSize),
    houseCondition: values.houseCondition,
    phone: text(values.phone),
    note: text(values.note),
  };
  if (withNationalId) args.nationalId = typeof values.nationalId === 'string' ? values.nationalId.replace(/\s+/g, '') : values.nationalId;
  if (values.id !== undefined) args.id = values.id;
  return args;
}

import { maxLength, regex, required } from 'react-admin';

/**
 * The API's rules for a donor (api/src/modules/donors/donor.inputs.ts), checked before sending
 * so that the messages are in the user's language; the server checks them again.
 */
export const validateDonorName = [required(), maxLength(200)];
/** Mã số thuế: 10 digits, or 10 digits, a dash and 3 digits (a branch). */
export const validateTaxCode = [regex(/^\d{10}(-\d{3})?$/, 'soquy.validation.tax_code')];
/** CCCD (12 digits) or CMND (9 digits). */
export const validateIdNumber = [regex(/^(\d{9}|\d{12})$/, 'soquy.validation.id_number')];
export const validatePhone = [regex(/^\+?[\d .-]{8,20}$/, 'soquy.validation.phone')];
export const validateAddress = [maxLength(300)];

/** Codes are typed without spaces; an emptied input is no value at all. */
export const parseCode = (value: string | null | undefined): string | null => {
  const text = (value ?? '').replace(/\s+/g, '');
  return text === '' ? null : text;
};

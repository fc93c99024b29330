import { email, maxLength, minLength, required, type Validator } from 'react-admin';

/** The server's password rule (api/src/modules/auth/password.ts): 10 to 200 characters, a letter and a digit. */
export const passwordRule: Validator = (value: unknown) => {
  if (typeof value !== 'string' || value === '') return undefined;
  if (value.length > 200) return 'soquy.validation.password_too_long';
  if (value.length < 10 || !/\p{L}/u.test(value) || !/\d/.test(value)) return 'soquy.validation.password_rule';
  return undefined;
};

export const validateEmail = [required(), email(), maxLength(254)];
export const validateFullName = [required(), minLength(2), maxLength(120)];
export const validatePassword = [required(), passwordRule];

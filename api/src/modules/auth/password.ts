import argon2 from 'argon2';
import { badInput } from '../../common/errors';

/** argon2id with the library's defaults (64 MiB, 3 passes). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throw-away hash so an unknown email costs as much time as a wrong password. */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-0');
  await verifyPassword(await dummyHash, password);
}

export const PASSWORD_RULE = 'at least 10 characters, with at least one letter and one digit';

/** Throws BAD_USER_INPUT unless the password is acceptable. */
export function assertPasswordStrength(password: string, field = 'password'): void {
  if (password.length < 10 || password.length > 200 || !/\p{L}/u.test(password) || !/\d/.test(password)) {
    throw badInput(`The password is too weak: use ${PASSWORD_RULE}`, field);
  }
}

import type { Validator } from 'react-admin';
import { formatDate, todayInVietnam } from '../format';

/** Validators of `YYYY-MM-DD` values (DateInput), mirroring the API's date rules (api/src/common/dates.ts). */

/** Not after today in Vietnam: a receipt is recorded on or after the day the money came. */
export const notInFuture: Validator = (value: unknown) =>
  typeof value === 'string' && value > todayInVietnam() ? 'soquy.validation.date_in_future' : undefined;

/** Not before 01/01/2000, the API's earliest date. */
export const notTooOld: Validator = (value: unknown) =>
  typeof value === 'string' && value !== '' && value < '2000-01-01' ? 'soquy.validation.date_too_old' : undefined;

/** After the day a fund's books are closed to, when they are. */
export const afterLock =
  (lockedUntil: string | null | undefined): Validator =>
  (value: unknown) =>
    typeof value === 'string' && lockedUntil && value <= lockedUntil
      ? { message: 'soquy.validation.date_locked', args: { date: formatDate(lockedUntil) } }
      : undefined;

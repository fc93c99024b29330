import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../common/errors';

/** Failures allowed per window before a key is locked for `lockMinutes`. */
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  perEmail: 5,
  perAddress: 30,
} as const;

export const throttleKeys = (ip: string, email: string) => [
  { key: `ip:${ip}`, limit: THROTTLE.perAddress },
  { key: `email:${email}`, limit: THROTTLE.perEmail },
];

/** Refuses a sign-in while its address or its email is locked. */
export async function assertNotLocked(em: EntityManager, ip: string, email: string): Promise<void> {
  const [byAddress, byEmail] = throttleKeys(ip, email);
  const rows: { locked_until: Date | null }[] = await em.execute(
    'select max(locked_until) as locked_until from login_throttle where key in (?, ?) and locked_until > now()',
    [byAddress!.key, byEmail!.key],
  );
  const lockedUntil = rows[0]?.locked_until;
  if (lockedUntil) {
    const retryAfterSeconds = Math.max(1, Math.ceil((new Date(lockedUntil).getTime() - Date.now()) / 1000));
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      `Too many failed sign-in attempts: try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
      { retryAfterSeconds },
    );
  }
}

/**
 * Counts one failure for the address and the email, atomically, locking a key at its limit.
 * Written outside the sign-in's transaction (which rolls back when the sign-in fails).
 */
export async function recordFailure(em: EntityManager, ip: string, email: string): Promise<void> {
  for (const { key, limit } of throttleKeys(ip, email)) {
    await em.getConnection().execute(
      `insert into login_throttle as t (key, failures, window_started_at, locked_until)
       values (?, 1, now(), null)
       on conflict (key) do update set
         failures = case when t.window_started_at < now() - make_interval(mins => ?) then 1 else t.failures + 1 end,
         window_started_at = case when t.window_started_at < now() - make_interval(mins => ?) then now() else t.window_started_at end,
         locked_until = case
           when t.window_started_at >= now() - make_interval(mins => ?) and t.failures + 1 >= ? then now() + make_interval(mins => ?)
           else t.locked_until end`,
      [key, THROTTLE.windowMinutes, THROTTLE.windowMinutes, THROTTLE.windowMinutes, limit, THROTTLE.lockMinutes],
    );
  }
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearFailures(em: EntityManager, email: string): Promise<void> {
  await em.execute('delete from login_throttle where key = ?', [`email:${email}`]);
}

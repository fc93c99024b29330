import type { Permission, Role, UnitLevel } from '../types';

/** What `login` answers, kept in localStorage until sign-out or expiry. */
export interface Session {
  token: string;
  /** ISO date-time after which the server refuses the token. */
  expiresAt: string;
  user: { id: string; email: string; fullName: string; role: Role; unitId: string };
  unit: { id: string; code: string; nameWithType: string; level: UnitLevel };
  permissions: Permission[];
}

const keys = {
  token: 'soquy.token',
  expiresAt: 'soquy.expiresAt',
  user: 'soquy.user',
  unit: 'soquy.unit',
  permissions: 'soquy.permissions',
} as const;

export function saveSession(session: Session): void {
  localStorage.setItem(keys.token, session.token);
  localStorage.setItem(keys.expiresAt, session.expiresAt);
  localStorage.setItem(keys.user, JSON.stringify(session.user));
  localStorage.setItem(keys.unit, JSON.stringify(session.unit));
  localStorage.setItem(keys.permissions, JSON.stringify(session.permissions));
}

export function clearSession(): void {
  for (const key of Object.values(keys)) localStorage.removeItem(key);
}

function readJson<T>(key: string): T | undefined {
  const text = localStorage.getItem(key);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** The stored session, or undefined when there is none, it is incomplete or it has expired. */
export function currentSession(now: number = Date.now()): Session | undefined {
  const token = localStorage.getItem(keys.token);
  const expiresAt = localStorage.getItem(keys.expiresAt);
  const user = readJson<Session['user']>(keys.user);
  const unit = readJson<Session['unit']>(keys.unit);
  const permissions = readJson<Permission[]>(keys.permissions);
  if (!token || !expiresAt || !user || !unit || !Array.isArray(permissions)) return undefined;
  const expiry = Date.parse(expiresAt);
  if (Number.isNaN(expiry) || expiry <= now) return undefined;
  return { token, expiresAt, user, unit, permissions };
}

/** True when a token is stored but its time is up (as opposed to never having signed in). */
export function sessionExpired(now: number = Date.now()): boolean {
  return localStorage.getItem(keys.token) !== null && currentSession(now) === undefined;
}

const EXPIRED_NOTICE = 'soquy.sessionExpired';

/** Remembers, for the sign-in page of this tab, that the session ended because its time was up. */
export function rememberExpiredSession(): void {
  sessionStorage.setItem(EXPIRED_NOTICE, '1');
}

/** True once after {@link rememberExpiredSession}. */
export function takeExpiredSessionNotice(): boolean {
  const noticed = sessionStorage.getItem(EXPIRED_NOTICE) !== null;
  sessionStorage.removeItem(EXPIRED_NOTICE);
  return noticed;
}

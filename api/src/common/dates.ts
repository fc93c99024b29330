import { badInput } from './errors';

/** Today's date in Việt Nam (UTC+7), as YYYY-MM-DD. */
export function todayVn(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** "2025-07-01" → "01/07/2025" */
export function formatDateVi(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** "2025-07-01", 30 → "2025-07-31" (calendar days, no time zone involved). */
export function addDays(date: string, days: number): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  parsed.setUTCDate(parsed.getUTCDate() + days);
  return parsed.toISOString().slice(0, 10);
}

/** Throws BAD_USER_INPUT unless `date` is a real calendar date YYYY-MM-DD between 2000 and 2100. */
export function assertDate(date: string, field: string): void {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw badInput(`${field} "${date}" is not a date: expected YYYY-MM-DD`, field);
  }
  if (date < '2000-01-01') throw badInput(`${field} ${formatDateVi(date)} is too far in the past`, field);
  if (date > '2100-12-31') throw badInput(`${field} ${formatDateVi(date)} is too far in the future`, field);
}

/** Throws BAD_USER_INPUT unless `date` is a real date, not after today: what happened is dated on or before today. */
export function assertPastDate(date: string, field: string, now: Date = new Date()): void {
  assertDate(date, field);
  if (date > todayVn(now)) throw badInput(`${field} ${formatDateVi(date)} is in the future: record it on or after the day it happened`, field);
}

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

/** Throws BAD_USER_INPUT unless `date` is a real calendar date YYYY-MM-DD, not after today. */
export function assertPastDate(date: string, field: string, now: Date = new Date()): void {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw badInput(`${field} "${date}" is not a date: expected YYYY-MM-DD`, field);
  }
  if (date > todayVn(now)) throw badInput(`${field} ${formatDateVi(date)} is in the future: a receipt is recorded on or after the day the money came`, field);
  if (date < '2000-01-01') throw badInput(`${field} ${formatDateVi(date)} is too far in the past`, field);
}

/**
 * Formatting at the edge (STYLE §4): money, dates and date-times as a Vietnamese reader expects
 * them. Pure functions with no React or browser dependency, so later issues (receipts, reports)
 * and the unit tests can use them directly.
 */

/** The time zone of every business date-time shown in the console (Vietnam, UTC+7, no DST). */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * The separator between an amount and "₫": a non-breaking space (U+00A0), so that the currency
 * sign never wraps onto its own line. Compare against `1.500.000\u00a0₫` in tests.
 */
export const CURRENCY_SEPARATOR = '\u00a0';

const WHOLE_NUMBER = /^-?\d+$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toBigInt(amount: number | bigint | string): bigint {
  if (typeof amount === 'bigint') return amount;
  if (typeof amount === 'number') {
    if (!Number.isSafeInteger(amount)) {
      throw new RangeError(`Not a whole number of đồng: ${amount} (amounts are integers, STYLE §4)`);
    }
    return BigInt(amount);
  }
  const text = amount.trim();
  if (!WHOLE_NUMBER.test(text)) throw new RangeError(`Not a whole number of đồng: "${amount}"`);
  return BigInt(text);
}

/**
 * Whole VND with dots between thousands and the đồng sign: `formatMoney(1500000)` is
 * "1.500.000 ₫" and `formatMoney(-1500000)` is "-1.500.000 ₫", where the space is
 * {@link CURRENCY_SEPARATOR}. Accepts numbers (safe integers), bigints and integer strings
 * (as GraphQL `SafeInt` or a bigint column may arrive); anything else is a RangeError, since an
 * amount with a fraction is a bug, not something to round.
 */
export function formatMoney(amount: number | bigint | string): string {
  return `${formatWholeNumber(amount)}${CURRENCY_SEPARATOR}₫`;
}

/** A whole number with dots between thousands and no currency sign: "1.500.000" (amount inputs, counts). */
export function formatWholeNumber(amount: number | bigint | string): string {
  const value = toBigInt(amount);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Year, month, day, hour and minute of an instant as seen in Vietnam. */
function partsInVietnam(date: Date): { year: string; month: string; day: string; hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year').padStart(4, '0'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** A `YYYY-MM-DD` string checked to be a real calendar day, or undefined if the text is not one. */
function localDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = LOCAL_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, does not map years 0–99 to 1900–1999
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: "${text}"`);
  }
  return { year, month, day };
}

function toDate(value: string | Date): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: "${String(value)}"`);
  return date;
}

/**
 * `dd/MM/yyyy`. A `YYYY-MM-DD` string (GraphQL `LocalDate`) is a calendar day and is printed as
 * it is, never shifted by a time zone; a Date or a date-time string (GraphQL `DateTimeISO`) is an
 * instant and is printed as its day in Vietnam ({@link TIME_ZONE}).
 */
export function formatDate(value: string | Date): string {
  const day = typeof value === 'string' ? localDate(value.trim()) : undefined;
  if (day) return `${pad(day.day)}/${pad(day.month)}/${String(day.year).padStart(4, '0')}`;
  const p = partsInVietnam(toDate(value));
  return `${p.day}/${p.month}/${p.year}`;
}

/**
 * `dd/MM/yyyy HH:mm` (24-hour clock) in Vietnam ({@link TIME_ZONE}), whatever the browser's own
 * time zone. Date-time strings should carry their offset (`Z` or `+07:00`), as `DateTimeISO` does;
 * a bare `YYYY-MM-DD` is taken as the start of that day in Vietnam.
 */
export function formatDateTime(value: string | Date): string {
  if (typeof value === 'string' && localDate(value.trim())) return `${formatDate(value)} 00:00`;
  const p = partsInVietnam(toDate(value));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today in Vietnam as `YYYY-MM-DD`, whatever the browser's time zone: a receipt's default date and its latest. */
export function todayInVietnam(now: Date = new Date()): string {
  const p = partsInVietnam(now);
  return `${p.year}-${p.month}-${p.day}`;
}

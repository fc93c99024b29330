/**
 * Vietnamese reading of an amount of đồng, as printed on a receipt (phiếu thu / phiếu chi) after
 * "Bằng chữ:", e.g. 1_500_000n → "Một triệu năm trăm nghìn đồng".
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const THOUSAND = 1_000n;
const BILLION = 1_000_000_000n;
/** Scale words of the three 3-digit groups below one tỷ, highest first. */
const GROUP_SCALES = ['triệu', 'nghìn', ''] as const;

function digit(d: number): string {
  return DIGITS[d]!;
}

/**
 * Reads one 3-digit group (1–999). `full` is true when higher digits precede the group, so its
 * hundreds are always read ("không trăm") and a lone unit after zero tens takes "linh".
 */
function readGroup(group: number, full: boolean): string[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const units = group % 10;
  const words: string[] = [];
  const readHundreds = full || hundreds > 0;
  if (readHundreds) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0 && readHundreds) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(digit(tens), 'mươi');
  }
  if (units === 1 && tens >= 2) words.push('mốt');
  else if (units === 4 && tens >= 2) words.push('tư');
  else if (units === 5 && tens >= 1) words.push('lăm');
  else if (units > 0) words.push(digit(units));
  return words;
}

/** Reads 0 ≤ n < 1 tỷ as up to three groups (triệu, nghìn, units); whole zero groups are skipped. */
function readBelowBillion(n: bigint, full: boolean): string[] {
  const groups = [Number(n / 1_000_000n), Number((n / THOUSAND) % THOUSAND), Number(n % THOUSAND)];
  const words: string[] = [];
  let started = full;
  groups.forEach((group, i) => {
    if (group === 0) return;
    words.push(...readGroup(group, started));
    if (GROUP_SCALES[i]) words.push(GROUP_SCALES[i]);
    started = true;
  });
  return words;
}

/**
 * Reads n > 0 as "<n div 1 tỷ> tỷ <n mod 1 tỷ>", recursively, so scales continue as "nghìn tỷ",
 * "triệu tỷ", "tỷ tỷ", and 1_234 × 10⁹ reads "một nghìn hai trăm ba mươi tư tỷ".
 */
function readPositive(n: bigint, full: boolean): string[] {
  const high = n / BILLION;
  const words: string[] = [];
  if (high > 0n) words.push(...readPositive(high, full), 'tỷ');
  words.push(...readBelowBillion(n % BILLION, full || high > 0n));
  return words;
}

function toAmount(amount: bigint | number): bigint {
  if (typeof amount === 'bigint') {
    if (amount >= 0n) return amount;
  } else if (typeof amount === 'number') {
    if (Number.isSafeInteger(amount) && amount >= 0) return BigInt(amount);
  } else {
    throw new TypeError(`amountInWords: expected a bigint or a number, got ${typeof amount}`);
  }
  throw new RangeError(
    `amountInWords: amount must be a non-negative whole number of đồng ` +
      `(a bigint ≥ 0, or a safe integer number 0…${Number.MAX_SAFE_INTEGER}), got ${String(amount)}`,
  );
}

/**
 * Returns a whole amount of Vietnamese đồng in words, as written on a receipt after "Bằng chữ:":
 * first letter upper-case, ending with " đồng" (0 → "Không đồng", 21 → "Hai mươi mốt đồng",
 * 1_005 → "Một nghìn không trăm linh năm đồng", 34_000_000_000 → "Ba mươi tư tỷ đồng").
 *
 * Accepts a bigint ≥ 0 or a non-negative safe integer number; anything else (negative,
 * fractional, NaN, ±Infinity, beyond Number.MAX_SAFE_INTEGER) throws a RangeError.
 */
export function amountInWords(amount: bigint | number): string {
  const n = toAmount(amount);
  const words = n === 0n ? [DIGITS[0]] : readPositive(n, false);
  const text = [...words, 'đồng'].join(' ').replace(/\s+/g, ' ').trim().toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

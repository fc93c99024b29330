import { CURRENCY_SEPARATOR, formatDate, formatDateTime, formatMoney } from '../../admin/src/format';

// The space before ₫ is a non-breaking one (U+00A0), so that the sign never wraps on its own.
const vnd = (digits: string) => `${digits}\u00a0₫`;

describe('formatMoney', () => {
  it('uses a non-breaking space before the đồng sign', () => {
    expect(CURRENCY_SEPARATOR).toBe('\u00a0');
  });

  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1.000'],
    [1_500_000, '1.500.000'],
    [40_000_000, '40.000.000'],
    [34_000_000_000, '34.000.000.000'],
    [Number.MAX_SAFE_INTEGER, '9.007.199.254.740.991'],
  ])('formats %p as %p ₫', (amount, digits) => {
    expect(formatMoney(amount)).toBe(vnd(digits));
  });

  it('puts the minus sign before negative amounts', () => {
    expect(formatMoney(-1_500_000)).toBe(`-${vnd('1.500.000')}`);
    expect(formatMoney(-999)).toBe(`-${vnd('999')}`);
  });

  it('never prints a negative zero', () => {
    expect(formatMoney(-0)).toBe(vnd('0'));
  });

  it('accepts bigints beyond the safe integer range', () => {
    expect(formatMoney(12_345_678_901_234_567_890n)).toBe(vnd('12.345.678.901.234.567.890'));
    expect(formatMoney(-1_000n)).toBe(`-${vnd('1.000')}`);
  });

  it('accepts integer strings, as a bigint column or a SafeInt may arrive', () => {
    expect(formatMoney('1500000')).toBe(vnd('1.500.000'));
    expect(formatMoney('-2500')).toBe(`-${vnd('2.500')}`);
    expect(formatMoney(' 42 ')).toBe(vnd('42'));
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 53]])('refuses %p: amounts are whole đồng', (amount) => {
    expect(() => formatMoney(amount)).toThrow(RangeError);
  });

  it.each([[''], ['1.500.000'], ['1,5'], ['12a'], ['1e6']])('refuses the string %p', (amount) => {
    expect(() => formatMoney(amount)).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('prints a LocalDate as dd/MM/yyyy without any time-zone shift', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('2025-06-30')).toBe('30/06/2025');
    expect(formatDate('2024-02-29')).toBe('29/02/2024');
    expect(formatDate('0999-01-05')).toBe('05/01/0999');
    expect(formatDate('0099-12-31')).toBe('31/12/0099');
  });

  it('prints an instant as its day in Vietnam', () => {
    // 17:30 UTC on 30 June is already 1 July in Hà Nội (UTC+7).
    expect(formatDate('2025-06-30T17:30:00Z')).toBe('01/07/2025');
    expect(formatDate('2025-06-30T16:59:59Z')).toBe('30/06/2025');
    expect(formatDate(new Date(Date.UTC(2025, 11, 31, 18, 0)))).toBe('01/01/2026');
  });

  it.each([['2025-02-30'], ['2025-13-01'], ['not a date'], ['']])('refuses %p', (value) => {
    expect(() => formatDate(value)).toThrow(RangeError);
  });

  it('refuses an invalid Date', () => {
    expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  it('prints dd/MM/yyyy HH:mm in Vietnam, on a 24-hour clock', () => {
    expect(formatDateTime('2025-07-01T03:05:00Z')).toBe('01/07/2025 10:05');
    expect(formatDateTime('2025-06-30T17:00:00.000Z')).toBe('01/07/2025 00:00');
    expect(formatDateTime('2025-07-01T16:59:00Z')).toBe('01/07/2025 23:59');
    expect(formatDateTime(new Date(Date.UTC(2026, 0, 1, 5, 30)))).toBe('01/01/2026 12:30');
  });

  it('honours an explicit offset in the string', () => {
    expect(formatDateTime('2025-07-01T08:15:00+07:00')).toBe('01/07/2025 08:15');
    expect(formatDateTime('2025-07-01T08:15:00+09:00')).toBe('01/07/2025 06:15');
  });

  it('takes a bare LocalDate as the start of that day', () => {
    expect(formatDateTime('2025-07-01')).toBe('01/07/2025 00:00');
  });

  it('does not depend on the time zone of the machine', () => {
    const instant = '2025-03-09T09:45:00Z';
    const previous = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        expect(formatDateTime(instant)).toBe('09/03/2025 16:45');
        expect(formatDate('2025-03-09')).toBe('09/03/2025');
      }
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('refuses what is not a date', () => {
    expect(() => formatDateTime('yesterday')).toThrow(RangeError);
  });
});

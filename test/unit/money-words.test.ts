import { amountInWords } from '../../api/src/common/money-words';

describe('amountInWords', () => {
  it.each<[bigint, string]>([
    [0n, 'Không đồng'],
    [1n, 'Một đồng'],
    [2n, 'Hai đồng'],
    [3n, 'Ba đồng'],
    [4n, 'Bốn đồng'],
    [5n, 'Năm đồng'],
    [6n, 'Sáu đồng'],
    [7n, 'Bảy đồng'],
    [8n, 'Tám đồng'],
    [9n, 'Chín đồng'],
    [10n, 'Mười đồng'],
    [11n, 'Mười một đồng'],
    [12n, 'Mười hai đồng'],
    [13n, 'Mười ba đồng'],
    [14n, 'Mười bốn đồng'],
    [15n, 'Mười lăm đồng'],
    [16n, 'Mười sáu đồng'],
    [17n, 'Mười bảy đồng'],
    [18n, 'Mười tám đồng'],
    [19n, 'Mười chín đồng'],
    [20n, 'Hai mươi đồng'],
    [21n, 'Hai mươi mốt đồng'],
    [22n, 'Hai mươi hai đồng'],
    [23n, 'Hai mươi ba đồng'],
    [24n, 'Hai mươi tư đồng'],
    [25n, 'Hai mươi lăm đồng'],
    [26n, 'Hai mươi sáu đồng'],
    [27n, 'Hai mươi bảy đồng'],
    [28n, 'Hai mươi tám đồng'],
    [29n, 'Hai mươi chín đồng'],
    [30n, 'Ba mươi đồng'],
    [31n, 'Ba mươi mốt đồng'],
    [34n, 'Ba mươi tư đồng'],
    [95n, 'Chín mươi lăm đồng'],
  ])('reads %p below one hundred', (amount, expected) => {
    expect(amountInWords(amount)).toBe(expected);
  });

  it.each<[bigint, string]>([
    [100n, 'Một trăm đồng'],
    [101n, 'Một trăm linh một đồng'],
    [104n, 'Một trăm linh bốn đồng'],
    [105n, 'Một trăm linh năm đồng'],
    [110n, 'Một trăm mười đồng'],
    [111n, 'Một trăm mười một đồng'],
    [114n, 'Một trăm mười bốn đồng'],
    [115n, 'Một trăm mười lăm đồng'],
    [121n, 'Một trăm hai mươi mốt đồng'],
    [999n, 'Chín trăm chín mươi chín đồng'],
  ])('reads %p in hundreds', (amount, expected) => {
    expect(amountInWords(amount)).toBe(expected);
  });

  it.each<[bigint, string]>([
    [1_000n, 'Một nghìn đồng'],
    [1_005n, 'Một nghìn không trăm linh năm đồng'],
    [1_000_001n, 'Một triệu không trăm linh một đồng'],
    [1_500_000n, 'Một triệu năm trăm nghìn đồng'],
    [10_000_000n, 'Mười triệu đồng'],
    [100_000_000n, 'Một trăm triệu đồng'],
    [
      999_999_999n,
      'Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng',
    ],
    [1_000_000_000n, 'Một tỷ đồng'],
    [1_000_000_005n, 'Một tỷ không trăm linh năm đồng'],
    [2_000_050_000n, 'Hai tỷ không trăm năm mươi nghìn đồng'],
    [34_000_000_000n, 'Ba mươi tư tỷ đồng'],
    [
      1_234_567_891n,
      'Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng',
    ],
  ])('reads %p in nghìn, triệu and tỷ', (amount, expected) => {
    expect(amountInWords(amount)).toBe(expected);
  });

  it.each<[bigint, string]>([
    [1_000_000_000_000n, 'Một nghìn tỷ đồng'],
    [1_000_000_000_005n, 'Một nghìn tỷ không trăm linh năm đồng'],
    [1_005_000_000_000n, 'Một nghìn không trăm linh năm tỷ đồng'],
    [1_234_000_000_000n, 'Một nghìn hai trăm ba mươi tư tỷ đồng'],
    [1_000_000_000_000_000n, 'Một triệu tỷ đồng'],
    [1_000_000_000_000_000_000n, 'Một tỷ tỷ đồng'],
    [
      9_007_199_254_740_991n,
      'Chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ ' +
        'hai trăm năm mươi tư triệu bảy trăm bốn mươi nghìn chín trăm chín mươi mốt đồng',
    ],
  ])('reads %p above one tỷ with nghìn tỷ, triệu tỷ, tỷ tỷ', (amount, expected) => {
    expect(amountInWords(amount)).toBe(expected);
  });

  it.each([0, 5, 21, 1_005, 1_234_567_891, 34_000_000_000, Number.MAX_SAFE_INTEGER])(
    'reads the safe integer number %p like the bigint',
    (amount) => {
      expect(amountInWords(amount)).toBe(amountInWords(BigInt(amount)));
    },
  );

  it('reads negative zero as zero', () => {
    expect(amountInWords(-0)).toBe('Không đồng');
  });

  it('normalises: single spaces, NFC, only the first letter upper-case', () => {
    for (const amount of [0n, 15n, 1_005n, 2_000_050_000n, 1_234_567_891n, 1_000_000_000_000n]) {
      const text = amountInWords(amount);
      expect(text).toBe(text.normalize('NFC'));
      expect(text).not.toMatch(/\s{2}|^\s|\s$/);
      expect(text.slice(1)).toBe(text.slice(1).toLowerCase());
      expect(text.charAt(0)).toBe(text.charAt(0).toUpperCase());
      expect(text.endsWith(' đồng')).toBe(true);
    }
  });

  it.each<[bigint | number]>([
    [-1n],
    [-1_000_000n],
    [-1],
    [-0.5],
    [1.5],
    [0.1],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [Number.NEGATIVE_INFINITY],
    [Number.MAX_SAFE_INTEGER + 1],
    [2 ** 60],
  ])('refuses %p with a RangeError saying what is allowed', (amount) => {
    expect(() => amountInWords(amount)).toThrow(RangeError);
    expect(() => amountInWords(amount)).toThrow(/non-negative whole number.*bigint.*safe integer/);
  });

  it('refuses a value that is neither a bigint nor a number', () => {
    expect(() => amountInWords('1000' as unknown as number)).toThrow(TypeError);
  });
});

import { badInput } from '../../common/errors';
import { viFold } from '../../common/text';

/**
 * Parsing of a bank statement (sao kê ngân hàng) exported as CSV: UTF-8 with or without a BOM,
 * separated by commas, semicolons or tabs (detected), quoted fields as in RFC 4180, an optional
 * header row recognised by its column names (Vietnamese or English, with or without diacritics).
 * Pure code: no database; the import service validates the rows against the fund.
 */

export type ImportColumn = 'reference' | 'date' | 'amount' | 'payer' | 'description';

/** Column order assumed when the file has no header row. */
export const DEFAULT_COLUMNS: readonly ImportColumn[] = ['reference', 'date', 'amount', 'payer', 'description'];

/** Header names (folded: lower case, no diacritics) recognised for each column; the first match wins. */
const headerNames: Record<ImportColumn, readonly string[]> = {
  reference: ['ma giao dich', 'so tham chieu', 'ma tham chieu', 'so but toan', 'so giao dich', 'ma gd', 'so ct', 'so chung tu', 'reference', 'ref', 'transaction id', 'transaction no', 'txn'],
  date: ['ngay giao dich', 'ngay hieu luc', 'ngay ghi so', 'ngay', 'date', 'transaction date', 'value date', 'posting date'],
  amount: ['so tien ghi co', 'ghi co', 'phat sinh co', 'so tien', 'credit', 'amount'],
  payer: ['ten nguoi chuyen', 'nguoi chuyen', 'nguoi nop', 'ten tai khoan doi ung', 'doi ung', 'ten doi ung', 'payer', 'remitter', 'sender', 'counterparty'],
  description: ['noi dung', 'dien giai', 'mo ta', 'description', 'details', 'narrative', 'remarks'],
};

export interface RawRow {
  /** 1-based line of the file where the row starts (the header is line 1 when present). */
  line: number;
  fields: string[];
}

export interface ParsedStatement {
  header: boolean;
  /** Index of each column in a row; description may be absent (-1). */
  columns: Record<ImportColumn, number>;
  rows: RawRow[];
}

/** Decodes the uploaded bytes as UTF-8 (a BOM is dropped); anything else is refused with a clear message. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    throw badInput('The file is not UTF-8 text: save the statement as "CSV UTF-8" and upload it again', 'file');
  }
}

function detectDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Splits CSV text into records (RFC 4180 quoting, CRLF or LF), with the line each record starts on; blank lines are skipped. */
export function splitCsv(text: string, delimiter: string): RawRow[] {
  const rows: RawRow[] = [];
  const sep = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const n = text.length;
  let line = 1;
  let i = 0;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    // One record: fields until an unquoted end of line (or the end of the text).
    for (;;) {
      let j = i;
      while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) && text.charCodeAt(j) !== sep) j++;
      if (j < n && text.charCodeAt(j) === QUOTE) {
        // A quoted field: "" is a quote; line breaks inside are kept.
        let value = '';
        let from = j + 1;
        let k = from;
        for (;;) {
          const q = text.indexOf('"', k);
          if (q < 0) {
            value += text.slice(from);
            k = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = k = q + 2;
            continue;
          }
          value += text.slice(from, q);
          k = q + 1;
          break;
        }
        for (let c = j; c < k; c++) if (text.charCodeAt(c) === LF) line++;
        // Anything after the closing quote up to the separator is kept, as spreadsheets do.
        let e = k;
        while (e < n && text.charCodeAt(e) !== sep && text.charCodeAt(e) !== LF && text.charCodeAt(e) !== CR) e++;
        fields.push(value + text.slice(k, e));
        i = e;
      } else {
        let e = i;
        while (e < n && text.charCodeAt(e) !== sep && text.charCodeAt(e) !== LF && text.charCodeAt(e) !== CR) e++;
        fields.push(text.slice(i, e));
        i = e;
      }
      if (i < n && text.charCodeAt(i) === sep) {
        i++;
        continue;
      }
      // End of line (CRLF, LF or CR) or of the text.
      if (i < n && text.charCodeAt(i) === CR) i++;
      if (i < n && text.charCodeAt(i) === LF) i++;
      line++;
      break;
    }
    if (fields.some((f) => f.trim() !== '')) rows.push({ line: start, fields });
  }
  return rows;
}

function headerColumns(fields: string[]): Record<ImportColumn, number> | null {
  const folded = fields.map((f) => viFold(f).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim());
  const columns = { reference: -1, date: -1, amount: -1, payer: -1, description: -1 } as Record<ImportColumn, number>;
  const taken = new Set<number>();
  for (const column of Object.keys(headerNames) as ImportColumn[]) {
    for (const name of headerNames[column]) {
      const index = folded.findIndex((f, i) => !taken.has(i) && (f === name || f.startsWith(`${name} `)));
      if (index >= 0) {
        columns[column] = index;
        taken.add(index);
        break;
      }
    }
  }
  const found = Object.values(columns).filter((i) => i >= 0).length;
  return found >= 2 ? columns : null;
}

/**
 * Parses a statement: finds the delimiter and a header row (when the first row names at least two
 * known columns). Without a header the columns are reference, date, amount, payer, description.
 */
export function parseStatement(text: string): ParsedStatement {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const eol = body.search(/[\r\n]/);
  const firstLine = eol < 0 ? body : body.slice(0, eol);
  const rows = splitCsv(body, detectDelimiter(firstLine));
  if (rows.length === 0) throw badInput('The file holds no rows: upload the bank statement as CSV', 'file');
  const columns = headerColumns(rows[0]!.fields);
  if (!columns) {
    return { header: false, columns: { reference: 0, date: 1, amount: 2, payer: 3, description: 4 }, rows };
  }
  const missing = (['reference', 'date', 'amount'] as const).filter((c) => columns[c] < 0);
  if (missing.length) {
    throw badInput(
      `The header row names no column for ${missing.join(', ')}: the statement needs the bank reference (mã giao dịch), the date (ngày) and the amount (số tiền)`,
      'file',
    );
  }
  return { header: true, columns, rows: rows.slice(1) };
}

/**
 * A whole number of đồng written the Vietnamese way ("1.500.000", "1 500 000", "1.500.000 đ",
 * "1.500.000,00") or plainly ("1500000", "1,500,000"); null when it is not one.
 */
export function parseVnd(input: string): number | null {
  let text = input
    .trim()
    .replace(/\s*(vnd|vnđ|đồng|đ|₫|d)$/i, '')
    .replace(/[\s\u00a0]/g, '');
  if (text.startsWith('+')) text = text.slice(1);
  let digits: string;
  if (/^\d+$/.test(text)) digits = text;
  else if (/^\d{1,3}(\.\d{3})+(,0{1,2})?$/.test(text)) digits = text.replace(/,0+$/, '').replace(/\./g, '');
  else if (/^\d{1,3}(,\d{3})+(\.0{1,2})?$/.test(text)) digits = text.replace(/\.0+$/, '').replace(/,/g, '');
  else if (/^\d+[.,]0{1,2}$/.test(text)) digits = text.replace(/[.,]0+$/, '');
  else return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}

/** dd/mm/yyyy (or d/m/yyyy, with - or . too, a time after it allowed), or yyyy-mm-dd, as YYYY-MM-DD; null when not a real date. */
export function parseVnDate(input: string): string | null {
  const text = input.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
    if (!match) return null;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) return null;
  return iso;
}

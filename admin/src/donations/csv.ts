/**
 * CSV as spreadsheet programs read it (RFC 4180): comma-separated, CRLF line ends, quoted when
 * needed, and a byte-order mark so that Excel reads the Vietnamese text as UTF-8.
 */
export type CsvCell = string | number | null | undefined;

/** Text a spreadsheet would run as a formula ("=…", "+…", "-…", "@…") is prefixed with an apostrophe. */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers stay plain digits (amounts in whole đồng): no grouping, no currency sign.
  const text = typeof value === 'number' ? String(value) : neutralised(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [headers, ...rows].map((row) => row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

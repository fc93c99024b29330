import type { Response } from 'express';
import ExcelJS from 'exceljs';

export interface ExportColumn<K extends string = string> {
  key: K;
  header: string;
  /** A number column: formatted with thousands separators in XLSX. */
  numeric?: boolean;
  width?: number;
}

export type ExportRow = Record<string, string | number | null>;

/** A CSV cell: quoted when needed; a leading = + - @ is defused so spreadsheets never run it as a formula. */
export const csvCell = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\n\r;]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : text;
};

export async function writeWithBackpressure(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
}

/**
 * Streams rows as CSV (UTF-8 with BOM, for Excel) or XLSX to the response, with back-pressure:
 * memory stays flat whatever the number of rows.
 */
export async function sendTable(res: Response, format: 'csv' | 'xlsx', file: { name: string; sheet: string }, columns: readonly ExportColumn[], rows: AsyncIterable<ExportRow> | Iterable<ExportRow>): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 10);
  res.setHeader('Content-Disposition', `attachment; filename="${file.name}-${stamp}.${format}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    await writeWithBackpressure(res, `\uFEFF${columns.map((c) => csvCell(c.header)).join(',')}\r\n`);
    for await (const row of rows) await writeWithBackpressure(res, `${columns.map((c) => csvCell(row[c.key] ?? null)).join(',')}\r\n`);
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(file.sheet);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 20, style: c.numeric ? { numFmt: '#,##0' } : {} }));
  for await (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

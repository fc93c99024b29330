import { createRequire } from 'node:module';
import path from 'node:path';
import type { Request, Response } from 'express';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { signedIn, type RequestContext } from '../../common/context';
import { formatDateVi } from '../../common/dates';
import { AppError, ErrorCode } from '../../common/errors';
import { hasPermission, Permission } from '../../common/permissions';
import { FundKind } from '../funds/fund.entity';
import { statementService } from './statement.service';
import { StatementUnitView, type FundStatement, type StatementFigures, type StatementInput, type StatementRow } from './statement.types';

const fontDir = path.join(path.dirname(createRequire(__filename).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const statementTitle = (kind: FundKind) => `BÁO CÁO THU CHI QUỸ ${kind === FundKind.CHILD_PROTECTION ? 'BẢO TRỢ TRẺ EM' : 'ĐỀN ƠN ĐÁP NGHĨA'}`;

const methodLabel: Record<string, string> = { CASH: 'Tiền mặt', BANK_TRANSFER: 'Chuyển khoản', IN_KIND: 'Hiện vật' };
const donorTypeLabel: Record<string, string> = { INDIVIDUAL: 'Cá nhân', ENTERPRISE: 'Doanh nghiệp', AGENCY: 'Cơ quan', ORGANISATION: 'Tổ chức', ANONYMOUS: 'Ẩn danh' };
const categoryLabel: Record<string, string> = {
  HOUSING_NEW: 'Xây nhà mới',
  HOUSING_REPAIR: 'Sửa chữa nhà',
  MEMORIAL_WORK: 'Công trình ghi công liệt sĩ',
  CHILD_GIFT: 'Quà cho trẻ em',
  SCHOLARSHIP: 'Học bổng',
  SURGERY: 'Hỗ trợ phẫu thuật',
  HARDSHIP: 'Hỗ trợ khó khăn',
  ADMINISTRATION: 'Chi phí quản lý',
  TRANSFER: 'Chuyển quỹ',
};
const levelLabel: Record<string, string> = { PROVINCE: 'Cấp tỉnh', DISTRICT: 'Cấp huyện', COMMUNE: 'Cấp xã' };
const purposeLabel = (p: string) => categoryLabel[p] ?? (p.startsWith('project:') ? `Dự án ${p.slice(8)}` : p);

/** 1234567 → "1.234.567" (Vietnamese thousands separator), negative with a minus sign. */
export function formatVnd(amount: number): string {
  const text = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return amount < 0 ? `-${text}` : text;
}

export interface StatementLine {
  label: string;
  current: number;
  previous: number | null;
  /** 0: a section total, 1: a line of it, 2: a breakdown. */
  depth: 0 | 1 | 2;
}

/** The statement as labelled lines with the previous year's figure: the one layout of both exports. */
export function statementLines(st: FundStatement): StatementLine[] {
  const lines: StatementLine[] = [];
  const cur = st.current;
  const prev = st.previous ?? null;
  const add = (label: string, depth: 0 | 1 | 2, pick: (f: StatementFigures) => number) => lines.push({ label, depth, current: pick(cur), previous: prev ? pick(prev) : null });
  const keyed = <T>(list: (f: StatementFigures) => T[], key: (x: T) => string, amount: (x: T) => number) => {
    const keys = [...new Set([...list(cur), ...(prev ? list(prev) : [])].map(key))];
    return keys.map((k) => ({ k, pick: (f: StatementFigures) => list(f).filter((x) => key(x) === k).reduce((s, x) => s + amount(x), 0) }));
  };
  add('I. Số dư đầu kỳ', 0, (f) => f.opening.total);
  add('Tiền chưa xác định mục đích', 1, (f) => f.opening.free);
  add('Tiền có địa chỉ (chỉ định mục đích)', 1, (f) => f.opening.earmarked);
  add('Hiện vật', 1, (f) => f.opening.goods);
  add('II. Thu trong kỳ', 0, (f) => f.receipts.total);
  add('Tiếp nhận ủng hộ', 1, (f) => f.receipts.donations);
  add('Huỷ phiếu thu (trừ)', 1, (f) => f.receipts.voids);
  for (const { k, pick } of keyed((f) => f.receipts.byMethod, (x) => x.method ?? 'OTHER', (x) => x.amount)) add(`Theo hình thức: ${methodLabel[k] ?? 'Khác'}`, 2, pick);
  for (const { k, pick } of keyed((f) => f.receipts.byDonorType, (x) => x.donorType ?? 'WALK_IN', (x) => x.amount)) add(`Theo người ủng hộ: ${donorTypeLabel[k] ?? 'Vãng lai'}`, 2, pick);
  add('III. Chi trong kỳ', 0, (f) => f.disbursements.total);
  add('Chi theo phiếu chi', 1, (f) => f.disbursements.gross);
  add('Quà không trao được hoàn quỹ (trừ)', 1, (f) => f.disbursements.giftReturns);
  for (const { k, pick } of keyed((f) => f.disbursements.byCategory, (x) => `${x.category}|${x.inKind}`, (x) => x.amount)) {
    const [category, inKind] = k.split('|');
    add(`${categoryLabel[category!] ?? category}${inKind === 'true' ? ' (hiện vật)' : ''}`, 2, pick);
  }
  add('IV. Nhận chuyển quỹ', 0, (f) => f.transfersIn.total);
  add('Trong đó: giữa các quỹ của báo cáo', 1, (f) => f.transfersIn.internal);
  add('Trong đó: tiếp nhận khi sắp xếp đơn vị hành chính', 1, (f) => f.transfersIn.succession);
  add('V. Chuyển quỹ đi', 0, (f) => f.transfersOut.total);
  add('Trong đó: giữa các quỹ của báo cáo', 1, (f) => f.transfersOut.internal);
  add('Trong đó: bàn giao khi sắp xếp đơn vị hành chính', 1, (f) => f.transfersOut.succession);
  add('VI. Số dư cuối kỳ (I + II - III + IV - V)', 0, (f) => f.closing.total);
  add('Tiền chưa xác định mục đích', 1, (f) => f.closing.free);
  add('Tiền có địa chỉ (chỉ định mục đích)', 1, (f) => f.closing.earmarked);
  for (const { k, pick } of keyed((f) => f.earmarkedClosing, (x) => x.purpose, (x) => x.amount)) add(purposeLabel(k), 2, pick);
  add('Hiện vật', 1, (f) => f.closing.goods);
  add('Số dư theo sổ cái', 1, (f) => f.ledgerClosing);
  return lines;
}

const period = (st: { from: string; to: string }) => `Từ ngày ${formatDateVi(st.from)} đến ngày ${formatDateVi(st.to)}`;
const rowLabel = (r: StatementRow) => (r.unitName ? `${r.unitName}${r.validTo ? ` (đến ${formatDateVi(r.validTo)})` : ''}` : (levelLabel[r.level] ?? r.level));
const rowColumns: [string, (r: StatementRow) => number][] = [
  ['Số dư đầu kỳ', (r) => r.opening],
  ['Thu', (r) => r.receipts],
  ['Chi', (r) => r.disbursements],
  ['Nhận chuyển', (r) => r.transfersIn],
  ['Chuyển đi', (r) => r.transfersOut],
  ['Số dư cuối kỳ', (r) => r.closing],
];

async function writeXlsx(res: Response, st: FundStatement): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useSharedStrings: false, useStyles: true });
  const money = { numFmt: '#,##0' };
  const sheet = workbook.addWorksheet('Báo cáo');
  sheet.columns = [
    { key: 'label', width: 55 },
    { key: 'current', width: 20, style: money },
    { key: 'previous', width: 20, style: money },
    { key: 'change', width: 20, style: money },
  ];
  sheet.addRow([statementTitle(st.kind)]).commit();
  sheet.addRow([st.unitName]).commit();
  sheet.addRow([period(st)]).commit();
  sheet.addRow([`Đơn vị: ${st.unitView === StatementUnitView.MAPPED ? 'theo đơn vị hành chính hiện nay' : 'theo đơn vị ghi sổ'}; cân đối: ${st.balanced ? 'đúng' : 'SAI'}`]).commit();
  sheet.addRow(['Chỉ tiêu', 'Kỳ này', st.previous ? 'Cùng kỳ năm trước' : null, st.previous ? 'Chênh lệch' : null]).commit();
  for (const l of statementLines(st)) {
    const row = sheet.addRow([`${'    '.repeat(l.depth)}${l.label}`, l.current, l.previous, l.previous === null ? null : l.current - l.previous]);
    if (l.depth === 0) row.font = { bold: true };
    row.commit();
  }
  sheet.commit();
  for (const [name, rows] of [
    ['Theo cấp', st.byLevel],
    ['Theo đơn vị', st.byUnit],
  ] as const) {
    const ws = workbook.addWorksheet(name);
    ws.columns = [{ key: 'label', width: 45 }, { key: 'funds', width: 10 }, ...rowColumns.map(([header]) => ({ key: header, width: 20, style: money }))];
    ws.addRow([name === 'Theo cấp' ? 'Cấp' : 'Đơn vị', 'Số quỹ', ...rowColumns.map(([header]) => header)]).commit();
    for (const r of rows) ws.addRow([rowLabel(r), r.fundCount, ...rowColumns.map(([, pick]) => pick(r))]).commit();
    const total = ws.addRow(['Tổng cộng', rows.reduce((s, r) => s + r.fundCount, 0), ...rowColumns.map(([, pick]) => rows.reduce((s, r) => s + pick(r), 0))]);
    total.font = { bold: true };
    total.commit();
    ws.commit();
  }
  await workbook.commit();
}

/**
 * A4 portrait PDF streamed to the response page by page (no buffering of the whole document, so the
 * page numbers carry no total): header, the statement with last year, the roll-ups, signatures.
 */
async function writePdf(res: Response, st: FundStatement): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 50, left: 45, right: 45 }, info: { Title: statementTitle(st.kind) } });
  doc.registerFont('regular', path.join(fontDir, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(fontDir, 'DejaVuSans-Bold.ttf'));
  doc.pipe(res);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
  let pageNumber = 0;
  const footer = () => {
    pageNumber += 1;
    const { x, y } = doc;
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).text(`Trang ${pageNumber}`, left, doc.page.height - 35, { width, align: 'center' });
    doc.page.margins.bottom = margin;
    doc.x = x;
    doc.y = y;
  };
  footer();
  doc.on('pageAdded', footer);

  doc.font('bold').fontSize(9).text(st.unitName.toUpperCase(), left, 50, { width: width / 2, align: 'center' });
  doc.font('bold').text('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + width / 2, 50, { width: width / 2, align: 'center' });
  doc.font('regular').text('Độc lập - Tự do - Hạnh phúc', left + width / 2, doc.y, { width: width / 2, align: 'center' });
  doc.moveDown(2);
  doc.font('bold').fontSize(13).text(statementTitle(st.kind), left, doc.y, { width, align: 'center' });
  doc.font('regular').fontSize(10).text(period(st), { width, align: 'center' });
  doc.fontSize(8).text(`${st.funds.length} quỹ; đơn vị ${st.unitView === StatementUnitView.MAPPED ? 'theo địa giới hiện nay' : 'theo đơn vị ghi sổ'}; đơn vị tính: đồng`, { width, align: 'center' });
  doc.moveDown();

  const table = (headers: string[], widths: number[], rows: { cells: (string | number | null)[]; bold?: boolean; indent?: number }[]) => {
    const drawRow = (cells: (string | number | null)[], bold: boolean, indent = 0) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(8);
      const texts = cells.map((c) => (c === null ? '' : typeof c === 'number' ? formatVnd(c) : c));
      const height = Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: widths[i]! - 6 - (i === 0 ? indent : 0) }))) + 6;
      if (doc.y + height > bottom()) {
        doc.addPage();
        doc.y = doc.page.margins.top;
      }
      const y = doc.y;
      let x = left;
      texts.forEach((t, i) => {
        doc.rect(x, y, widths[i]!, height).stroke('#999999');
        doc.fillColor('black').text(t, x + 3 + (i === 0 ? indent : 0), y + 3, { width: widths[i]! - 6 - (i === 0 ? indent : 0), align: i === 0 || typeof cells[i] !== 'number' ? 'left' : 'right' });
        x += widths[i]!;
      });
      doc.y = y + height;
    };
    drawRow(headers, true);
    for (const r of rows) drawRow(r.cells, r.bold ?? false, r.indent);
    doc.x = left;
    doc.moveDown();
  };

  const compare = st.previous !== null && st.previous !== undefined;
  table(
    compare ? ['Chỉ tiêu', 'Kỳ này', 'Cùng kỳ năm trước', 'Chênh lệch'] : ['Chỉ tiêu', 'Kỳ này'],
    compare ? [235, 90, 90, 90] : [385, 120],
    statementLines(st).map((l) => ({
      cells: compare ? [l.label, l.current, l.previous, l.current - (l.previous ?? 0)] : [l.label, l.current],
      bold: l.depth === 0,
      indent: l.depth * 8,
    })),
  );
  for (const [title, rows] of [
    ['Tổng hợp theo cấp', st.byLevel],
    ['Chi tiết theo đơn vị', st.byUnit],
  ] as const) {
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.font('bold').fontSize(10).text(title, left, doc.y);
    doc.moveDown(0.3);
    const totals = rowColumns.map(([, pick]) => rows.reduce((s, r) => s + pick(r), 0));
    table(
      [title === 'Tổng hợp theo cấp' ? 'Cấp' : 'Đơn vị', ...rowColumns.map(([h]) => h)],
      [115, 65, 65, 65, 65, 65, 65],
      [...rows.map((r) => ({ cells: [rowLabel(r), ...rowColumns.map(([, pick]) => pick(r))] })), { cells: ['Tổng cộng', ...totals], bold: true }],
    );
  }
  if (doc.y + 110 > bottom()) doc.addPage();
  doc.font('regular').fontSize(9).text(`Ngày ..... tháng ..... năm ${st.to.slice(0, 4)}`, left, doc.y + 10, { width, align: 'right' });
  const y = doc.y + 8;
  ['Người lập biểu', 'Kế toán', 'Thủ trưởng đơn vị'].forEach((who, i) => {
    doc.font('bold').text(who, left + (i * width) / 3, y, { width: width / 3, align: 'center' });
    doc.font('regular').fontSize(8).text(i === 2 ? '(Ký, họ tên, đóng dấu)' : '(Ký, họ tên)', left + (i * width) / 3, y + 13, { width: width / 3, align: 'center' });
    doc.fontSize(9);
  });

  const done = new Promise<void>((resolve, reject) => {
    res.once('finish', resolve);
    res.once('close', resolve);
    doc.once('error', reject);
  });
  doc.end();
  await done;
}

/** GET /export/statement.xlsx|.pdf?filter=<JSON of StatementInput>: the same statement as `fundStatement`, same scope. */
export async function exportStatement(ctx: RequestContext, res: Response, format: 'xlsx' | 'pdf', input: StatementInput, _req: Request): Promise<void> {
  const signed = signedIn(ctx);
  if (!hasPermission(signed.user.role, Permission.StatementRead)) throw new AppError(ErrorCode.FORBIDDEN, `Your role (${signed.user.role}) does not allow this`);
  const st = await statementService.statement(signed, input);
  const name = `bao-cao-thu-chi-${st.from}-${st.to}.${format}`;
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'xlsx') {
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await writeXlsx(res, st);
  } else {
    res.setHeader('Content-Type', 'application/pdf');
    await writePdf(res, st);
  }
}

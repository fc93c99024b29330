import type { Request, Response } from 'express';
import { coerceInputValue, type GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import ExcelJS from 'exceljs';
import { signedIn, type RequestContext, type SignedInContext } from '../../common/context';
import { AppError, ErrorCode } from '../../common/errors';
import { logger } from '../../common/logger';
import { hasPermission, Permission } from '../../common/permissions';
import { Fund } from '../funds/fund.entity';
import { Disbursement } from './disbursement.entity';
import type { DisbursementFilter } from './disbursement.inputs';
import { disbursementWhere } from './disbursement.service';

const BATCH = 2000;

const columns = [
  { key: 'voucher_number', header: 'Số phiếu chi' },
  { key: 'status', header: 'Trạng thái' },
  { key: 'category', header: 'Loại chi' },
  { key: 'fund', header: 'Quỹ' },
  { key: 'amount', header: 'Số tiền (đồng)' },
  { key: 'payee_name', header: 'Người nhận' },
  { key: 'payee_id_number', header: 'Số CCCD/MST' },
  { key: 'payee_bank_account', header: 'Tài khoản' },
  { key: 'purpose', header: 'Nội dung chi' },
  { key: 'project', header: 'Dự án' },
  { key: 'created_at', header: 'Ngày lập' },
  { key: 'approved_at', header: 'Ngày duyệt' },
  { key: 'paid_on', header: 'Ngày chi' },
] as const;

type Row = Record<(typeof columns)[number]['key'], string | number | null>;

/** The filtered disbursements in id order, a batch at a time: memory stays flat whatever the count. */
async function* rows(ctx: SignedInContext, filter: DisbursementFilter): AsyncGenerator<Row> {
  const funds = new Map((await ctx.em.find(Fund, ctx.scope.through<Fund>('unit'))).map((f) => [f.id, f.name]));
  let last = 0;
  for (;;) {
    const batch = await ctx.em
      .fork()
      .createQueryBuilder(Disbursement, 'e0')
      .select(['id', 'voucherNumber', 'status', 'category', 'fund', 'amount', 'payeeName', 'payeeIdNumber', 'payeeBankAccount', 'purpose', 'projectType', 'projectId', 'createdAt', 'approvedAt', 'paidOn'])
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      .where({ $and: [disbursementWhere(ctx, filter), { id: { $gt: last } }] } as any)
      .orderBy({ id: 'ASC' })
      .limit(BATCH)
      .execute<Record<string, unknown>[]>('all', false);
    for (const r of batch) {
      yield {
        voucher_number: (r.voucher_number as string) ?? '',
        status: r.status as string,
        category: r.category as string,
        fund: funds.get(Number(r.fund_id)) ?? String(r.fund_id),
        amount: Number(r.amount),
        payee_name: r.payee_name as string,
        payee_id_number: (r.payee_id_number as string) ?? '',
        payee_bank_account: (r.payee_bank_account as string) ?? '',
        purpose: r.purpose as string,
        project: r.project_type ? `${r.project_type}:${r.project_id}` : '',
        created_at: new Date(r.created_at as string).toISOString(),
        approved_at: r.approved_at ? new Date(r.approved_at as string).toISOString() : '',
        paid_on: r.paid_on ? String(r.paid_on).slice(0, 10) : '',
      };
    }
    if (batch.length < BATCH) return;
    last = Number(batch[batch.length - 1]!.id);
  }
}

const csvCell = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\n\r;]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : text;
};

async function writeWithBackpressure(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
}

/**
 * GET /export/disbursements.csv|.xlsx?filter=<JSON of DisbursementFilter, checked against the schema>: the inspectors' list,
 * produced on the server and streamed; the same scope and filters as `allDisbursements`.
 */
export async function exportDisbursements(ctx: RequestContext, res: Response, format: 'csv' | 'xlsx', filter: DisbursementFilter): Promise<void> {
  const signed = signedIn(ctx);
  if (!hasPermission(signed.user.role, Permission.DisbursementRead)) throw new AppError(ErrorCode.FORBIDDEN, `Your role (${signed.user.role}) does not allow this`);
  const stamp = new Date().toISOString().slice(0, 10);
  res.setHeader('Content-Disposition', `attachment; filename="phieu-chi-${stamp}.${format}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    await writeWithBackpressure(res, `\uFEFF${columns.map((c) => csvCell(c.header)).join(',')}\r\n`);
    for await (const row of rows(signed, filter)) await writeWithBackpressure(res, `${columns.map((c) => csvCell(row[c.key])).join(',')}\r\n`);
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Phiếu chi');
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.key === 'purpose' ? 50 : 20, style: c.key === 'amount' ? { numFmt: '#,##0' } : {} }));
  for await (const row of rows(signed, filter)) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'filter must be a JSON object of DisbursementFilter');
  }
}

const httpStatus: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

/**
 * The Express route of the exports: the filter is checked against the schema's DisbursementFilter
 * (as GraphQL would), errors answer in the GraphQL error shape with an HTTP status.
 */
export function disbursementExportRoute(schema: GraphQLSchema, context: (req: Request, res: Response) => Promise<RequestContext>) {
  const filterType = schema.getType('DisbursementFilter') as GraphQLInputObjectType;
  return async (req: Request, res: Response): Promise<void> => {
    const format = req.params.format;
    try {
      if (format !== 'csv' && format !== 'xlsx') throw new AppError(ErrorCode.NOT_FOUND, 'Export as .csv or .xlsx');
      const raw = req.query.filter ? parseJson(String(req.query.filter)) : {};
      const filter = coerceInputValue(raw, filterType, (path, _value, error) => {
        throw new AppError(ErrorCode.BAD_USER_INPUT, `filter${path.length ? `.${path.join('.')}` : ''}: ${error.message}`);
      }) as DisbursementFilter;
      await exportDisbursements(await context(req, res), res, format, filter);
    } catch (error) {
      const code = error instanceof AppError ? String(error.extensions.code) : ErrorCode.INTERNAL_SERVER_ERROR;
      if (!(error instanceof AppError)) logger.error('export failed', { message: (error as Error).message });
      if (res.headersSent) return void res.destroy();
      res.status(httpStatus[code] ?? 500).json({ errors: [{ message: error instanceof AppError ? error.message : 'Internal server error', extensions: { code } }] });
    }
  };
}

import type { Response } from 'express';
import { signedIn, type RequestContext, type SignedInContext } from '../../common/context';
import { AppError, ErrorCode } from '../../common/errors';
import { hasPermission, Permission } from '../../common/permissions';
import { sendTable, type ExportColumn } from '../../common/table-export';
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
  { key: 'amount', header: 'Số tiền (đồng)', numeric: true },
  { key: 'payee_name', header: 'Người nhận' },
  { key: 'payee_id_number', header: 'Số CCCD/MST' },
  { key: 'payee_bank_account', header: 'Tài khoản' },
  { key: 'purpose', header: 'Nội dung chi', width: 50 },
  { key: 'project', header: 'Dự án' },
  { key: 'created_at', header: 'Ngày lập' },
  { key: 'approved_at', header: 'Ngày duyệt' },
  { key: 'paid_on', header: 'Ngày chi' },
] as const satisfies readonly ExportColumn[];

type Row = Record<(typeof columns)[number]['key'], string | number | null>;

/** The filtered disbursements in id order, a batch at a time: memory stays flat whatever the count. */
async function* rows(ctx: SignedInContext, where: ReturnType<typeof disbursementWhere>): AsyncGenerator<Row> {
  const funds = new Map((await ctx.em.find(Fund, ctx.scope.through<Fund>('unit'))).map((f) => [f.id, f.name]));
  let last = 0;
  for (;;) {
    const batch = await ctx.em
      .fork()
      .createQueryBuilder(Disbursement, 'e0')
      .select(['id', 'voucherNumber', 'status', 'category', 'fund', 'amount', 'payeeName', 'payeeIdNumber', 'payeeBankAccount', 'purpose', 'projectType', 'projectId', 'createdAt', 'approvedAt', 'paidOn'])
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      .where({ $and: [where, { id: { $gt: last } }] } as any)
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

/**
 * GET /export/disbursements.csv|.xlsx?filter=<JSON of DisbursementFilter, checked against the schema>: the inspectors' list,
 * produced on the server and streamed; the same scope and filters as `allDisbursements`.
 */
export async function exportDisbursements(ctx: RequestContext, res: Response, format: 'csv' | 'xlsx', filter: DisbursementFilter): Promise<void> {
  const signed = signedIn(ctx);
  if (!hasPermission(signed.user.role, Permission.DisbursementRead)) throw new AppError(ErrorCode.FORBIDDEN, `Your role (${signed.user.role}) does not allow this`);
  // Built before the first byte: a malformed filter (an id that is not a number) answers 400, not a cut-off file.
  const where = disbursementWhere(signed, filter);
  await sendTable(res, format, { name: 'phieu-chi', sheet: 'Phiếu chi' }, columns, rows(signed, where));
}

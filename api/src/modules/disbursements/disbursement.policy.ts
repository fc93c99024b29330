import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../common/errors';
import { Fund, FundKind } from '../funds/fund.entity';

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

/** The legal caps on administration spending (DESIGN §2, "Funds"). */
export const administrationCaps = {
  [FundKind.GRATITUDE]: {
    percent: 5,
    base: "the year's receipts",
    basis: 'Nghị định 131/2021/NĐ-CP, Điều 181: chi phí quản lý Quỹ Đền ơn đáp nghĩa không quá 5% tổng số thu trong năm',
  },
  [FundKind.CHILD_PROTECTION]: {
    percent: 10,
    base: "the year's income not counting earmarked, in-kind or budget money",
    basis: 'Thông tư 87/2008/TT-BTC: chi quản lý Quỹ Bảo trợ trẻ em không quá 10% số thu (không kể tiền ủng hộ có địa chỉ, hiện vật, ngân sách)',
  },
} as const;

/** The income an administration cap is a percentage of, for a fund and year. */
async function capBase(em: EntityManager, fund: Fund, year: string): Promise<number> {
  const params = [fund.id, `${year}-01-01`, `${Number(year) + 1}-01-01`];
  const sql =
    fund.kind === FundKind.GRATITUDE
      ? `select coalesce(-sum(e.amount), 0) as base from ledger_transaction t join ledger_entry e on e.transaction_id = t.id join ledger_account a on a.id = e.account_id
          where t.fund_id = ? and t.occurred_on >= ? and t.occurred_on < ? and a.code in ('DONATION_INCOME', 'IN_KIND_INCOME')`
      : `select coalesce(sum(amount), 0) as base from donation
          where fund_id = ? and received_on >= ? and received_on < ? and status = 'POSTED' and method <> 'IN_KIND' and earmark is null`;
  const [row] = await em.execute<{ base: string }[]>(sql, params);
  return Number(row?.base ?? 0);
}

/** Refuses administration spending that would pass the fund's legal cap for the year (POLICY_LIMIT). */
export async function assertAdministrationCap(em: EntityManager, fund: Fund, amount: number, date: string, excludeId?: number): Promise<void> {
  const year = date.slice(0, 4);
  const cap = administrationCaps[fund.kind];
  const [spentRow] = await em.execute<{ spent: string }[]>(
    `select coalesce(sum(amount), 0) as spent from disbursement
      where fund_id = ? and category = 'ADMINISTRATION' and status = 'PAID' and paid_on >= ? and paid_on < ? and id <> ?`,
    [fund.id, `${year}-01-01`, `${Number(year) + 1}-01-01`, excludeId ?? 0],
  );
  const spent = Number(spentRow?.spent ?? 0);
  const base = await capBase(em, fund, year);
  const limit = Math.floor((base * cap.percent) / 100);
  if (spent + amount > limit) {
    throw new AppError(
      ErrorCode.POLICY_LIMIT,
      `Administration spending of ${fund.name} in ${year} would reach ${vnd(spent + amount)}, above its cap of ${vnd(limit)} (${cap.percent}% of ${cap.base}, ${vnd(base)}). ${cap.basis}`,
      { rule: 'ADMINISTRATION_CAP', basis: cap.basis, limit, spent },
    );
  }
}

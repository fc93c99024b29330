import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountCode } from './ledger.entities';

export interface FundBalances {
  /** Cash held: free plus earmarked. */
  cash: number;
  free: number;
  earmarked: { purpose: string; amount: number }[];
  /** In-kind goods held, at their valuation (not cash). */
  inKind: number;
}

/** Balances of many funds in one query, read from the kept account balances (cheap). */
export async function fundBalances(em: EntityManager, fundIds: readonly number[]): Promise<FundBalances[]> {
  const rows = await em.execute<{ fund_id: number; code: AccountCode; purpose: string | null; balance: string }[]>(
    "select fund_id, code, purpose, balance from ledger_account where fund_id in (?) and code in ('CASH', 'GOODS') order by purpose",
    [fundIds],
  );
  const byFund = new Map<number, FundBalances>(fundIds.map((id) => [id, { cash: 0, free: 0, earmarked: [], inKind: 0 }]));
  for (const row of rows) {
    const b = byFund.get(row.fund_id)!;
    const amount = Number(row.balance);
    if (row.code === AccountCode.GOODS) {
      b.inKind += amount;
    } else {
      b.cash += amount;
      if (row.purpose) {
        if (amount !== 0) b.earmarked.push({ purpose: row.purpose, amount });
      } else b.free += amount;
    }
  }
  return fundIds.map((id) => byFund.get(id)!);
}

export interface FundFlows {
  /** Donations in cash and in kind, net of voids. */
  receipts: number;
  /** Disbursements paid, transfers to other funds included. */
  spending: number;
}

/** Receipts and spending of many funds within [from, to), in one query. */
export async function fundFlows(em: EntityManager, fundIds: readonly number[], from: string, to: string): Promise<FundFlows[]> {
  const rows = await em.execute<{ fund_id: number; receipts: string; spending: string }[]>(
    `select t.fund_id,
            -coalesce(sum(e.amount) filter (where a.code in ('DONATION_INCOME', 'IN_KIND_INCOME')), 0) as receipts,
            coalesce(sum(e.amount) filter (where a.code in ('EXPENSE', 'TRANSFER_OUT')), 0) as spending
       from ledger_transaction t
       join ledger_entry e on e.transaction_id = t.id
       join ledger_account a on a.id = e.account_id
      where t.fund_id in (?) and t.occurred_on >= ? and t.occurred_on < ?
      group by t.fund_id`,
    [fundIds, from, to],
  );
  const byFund = new Map(rows.map((r) => [r.fund_id, { receipts: Number(r.receipts), spending: Number(r.spending) }]));
  return fundIds.map((id) => byFund.get(id) ?? { receipts: 0, spending: 0 });
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { transactionHash } from './ledger-hash';

export interface LedgerMismatch {
  transactionId: number | null;
  seq: number | null;
  reason: string;
}

export interface LedgerCheck {
  ok: boolean;
  transactionsChecked: number;
  accountsChecked: number;
  firstMismatch: LedgerMismatch | null;
}

const BATCH = 2000;

/**
 * Recomputes a fund's hash chain from its stored rows, in order, and every account balance from
 * the entries; answers the first transaction (or account) that does not match.
 */
export async function verifyFundLedger(em: EntityManager, fundId: number): Promise<LedgerCheck> {
  let prevHash: string | null = null;
  let expectedSeq = 1;
  let checked = 0;
  const fail = (mismatch: LedgerMismatch, accountsChecked = 0): LedgerCheck => ({ ok: false, transactionsChecked: checked, accountsChecked, firstMismatch: mismatch });

  for (;;) {
    const txs = await em.execute<
      { id: string; seq: number; kind: string; occurred_on: string; description: string; source_type: string; source_id: string; created_by_id: number | null; prev_hash: string | null; hash: string; entries: [number, string][] | null }[]
    >(
      `select t.id, t.seq, t.kind, t.occurred_on::text, t.description, t.source_type, t.source_id, t.created_by_id, t.prev_hash, t.hash,
              (select json_agg(json_build_array(e.account_id, e.amount::text)) from ledger_entry e where e.transaction_id = t.id) as entries
         from ledger_transaction t where t.fund_id = ? and t.seq >= ? order by t.seq limit ?`,
      [fundId, expectedSeq, BATCH],
    );
    for (const tx of txs) {
      const at = { transactionId: Number(tx.id), seq: tx.seq };
      if (tx.seq !== expectedSeq) return fail({ ...at, reason: `sequence ${expectedSeq} is missing: the chain jumps to ${tx.seq}` });
      if (tx.prev_hash !== prevHash) return fail({ ...at, reason: 'it does not point to the previous transaction’s hash' });
      const entries = (tx.entries ?? []).map(([account, amount]): [number, number] => [account, Number(amount)]);
      const recomputed = transactionHash({
        fundId,
        seq: tx.seq,
        kind: tx.kind,
        occurredOn: tx.occurred_on,
        description: tx.description,
        sourceType: tx.source_type,
        sourceId: Number(tx.source_id),
        createdById: tx.created_by_id,
        prevHash: tx.prev_hash,
        entries,
      });
      if (recomputed !== tx.hash) return fail({ ...at, reason: 'its contents or entries were altered after it was posted: the hash does not match' });
      if (entries.reduce((sum, [, amount]) => sum + amount, 0) !== 0) return fail({ ...at, reason: 'its entries do not sum to zero' });
      prevHash = tx.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (txs.length < BATCH) break;
  }

  const [head] = await em.execute<{ last_seq: number; last_hash: string | null }[]>('select last_seq, last_hash from fund where id = ?', [fundId]);
  if (head && (head.last_seq !== checked || head.last_hash !== prevHash)) {
    return fail({ transactionId: null, seq: head.last_seq, reason: `the fund's chain head (${head.last_seq}) does not match its last transaction (${checked})` });
  }
  const accounts = await em.execute<{ id: number; code: string; purpose: string | null; balance: string; computed: string }[]>(
    `select a.id, a.code, a.purpose, a.balance, coalesce((select sum(e.amount) from ledger_entry e where e.account_id = a.id), 0) as computed
       from ledger_account a where a.fund_id = ? order by a.id`,
    [fundId],
  );
  for (const [i, a] of accounts.entries()) {
    if (a.balance !== a.computed) {
      return fail({ transactionId: null, seq: null, reason: `account ${a.code}${a.purpose ? ` (${a.purpose})` : ''} holds ${a.balance} but its entries sum to ${a.computed}` }, i);
    }
  }
  return { ok: true, transactionsChecked: checked, accountsChecked: accounts.length, firstMismatch: null };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountCode } from './ledger.entities';
import { transactionHash } from './ledger-hash';
import { assertOpenPeriod, normalSide, type Posting } from './ledger.service';

const TX_BATCH = 5000;
const ENTRY_BATCH = 15000;

/** Multi-row INSERTs of at most `batch` rows (PostgreSQL takes at most 65,535 parameters). */
export async function insertRows(em: EntityManager, table: string, columns: string[], rows: unknown[][], batch: number, suffix = ''): Promise<void> {
  const placeholder = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    await em.execute(`insert into ${table} (${columns.join(', ')}) values ${chunk.map(() => placeholder).join(', ')} ${suffix}`, chunk.flat());
  }
}

/**
 * Posts many transactions at once (demo data, imports), inside the caller's transaction, with the
 * same hash chain, accounts and checks as `post()`: postings of a fund are chained in the order
 * given. As a superuser it skips the per-row triggers (session_replication_role = replica), then
 * applies the balances and the daily totals in one statement each (the CHECK constraints still refuse a negative balance)
 * and checks that every transaction balances; otherwise the triggers run row by row.
 * Returns the transaction ids, in the order of the postings.
 */
export async function bulkPost(em: EntityManager, postings: Posting[]): Promise<number[]> {
  if (postings.length === 0) return [];
  const fundIds = [...new Set(postings.map((p) => p.fundId))];
  const heads = new Map(
    (
      await em.execute<{ id: number; last_seq: number; last_hash: string | null; locked_until: string | null; name: string }[]>(
        'select id, last_seq, last_hash, locked_until::text, name from fund where id in (?) for no key update',
        [fundIds],
      )
    ).map((h) => [h.id, h]),
  );
  const keys = new Map<string, [number, AccountCode, string | null]>();
  for (const p of postings) {
    const head = heads.get(p.fundId);
    if (!head) throw new Error(`bulkPost: fund ${p.fundId} does not exist`);
    assertOpenPeriod(head.locked_until, p.occurredOn, head.name);
    if (p.lines.reduce((s, l) => s + l.amount, 0) !== 0 || p.lines.length < 2) throw new Error(`bulkPost: unbalanced posting ${p.kind} ${p.sourceId}`);
    for (const l of p.lines) keys.set(`${p.fundId}|${l.code}|${l.purpose ?? ''}`, [p.fundId, l.code, l.purpose ?? null]);
  }
  await insertRows(
    em,
    'ledger_account',
    ['fund_id', 'code', 'purpose', 'normal_side'],
    [...keys.values()].map(([fund, code, purpose]) => [fund, code, purpose, normalSide[code]]),
    TX_BATCH,
    "on conflict (fund_id, code, (coalesce(purpose, ''))) do nothing",
  );
  const accounts = new Map(
    (await em.execute<{ id: number; fund_id: number; code: string; purpose: string | null }[]>('select id, fund_id, code, purpose from ledger_account where fund_id in (?)', [fundIds])).map(
      (a) => [`${a.fund_id}|${a.code}|${a.purpose ?? ''}`, a.id],
    ),
  );
  const ids = (await em.execute<{ id: string }[]>("select nextval('ledger_transaction_id_seq') as id from generate_series(1, ?)", [postings.length])).map((r) => Number(r.id));

  const txRows: unknown[][] = [];
  const entryRows: unknown[][] = [];
  postings.forEach((p, i) => {
    const head = heads.get(p.fundId)!;
    const seq = head.last_seq + 1;
    const entries = p.lines.map((l): [number, number] => [accounts.get(`${p.fundId}|${l.code}|${l.purpose ?? ''}`)!, l.amount]);
    const hash = transactionHash({ ...p, seq, prevHash: head.last_hash, entries });
    txRows.push([ids[i], p.fundId, seq, p.kind, p.occurredOn, p.description, p.sourceType, p.sourceId, p.createdById, head.last_hash, hash]);
    for (const [account, amount] of entries) entryRows.push([ids[i], account, amount]);
    head.last_seq = seq;
    head.last_hash = hash;
  });

  const [{ super: superuser }] = (await em.execute<{ super: string }[]>("select current_setting('is_superuser') as super")) as [{ super: string }];
  const fast = superuser === 'on';
  if (fast) await em.execute('set local session_replication_role = replica');
  await insertRows(em, 'ledger_transaction', ['id', 'fund_id', 'seq', 'kind', 'occurred_on', 'description', 'source_type', 'source_id', 'created_by_id', 'prev_hash', 'hash'], txRows, TX_BATCH);
  await insertRows(em, 'ledger_entry', ['transaction_id', 'account_id', 'amount'], entryRows, ENTRY_BATCH);
  if (fast) {
    await em.execute('set local session_replication_role = origin');
    await em.execute(
      `update ledger_account a set balance = a.balance + s.total
         from (select account_id, sum(amount) as total from ledger_entry where transaction_id in (select unnest(?::bigint[])) group by account_id) s
        where a.id = s.account_id`,
      [`{${ids.join(',')}}`],
    );
    await em.execute(
      `insert into ledger_daily_total (account_id, day, amount)
       select e.account_id, t.occurred_on, sum(e.amount)
         from ledger_entry e join ledger_transaction t on t.id = e.transaction_id
        where e.transaction_id in (select unnest(?::bigint[]))
        group by e.account_id, t.occurred_on
       on conflict (account_id, day) do update set amount = ledger_daily_total.amount + excluded.amount`,
      [`{${ids.join(',')}}`],
    );
    const [bad] = await em.execute<{ transaction_id: string }[]>(
      'select transaction_id from ledger_entry where transaction_id in (select unnest(?::bigint[])) group by transaction_id having sum(amount) <> 0 or count(*) < 2 limit 1',
      [`{${ids.join(',')}}`],
    );
    if (bad) throw new Error(`bulkPost: ledger transaction ${bad.transaction_id} does not balance`);
  }
  for (const head of heads.values()) {
    await em.execute('update fund set last_seq = ?, last_hash = ? where id = ?', [head.last_seq, head.last_hash, head.id]);
  }
  return ids;
}

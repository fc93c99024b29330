import fc from 'fast-check';
import { todayVn } from '../../api/src/common/dates';
import type { AppError } from '../../api/src/common/errors';
import { AccountCode } from '../../api/src/modules/ledger/ledger.entities';
import { transactionHash } from '../../api/src/modules/ledger/ledger-hash';
import { post, type Posting, type PostingLine } from '../../api/src/modules/ledger/ledger.service';
import { verifyFundLedger } from '../../api/src/modules/ledger/ledger.verify';
import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { fundOf } from '../support/funds';
import { startTestServer, type TestServer } from '../support/server';

/**
 * `ledger_post` (migration 20261128180000) computes a transaction's hash in SQL; verifyLedger and
 * bulkPost compute it in Node (`transactionHash`). Both must give the same bytes for any text
 * PostgreSQL can hold, any ids and amounts, a null previous hash and a null author.
 */
let server: TestServer;
let provinceFund: number;
let users: number[];
/** Commune units with no Child Protection fund yet: each gives a fresh fund (first posting: no previous hash). */
let freeUnits: number[];
/** Two of them kept for the tests after the property, which may use up the others. */
let keptUnits: number[];
const touched = new Set<number>();
let firstOfChain = 0;

beforeAll(async () => {
  server = await startTestServer();
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  provinceFund = (await fundOf(server.orm.em, '36')).id;
  users = ((await conn().execute('select id from app_user order by id')) as { id: number }[]).map((u) => u.id);
  freeUnits = ((await conn().execute(
    "select u.id from administrative_unit u where u.level = 'COMMUNE' and not exists (select 1 from fund f where f.unit_id = u.id and f.kind = 'CHILD_PROTECTION') order by u.id limit 60",
  )) as { id: number }[]).map((u) => u.id);
  keptUnits = freeUnits.splice(0, 2);
  expect(keptUnits).toHaveLength(2);
});
afterAll(() => server.close());

const conn = () => server.orm.em.getConnection();
const postNow = (posting: Posting) => server.orm.em.fork().transactional((em) => post(em, posting));

/** Characters JSON escapes, controls (not NUL: PostgreSQL text cannot hold it), Vietnamese, emoji, any other code point. */
const char = fc.oneof(
  fc.constantFrom('"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\u0001', '\u001f', '\u007f', '\u0080', '\u2028', '\u2029', '\ufeff', '\uffff'),
  fc.constantFrom('đ', 'Nguyễn Thị Lan', 'ủng hộ', 'Ư', 'ặ', 'ờ', '😀', '👨‍👩‍👧', '🇻🇳', '𝄞', '\u0301'),
  fc.integer({ min: 1, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)),
);
const text = (maxLength: number) => fc.array(char, { maxLength }).map((cs) => cs.join(''));
const amount = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(1, 8_796_093_022_207, 123_456_789_012));

async function freshFund(units = freeUnits): Promise<number> {
  const unit = units.shift();
  if (unit === undefined) throw new Error('no commune without a Child Protection fund is left for a fresh fund');
  const [row] = (await conn().execute("insert into fund (kind, name, unit_id) values ('CHILD_PROTECTION', ?, ?) returning id", [`Quỹ thử "${unit}" \\ 😀`, unit])) as { id: number }[];
  return row!.id;
}

describe('ledger_post', () => {
  it('hashes every transaction exactly as transactionHash() does (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          fresh: fc.boolean(),
          kind: text(12),
          description: text(60),
          sourceType: text(8),
          sourceId: fc.oneof(fc.integer({ min: 0, max: 2_147_483_647 }), fc.constant(Number.MAX_SAFE_INTEGER)),
          author: fc.option(fc.nat(), { nil: null }),
          gifts: fc.array(fc.record({ amount, purpose: fc.option(text(10), { nil: null }) }), { minLength: 1, maxLength: 4 }),
        }),
        async (p) => {
          const fundId = p.fresh && freeUnits.length ? await freshFund() : provinceFund;
          touched.add(fundId);
          const total = p.gifts.reduce((s, g) => s + g.amount, 0);
          const lines: PostingLine[] = [...p.gifts.map((g) => ({ code: AccountCode.CASH, purpose: g.purpose, amount: g.amount })), { code: AccountCode.DONATION_INCOME, amount: -total }];
          const createdById = p.author === null ? null : users[p.author % users.length]!;
          const [head] = (await conn().execute('select last_hash from fund where id = ?', [fundId])) as { last_hash: string | null }[];
          const posting: Posting = { fundId, kind: p.kind, occurredOn: todayVn(), description: p.description, sourceType: p.sourceType, sourceId: p.sourceId, createdById, lines };
          const posted = await postNow(posting);

          const [tx] = (await conn().execute('select description, kind, source_type, prev_hash, hash from ledger_transaction where id = ?', [posted.transactionId])) as Record<string, string | null>[];
          expect(tx).toEqual({ description: p.description, kind: p.kind, source_type: p.sourceType, prev_hash: head!.last_hash, hash: posted.hash });
          const entries = ((await conn().execute('select account_id, amount from ledger_entry where transaction_id = ?', [posted.transactionId])) as { account_id: number; amount: string }[]).map(
            (e): [number, number] => [e.account_id, Number(e.amount)],
          );
          expect(entries.map((e) => e[1]).sort((a, b) => a - b)).toEqual(lines.map((l) => l.amount).sort((a, b) => a - b));
          expect(posted.hash).toBe(transactionHash({ ...posting, seq: posted.seq, prevHash: head!.last_hash, entries }));
          if (head!.last_hash === null) firstOfChain += 1;
        },
      ),
      { numRuns: 120 },
    );
    expect(firstOfChain).toBeGreaterThan(0);
    for (const fundId of touched) expect(await verifyFundLedger(server.orm.em.fork(), fundId)).toMatchObject({ ok: true });
  }, 120_000);

  it('takes the document number under the fund lock, in front of the description, padded but never cut', async () => {
    const year = Number(todayVn().slice(0, 4));
    await postNow({ fundId: provinceFund, kind: 'TEST', occurredOn: todayVn(), description: 'gift', sourceType: 'test', sourceId: 1, createdById: null, lines: [{ code: AccountCode.CASH, amount: 5_000_000 }, { code: AccountCode.DONATION_INCOME, amount: -5_000_000 }] });
    await conn().execute("delete from document_counter where fund_id = ? and doc_type = 'PC'", [provinceFund]);
    const spend = (description: string) =>
      postNow({ fundId: provinceFund, kind: 'TEST', occurredOn: todayVn(), description, sourceType: 'test', sourceId: 2, createdById: null, document: { type: 'PC', year },
        lines: [{ code: AccountCode.CASH, amount: -1_000 }, { code: AccountCode.EXPENSE, purpose: 'HARDSHIP', amount: 1_000 }] });
    const first = await spend('Hộ ông "A": hỗ trợ');
    expect(first.document).toEqual({ seq: 1, number: `PC-${year}-000001` });
    const [tx] = (await conn().execute('select description from ledger_transaction where id = ?', [first.transactionId])) as { description: string }[];
    expect(tx!.description).toBe(`PC-${year}-000001 Hộ ông "A": hỗ trợ`);
    await conn().execute("update document_counter set last_number = 999999 where fund_id = ? and doc_type = 'PC' and year = ?", [provinceFund, year]);
    const long = await spend('x'.repeat(600));
    expect(long.document).toEqual({ seq: 1_000_000, number: `PC-${year}-1000000` });
    const [tx2] = (await conn().execute('select description from ledger_transaction where id = ?', [long.transactionId])) as { description: string }[];
    expect(tx2!.description).toBe(`PC-${year}-1000000 ${'x'.repeat(600)}`.slice(0, 500));
    expect(await verifyFundLedger(server.orm.em.fork(), provinceFund)).toMatchObject({ ok: true });
  });

  it('splits a spending line over the sub-balances in order, from the balances under the lock; short: INSUFFICIENT_FUNDS, nothing written', async () => {
    const fundId = await freshFund(keptUnits);
    const base = { fundId, kind: 'TEST', occurredOn: todayVn(), sourceType: 'test', sourceId: 3, createdById: null };
    await postNow({ ...base, description: 'in', lines: [{ code: AccountCode.CASH, purpose: 'HARDSHIP', amount: 300 }, { code: AccountCode.CASH, amount: 1_000 }, { code: AccountCode.DONATION_INCOME, amount: -1_300 }] });
    const spend = (amount: number) => postNow({ ...base, description: 'out', document: { type: 'PC', year: 2026 }, lines: [
      { code: AccountCode.CASH, spendFrom: ['project:HOUSING_GRANT:1', 'HARDSHIP', null], amount: -amount },
      { code: AccountCode.EXPENSE, purpose: 'HARDSHIP', amount },
    ] });
    await spend(500);
    const balances = async () => Object.fromEntries(((await conn().execute("select coalesce(purpose, '') as p, balance from ledger_account where fund_id = ? and code = 'CASH'", [fundId])) as { p: string; balance: string }[]).map((r) => [r.p, Number(r.balance)]));
    expect(await balances()).toEqual({ HARDSHIP: 0, '': 800 });
    const error = (await spend(801).catch((e: unknown) => e)) as AppError;
    expect(error.extensions).toMatchObject({ code: 'INSUFFICIENT_FUNDS', available: 800 });
    expect(await balances()).toEqual({ HARDSHIP: 0, '': 800 });
    const [counter] = (await conn().execute("select last_number from document_counter where fund_id = ? and doc_type = 'PC'", [fundId])) as { last_number: number }[];
    expect(counter!.last_number).toBe(1);
    // A plain line that would take a balance below zero: refused by the database's check.
    const plain = (await postNow({ ...base, description: 'out', lines: [{ code: AccountCode.CASH, amount: -801 }, { code: AccountCode.EXPENSE, purpose: 'HARDSHIP', amount: 801 }] }).catch((e: unknown) => e)) as AppError;
    expect(plain.extensions).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(await verifyFundLedger(server.orm.em.fork(), fundId)).toMatchObject({ ok: true, transactionsChecked: 2 });
  });

  it('answers a locked period, a closed fund and an unknown fund with the same errors as before', async () => {
    const fundId = await freshFund(keptUnits);
    const lines: PostingLine[] = [{ code: AccountCode.CASH, amount: 10 }, { code: AccountCode.DONATION_INCOME, amount: -10 }];
    const base = { fundId, kind: 'TEST', description: 'x', sourceType: 'test', sourceId: 4, createdById: null, lines };
    await conn().execute("update fund set locked_until = '2025-12-31' where id = ?", [fundId]);
    const locked = (await postNow({ ...base, occurredOn: '2025-12-31' }).catch((e: unknown) => e)) as AppError;
    expect(locked.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'PERIOD_LOCKED', lockedUntil: '2025-12-31', field: 'date' });
    expect(locked.message).toContain('31/12/2025');
    await conn().execute("update fund set closed_on = '2026-01-10' where id = ?", [fundId]);
    const closed = (await postNow({ ...base, occurredOn: '2026-01-11' }).catch((e: unknown) => e)) as AppError;
    expect(closed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'FUND_CLOSED', closedOn: '2026-01-10' });
    await postNow({ ...base, occurredOn: '2026-01-10' });
    const missing = (await postNow({ ...base, fundId: 987_654, occurredOn: '2026-01-10' }).catch((e: unknown) => e)) as AppError;
    expect(missing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fundId' });
    const [fund] = (await conn().execute('select last_seq from fund where id = ?', [fundId])) as { last_seq: number }[];
    expect(fund!.last_seq).toBe(1);
  });
});

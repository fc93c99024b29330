import fc from 'fast-check';
import { todayVn } from '../../api/src/common/dates';
import { AccountCode } from '../../api/src/modules/ledger/ledger.entities';
import { post, type PostingLine } from '../../api/src/modules/ledger/ledger.service';
import { verifyFundLedger } from '../../api/src/modules/ledger/ledger.verify';
import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { fundOf } from '../support/funds';
import { errorCode, gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let fundId: number;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  fundId = (await fundOf(server.orm.em, '36')).id;
});

const conn = () => server.orm.em.getConnection();
const posting = (lines: PostingLine[], kind = 'TEST') => ({
  fundId,
  kind,
  occurredOn: todayVn(),
  description: kind,
  sourceType: 'test',
  sourceId: 1,
  createdById: null,
  lines,
});
const postNow = (lines: PostingLine[], kind?: string) => server.orm.em.fork().transactional((em) => post(em, posting(lines, kind)));
const gift = (amount: number, purpose: string | null = null) => [
  { code: AccountCode.CASH, purpose, amount },
  { code: AccountCode.DONATION_INCOME, amount: -amount },
];

describe('the ledger in the database', () => {
  it('refuses UPDATE and DELETE of entries and transactions', async () => {
    await postNow(gift(1_000_000));
    await expect(conn().execute('update ledger_entry set amount = amount * 2')).rejects.toThrow(/append-only/);
    await expect(conn().execute('delete from ledger_entry')).rejects.toThrow(/append-only/);
    await expect(conn().execute("update ledger_transaction set description = 'x'")).rejects.toThrow(/append-only/);
    await expect(conn().execute('delete from ledger_transaction')).rejects.toThrow(/append-only/);
    const [row] = await conn().execute('select sum(amount) as s, count(*) as n from ledger_entry');
    expect(row).toEqual({ s: '0', n: '2' });
  });

  it('refuses a transaction whose entries do not sum to zero, or that has one entry', async () => {
    const em = server.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        const [t] = await tx.execute("insert into ledger_transaction (fund_id, seq, kind, occurred_on, description, source_type, source_id, hash) values (?, 99, 'X', now(), 'x', 'test', 1, 'h') returning id", [fundId]);
        const [a] = await tx.execute("insert into ledger_account (fund_id, code, normal_side) values (?, 'CASH', 'DEBIT') returning id", [fundId]);
        await tx.execute('insert into ledger_entry (transaction_id, account_id, amount) values (?, ?, 5)', [t.id, a.id]);
      }),
    ).rejects.toThrow(/does not balance/);
    const [row] = await conn().execute('select count(*) as n from ledger_transaction');
    expect(row.n).toBe('0');
  });

  it('refuses a balance below zero, whatever the code path, and writes nothing', async () => {
    await postNow(gift(500_000));
    await expect(
      postNow([
        { code: AccountCode.CASH, amount: -500_001 },
        { code: AccountCode.EXPENSE, amount: 500_001 },
      ]),
    ).rejects.toMatchObject({ extensions: { code: 'INSUFFICIENT_FUNDS' } });
    await expect(conn().execute("update ledger_account set balance = -1 where code = 'CASH'")).rejects.toThrow(/ledger_account_balance_check/);
    const [row] = await conn().execute("select balance from ledger_account where code = 'CASH' and fund_id = ?", [fundId]);
    expect(row.balance).toBe('500000');
  });

  it('keeps earmarked money apart: free spending cannot consume it', async () => {
    await postNow(gift(1_000_000, 'HOUSING_NEW'));
    await postNow(gift(200_000));
    await expect(
      postNow([
        { code: AccountCode.CASH, amount: -300_000 },
        { code: AccountCode.EXPENSE, purpose: 'ADMINISTRATION', amount: 300_000 },
      ]),
    ).rejects.toMatchObject({ extensions: { code: 'INSUFFICIENT_FUNDS' } });
    await postNow([
      { code: AccountCode.CASH, purpose: 'HOUSING_NEW', amount: -1_000_000 },
      { code: AccountCode.EXPENSE, purpose: 'HOUSING_NEW', amount: 1_000_000 },
    ]);
  });
});

describe('verifyLedger', () => {
  const VERIFY = 'query($id: ID!) { verifyLedger(fundId: $id) { ok transactionsChecked accountsChecked firstMismatch { transactionId seq reason } } }';

  it('is ok on an untouched ledger and names the first transaction altered behind its back', async () => {
    for (const amount of [1_000_000, 2_000_000, 3_000_000]) await postNow(gift(amount));
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    const ok = await gql(server.graphqlUrl, VERIFY, { id: String(fundId) }, inspector);
    expect(ok.data!.verifyLedger).toEqual({ ok: true, transactionsChecked: 3, accountsChecked: 2, firstMismatch: null });

    const [second] = await conn().execute('select id from ledger_transaction where fund_id = ? and seq = 2', [fundId]);
    await conn().execute('alter table ledger_entry disable trigger ledger_entry_append_only');
    try {
      await conn().execute('update ledger_entry set amount = amount * 10 where transaction_id = ?', [second.id]);
    } finally {
      await conn().execute('alter table ledger_entry enable trigger ledger_entry_append_only');
    }
    const broken = await gql(server.graphqlUrl, VERIFY, { id: String(fundId) }, inspector);
    expect(broken.data!.verifyLedger).toMatchObject({ ok: false, transactionsChecked: 1, firstMismatch: { transactionId: String(second.id), seq: 2 } });
    expect(broken.data!.verifyLedger.firstMismatch.reason).toMatch(/altered/);
  });

  it('notices a balance changed behind the ledger’s back', async () => {
    await postNow(gift(1_000_000));
    await conn().execute("update ledger_account set balance = balance + 1 where code = 'CASH'");
    const check = await verifyFundLedger(server.orm.em.fork(), fundId);
    expect(check.ok).toBe(false);
    expect(check.firstMismatch!.reason).toMatch(/CASH holds 1000001 but its entries sum to 1000000/);
  });

  it('is for INSPECTOR and ADMIN, not for FUND_MANAGER', async () => {
    const manager = await signIn(server.graphqlUrl, 'ketoan@soquy.example');
    expect(errorCode(await gql(server.graphqlUrl, VERIFY, { id: String(fundId) }, manager))).toBe('FORBIDDEN');
    const admin = await signIn(server.graphqlUrl, 'admin@soquy.example');
    expect((await gql(server.graphqlUrl, VERIFY, { id: String(fundId) }, admin)).data!.verifyLedger.ok).toBe(true);
  });
});

describe('a long random sequence of operations (fast-check)', () => {
  type Op = { kind: 'gift'; amount: number; purpose: string | null; goods: boolean } | { kind: 'spend'; amount: number; purpose: string | null } | { kind: 'void'; pick: number };
  const purposes = fc.constantFrom(null, 'HOUSING_NEW', 'SURGERY');
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('gift' as const), amount: fc.integer({ min: 1, max: 50_000_000 }), purpose: purposes, goods: fc.boolean() }),
    fc.record({ kind: fc.constant('spend' as const), amount: fc.integer({ min: 1, max: 30_000_000 }), purpose: purposes }),
    fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
  );

  it('keeps every transaction balanced, no balance negative, balances equal to a model, and the chain verifiable', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
        await conn().execute('truncate ledger_account, ledger_transaction, ledger_entry restart identity cascade');
        await conn().execute('update fund set last_seq = 0, last_hash = null');
        const model = new Map<string, number>();
        const gifts: PostingLine[][] = [];
        const bump = (key: string, amount: number) => model.set(key, (model.get(key) ?? 0) + amount);
        for (const o of ops) {
          let lines: PostingLine[];
          if (o.kind === 'gift') {
            const asset = o.goods ? AccountCode.GOODS : AccountCode.CASH;
            lines = [
              { code: asset, purpose: o.purpose, amount: o.amount },
              { code: o.goods ? AccountCode.IN_KIND_INCOME : AccountCode.DONATION_INCOME, amount: -o.amount },
            ];
          } else if (o.kind === 'spend') {
            lines = [
              { code: AccountCode.CASH, purpose: o.purpose, amount: -o.amount },
              { code: AccountCode.EXPENSE, purpose: o.purpose, amount: o.amount },
            ];
          } else {
            if (gifts.length === 0) continue;
            lines = gifts.splice(o.pick % gifts.length, 1)[0]!.map((l) => ({ ...l, amount: -l.amount }));
          }
          const key = (l: PostingLine) => `${l.code}|${l.purpose ?? ''}`;
          const wouldGoNegative = lines.some((l) => (l.code === AccountCode.CASH || l.code === AccountCode.GOODS) && (model.get(key(l)) ?? 0) + l.amount < 0);
          try {
            await postNow(lines, o.kind);
            expect(wouldGoNegative).toBe(false);
            for (const l of lines) bump(key(l), l.amount);
            if (o.kind === 'gift') gifts.push(lines);
          } catch (error) {
            expect(wouldGoNegative).toBe(true);
            expect((error as { extensions?: { code?: string } }).extensions?.code).toBe('INSUFFICIENT_FUNDS');
          }
        }
        const [sum] = await conn().execute('select coalesce(sum(amount), 0) as s from ledger_entry');
        expect(sum.s).toBe('0');
        const unbalanced = await conn().execute('select transaction_id from ledger_entry group by transaction_id having sum(amount) <> 0');
        expect(unbalanced).toEqual([]);
        const accounts: { code: string; purpose: string | null; balance: string }[] = await conn().execute('select code, purpose, balance from ledger_account');
        for (const a of accounts) expect(Number(a.balance)).toBe(model.get(`${a.code}|${a.purpose ?? ''}`) ?? 0);
        expect((await verifyFundLedger(server.orm.em.fork(), fundId)).ok).toBe(true);
      }),
      { numRuns: 25, seed: 20251128 },
    );
  });
});

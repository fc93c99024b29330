import { randomUUID } from 'node:crypto';
import { addDays, formatDateVi, todayVn } from '../../api/src/common/dates';
import { parseStatement, parseVnDate, parseVnd } from '../../api/src/modules/donations/donation.import-csv';
import { resetDatabase } from '../support/database';
import { fundOf } from '../support/funds';
import { gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';
import { seedDemo } from '../../api/src/seed/demo';

const CREATE = `mutation($fundId: ID!, $amount: SafeInt!, $receivedOn: LocalDate!, $key: String!) {
  createDonation(fundId: $fundId, donorName: "Trần Thị Bình", amount: $amount, receivedOn: $receivedOn, method: CASH, idempotencyKey: $key) { receiptNumber } }`;
const FUND = 'query($id: ID!) { Fund(id: $id) { balance freeBalance receiptsThisYear } }';
const VERIFY = 'query($id: ID!) { verifyLedger(fundId: $id) { ok } }';

let server: TestServer;
let manager: string;
let fundId: string;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const today = todayVn();
const thisYear = today.slice(0, 4);
const vi = (iso: string) => formatDateVi(iso);

interface Report {
  rows: number;
  ok: number;
  okAmount: number;
  alreadyImported: number;
  errorCount: number;
  errorsByCode: Record<string, number>;
  errors: { line: number; reference: string | null; code: string; message: string }[];
  committed: boolean;
  firstReceipt: string | null;
  lastReceipt: string | null;
  header: boolean;
}

async function upload(step: 'preview' | 'commit', csv: string | Uint8Array, token: string | undefined = manager, fund = fundId): Promise<{ status: number; body: Report }> {
  const response = await fetch(`${server.url}/import/donations/${step}?fundId=${fund}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as Report };
}
const errorOf = (body: unknown) => (body as { errors: { extensions: { code: string }; message: string }[] }).errors[0]!;

const counts = async () => {
  const [row] = await server.orm.em.getConnection().execute("select (select count(*) from donation)::int d, (select count(*) from ledger_transaction)::int t, (select count(*) from audit_event where operation = 'commitDonationImport')::int a");
  return row as { d: number; t: number; a: number };
};

const HEADER = '\uFEFFMã giao dịch;Ngày giao dịch;Số tiền ghi có;Tên người chuyển;Nội dung\r\n';
const statement = (rows: string[]) => HEADER + rows.join('\r\n') + '\r\n';
const good = [
  `FT25001;15/03/2025;1.500.000;NGUYEN VAN AN;"Ung ho quy DON, dot 1"`,
  `FT25002;16/03/2025;20.000.000;CONG TY TNHH AN PHAT;Ung ho xay nha tinh nghia`,
  `FT26001;${vi(today)};500.000;;Ung ho`,
];

describe('the CSV of a bank statement (pure parsing)', () => {
  it('reads Vietnamese amounts and dates, and refuses what is not one', () => {
    expect(parseVnd('1.500.000')).toBe(1_500_000);
    expect(parseVnd('1,500,000')).toBe(1_500_000);
    expect(parseVnd(' 1 500 000 đ')).toBe(1_500_000);
    expect(parseVnd('1.500.000,00')).toBe(1_500_000);
    expect(parseVnd('2500000 VND')).toBe(2_500_000);
    for (const bad of ['1.500,50', '1.5', '', 'abc', '-500.000', '1.50.000']) expect(parseVnd(bad)).toBeNull();
    expect(parseVnDate('05/07/2025')).toBe('2025-07-05');
    expect(parseVnDate('5/7/2025 14:03:00')).toBe('2025-07-05');
    expect(parseVnDate('2025-07-05')).toBe('2025-07-05');
    for (const bad of ['31/02/2025', '07/2025', '2025/07/05', '13/13/2025']) expect(parseVnDate(bad)).toBeNull();
  });

  it('detects a header, the separator and quoted fields, with or without a BOM', () => {
    const withHeader = parseStatement('\uFEFFSo tham chieu,Ngay,So tien,Nguoi chuyen,Dien giai\n"A1","01/02/2025","1,000,000","Lê Văn C","a, ""b"""\n');
    expect(withHeader.header).toBe(true);
    expect(withHeader.rows).toEqual([{ line: 2, fields: ['A1', '01/02/2025', '1,000,000', 'Lê Văn C', 'a, "b"'] }]);
    const bare = parseStatement('A1;01/02/2025;1.000.000;Lê Văn C;x\n\nA2;02/02/2025;2.000.000;Y;z');
    expect(bare.header).toBe(false);
    expect(bare.rows.map((r) => [r.line, r.fields[0]])).toEqual([[1, 'A1'], [3, 'A2']]);
    const multiline = parseStatement('A1;01/02/2025;1.000;"X\nY";z\r\nA2;02/02/2025;2.000;W;v\r\n');
    expect(multiline.rows.map((r) => [r.line, r.fields[3]])).toEqual([[1, 'X\nY'], [3, 'W']]);
    expect(() => parseStatement('Ngày;Nội dung\n01/02/2025;x')).toThrow(/no column for reference, amount/);
  });
});

/** The demo data without activity: the province's Gratitude fund holds no receipt. */
async function freshDemo() {
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  manager = await signIn(server.graphqlUrl, 'ketoan@soquy.example');
  fundId = String((await fundOf(server.orm.em, '36')).id);
}

describe('import of a bank statement (nhập sao kê)', () => {
  beforeEach(freshDemo);

  it('previews without writing, then records every valid row with continuing gapless receipts, the ledger and the audit', async () => {
    // A single receipt first: the import continues its series.
    const single = await gql(server.graphqlUrl, CREATE, { fundId, amount: 100_000, receivedOn: '2025-03-01', key: randomUUID() }, manager);
    expect(single.data!.createDonation.receiptNumber).toBe('PT-2025-000001');
    const before = await counts();

    const preview = await upload('preview', statement(good));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ header: true, rows: 3, ok: 3, okAmount: 22_000_000, alreadyImported: 0, errorCount: 0, committed: false });
    expect(await counts()).toEqual(before);

    const commit = await upload('commit', statement(good));
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ ok: 3, okAmount: 22_000_000, committed: true, firstReceipt: 'PT-2025-000002', lastReceipt: `PT-${thisYear}-000001` });
    const after = await counts();
    expect(after).toEqual({ d: before.d + 3, t: before.t + 3, a: before.a + 1 });

    const rows = await server.orm.em.getConnection().execute(
      "select receipt_number, donor_name, amount::int, received_on::text, method, note from donation where idempotency_key like 'bank:%' order by receipt_year, receipt_seq",
    );
    expect(rows).toEqual([
      { receipt_number: 'PT-2025-000002', donor_name: 'NGUYEN VAN AN', amount: 1_500_000, received_on: '2025-03-15', method: 'BANK_TRANSFER', note: 'Sao kê FT25001: Ung ho quy DON, dot 1' },
      { receipt_number: 'PT-2025-000003', donor_name: 'CONG TY TNHH AN PHAT', amount: 20_000_000, received_on: '2025-03-16', method: 'BANK_TRANSFER', note: 'Sao kê FT25002: Ung ho xay nha tinh nghia' },
      { receipt_number: `PT-${thisYear}-000001`, donor_name: 'Nhà hảo tâm ẩn danh', amount: 500_000, received_on: today, method: 'BANK_TRANSFER', note: 'Sao kê FT26001: Ung ho' },
    ]);
    // The next single receipt continues after the imported ones.
    const next = await gql(server.graphqlUrl, CREATE, { fundId, amount: 1_000, receivedOn: '2025-04-01', key: randomUUID() }, manager);
    expect(next.data!.createDonation.receiptNumber).toBe('PT-2025-000004');

    const fund = (await gql(server.graphqlUrl, FUND, { id: fundId }, manager)).data!.Fund;
    expect(fund).toMatchObject({ balance: 22_101_000, freeBalance: 22_101_000, receiptsThisYear: thisYear === '2025' ? 22_101_000 : 500_000 });
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    expect((await gql(server.graphqlUrl, VERIFY, { id: fundId }, inspector)).data!.verifyLedger.ok).toBe(true);
    // The daily totals agree with the entries.
    const [daily] = await server.orm.em.getConnection().execute(
      `select (select coalesce(sum(d.amount), 0) from ledger_daily_total d join ledger_account a on a.id = d.account_id where a.fund_id = ? and a.code = 'CASH')::bigint as daily,
              (select coalesce(sum(e.amount), 0) from ledger_entry e join ledger_account a on a.id = e.account_id where a.fund_id = ? and a.code = 'CASH')::bigint as entries`,
      [fundId, fundId],
    );
    expect(Number(daily.daily)).toBe(22_101_000);
    expect(Number(daily.entries)).toBe(22_101_000);

    const [audit] = await server.orm.em.getConnection().execute("select user_email, target_type, target_id, changes from audit_event where operation = 'commitDonationImport'");
    expect(audit).toMatchObject({ user_email: 'ketoan@soquy.example', target_type: 'Fund', target_id: fundId });
    expect(audit.changes[0].after).toMatchObject({ rows: 3, imported: 3, importedAmount: 22_000_000, alreadyImported: 0, errors: 0 });
  });

  it('reports every kind of bad row with its line, and records only the good ones', async () => {
    const lastMonth = addDays(today, -40);
    await gql(server.graphqlUrl, 'mutation($id: ID!, $until: LocalDate!) { lockFundPeriod(id: $id, until: $until) { lockedUntil } }', { id: fundId, until: lastMonth }, manager);
    const csv = statement([
      `OK1;${vi(today)};1.000.000;A;ok`, // line 2
      `BAD1;${vi(today)};1.000,5;B;x`, // 3 bad amount
      `BAD2;${vi(today)};-200.000;B;x`, // 4 a debit
      `BAD3;31/02/2025;200.000;B;x`, // 5 no such date
      `BAD4;${vi(addDays(today, 1))};200.000;B;x`, // 6 tomorrow
      `BAD5;${vi(addDays(lastMonth, -1))};200.000;B;x`, // 7 locked period
      `OK1;${vi(today)};1.000.000;A;again`, // 8 repeated reference
      `;${vi(today)};200.000;B;x`, // 9 no reference
      `BAD6;${vi(today)}`, // 10 too few columns
      `BAD7;${vi(today)};200.000.000.000;B;x`, // 11 above the cap
    ]);
    const preview = await upload('preview', csv);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rows: 10, ok: 1, okAmount: 1_000_000, errorCount: 9 });
    expect(preview.body.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'BAD_AMOUNT'],
      [4, 'BAD_AMOUNT'],
      [5, 'BAD_DATE'],
      [6, 'FUTURE_DATE'],
      [7, 'PERIOD_LOCKED'],
      [8, 'DUPLICATE_REFERENCE'],
      [9, 'MISSING_REFERENCE'],
      [10, 'BAD_ROW'],
      [11, 'BAD_AMOUNT'],
    ]);
    expect(preview.body.errors[5]!.message).toMatch(/already on line 2/);
    expect(preview.body.errorsByCode).toEqual({ BAD_AMOUNT: 3, BAD_DATE: 1, FUTURE_DATE: 1, PERIOD_LOCKED: 1, DUPLICATE_REFERENCE: 1, MISSING_REFERENCE: 1, BAD_ROW: 1 });
    const commit = await upload('commit', csv);
    expect(commit.body).toMatchObject({ ok: 1, errorCount: 9, committed: true });
    const [{ n }] = await server.orm.em.getConnection().execute("select count(*)::int n from donation where idempotency_key like 'bank:%'");
    expect(n).toBe(1);
  });

  it('refuses bad files as a whole, writing nothing', async () => {
    const before = await counts();
    const latin1 = Uint8Array.from([0x41, 0x3b, 0x30, 0x31, 0x2f, 0x30, 0x32, 0x2f, 0x32, 0x30, 0x32, 0x35, 0x3b, 0x31, 0x3b, 0xe9, 0x0a]);
    for (const [body, pattern] of [
      ['', /no rows/],
      [latin1, /not UTF-8/],
      ['Ngày;Nội dung\n01/02/2025;x\n', /no column for reference, amount/],
    ] as const) {
      const res = await upload('commit', body);
      expect(res.status).toBe(400);
      expect(errorOf(res.body).extensions.code).toBe('BAD_USER_INPUT');
      expect(errorOf(res.body).message).toMatch(pattern);
    }
    const tooMany = `${Array.from({ length: 100_001 }, (_, i) => `R${i};01/02/2025;1000;X`).join('\n')}\n`;
    const res = await upload('preview', tooMany);
    expect(res.status).toBe(400);
    expect(errorOf(res.body).message).toMatch(/at most 100,000/);
    const huge = await upload('preview', new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41));
    expect(huge.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('is idempotent per fund: the same file again writes nothing and says the rows were already imported', async () => {
    const first = await upload('commit', statement(good));
    expect(first.body.ok).toBe(3);
    const before = await counts();
    const again = await upload('preview', statement(good));
    expect(again.body).toMatchObject({ ok: 0, alreadyImported: 3, errorCount: 0 });
    const commit = await upload('commit', statement(good));
    expect(commit.body).toMatchObject({ ok: 0, alreadyImported: 3, committed: true, firstReceipt: null });
    expect(await counts()).toEqual(before);
    // A longer statement of the same account: only the new row is recorded.
    const longer = await upload('commit', statement([...good, `FT26002;${vi(today)};700.000;LE THI D;Ung ho`]));
    expect(longer.body).toMatchObject({ ok: 1, alreadyImported: 3, lastReceipt: `PT-${thisYear}-000002` });
    // The same bank references in another fund are other transfers: recorded there.
    const commune = await fundOf(server.orm.em, '13741');
    expect((await upload('commit', statement(good), manager, String(commune.id))).body).toMatchObject({ ok: 3, alreadyImported: 0, firstReceipt: 'PT-2025-000001' });
  });

  it('records a file once when the same file is imported twice at the same moment', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `C${i};${vi(today)};${(i + 1) * 1000};Người ${i};x`);
    const [a, b] = await Promise.all([upload('commit', statement(rows)), upload('commit', statement(rows))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.ok, b.body.ok].sort()).toEqual([0, 300]);
    expect([a.body.alreadyImported, b.body.alreadyImported].sort()).toEqual([0, 300]);
    const [row] = await server.orm.em.getConnection().execute(
      "select count(*)::int n, count(distinct receipt_seq)::int seqs, min(receipt_seq)::int lo, max(receipt_seq)::int hi from donation where idempotency_key like 'bank:%'",
    );
    expect(row).toEqual({ n: 300, seqs: 300, lo: 1, hi: 300 });
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    expect((await gql(server.graphqlUrl, VERIFY, { id: fundId }, inspector)).data!.verifyLedger.ok).toBe(true);
    expect((await gql(server.graphqlUrl, FUND, { id: fundId }, manager)).data!.Fund.balance).toBe((300 * 301 * 1000) / 2);
  });

  it('needs DonationCreate, a sign-in and a fund in scope', async () => {
    const before = await counts();
    const anonymous = await upload('commit', statement(good), '');
    expect(anonymous.status).toBe(401);
    expect(errorOf(anonymous.body).extensions.code).toBe('UNAUTHENTICATED');
    for (const email of ['thanhtra@soquy.example', 'canbo@soquy.example', 'admin@soquy.example']) {
      const res = await upload('preview', statement(good), await signIn(server.graphqlUrl, email));
      expect([email, res.status, errorOf(res.body).extensions.code]).toEqual([email, 403, 'FORBIDDEN']);
    }
    const commune = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    const outside = await upload('commit', statement(good), commune);
    expect(outside.status).toBe(404);
    expect(errorOf(outside.body).extensions.code).toBe('NOT_FOUND');
    const own = await upload('preview', statement(good), commune, String((await fundOf(server.orm.em, '13741')).id));
    expect(own.body.ok).toBe(3);
    const badFund = await upload('preview', statement(good), manager, 'x');
    expect(badFund.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe('an import and single receipts at the same moment', () => {
  beforeAll(freshDemo);

  /**
   * A createDonation taking the fund's first receipt number of a year creates the year's counter row
   * (its insert checks the fund's key) while the import holds the fund: the import must lock the
   * counters, created or not, before the fund, or PostgreSQL finds a deadlock and aborts one of them.
   * Each round uses years with no receipt yet (a fresh counter for each) and a year with receipts; a
   * stream of single receipts runs for as long as the import does.
   */
  it('both succeed, with distinct gapless receipt numbers and a verified ledger, round after round', async () => {
    const withReceipts = 2024;
    expect((await gql(server.graphqlUrl, CREATE, { fundId, amount: 1_000, receivedOn: `${withReceipts}-01-02`, key: randomUUID() }, manager)).errors).toBeUndefined();
    for (let round = 0; round < 5; round++) {
      const fresh = [0, 1, 2, 3].map((i) => 2001 + round * 4 + i);
      const years = [...fresh, withReceipts];
      const rows = Array.from({ length: 1_500 }, (_, i) => `R${round}-${i};0${(i % 9) + 1}/0${(i % 9) + 1}/${years[i % years.length]};${(i + 1) * 1_000};Người chuyển ${i};x`);
      let importDone = false;
      const importing = upload('commit', statement(rows)).finally(() => (importDone = true));
      // Streams of single receipts, each walking the years, for as long as the import runs.
      const singles: { errors?: unknown; data?: unknown }[] = [];
      const stream = async (offset: number) => {
        for (let n = 0; n < 12 && (n < years.length || !importDone); n++) {
          const year = years[(n + offset) % years.length]!;
          singles.push(await gql(server.graphqlUrl, CREATE, { fundId, amount: 2_000, receivedOn: `${year}-12-01`, key: randomUUID() }, manager));
        }
      };
      const [imported] = await Promise.all([importing, stream(0), stream(2), stream(4)]);
      expect([round, imported.status, imported.body.ok]).toEqual([round, 200, rows.length]);
      expect(singles.filter((s) => s.errors).map((s) => JSON.stringify(s.errors).slice(0, 300))).toEqual([]);
    }
    const series = await server.orm.em.getConnection().execute(
      `select d.receipt_year as year, count(*)::int as n, count(distinct d.receipt_seq)::int as seqs, min(d.receipt_seq)::int as lo, max(d.receipt_seq)::int as hi,
              count(distinct d.receipt_number)::int as numbers, (select c.last_number from document_counter c where c.fund_id = d.fund_id and c.doc_type = 'PT' and c.year = d.receipt_year) as counter
         from donation d where d.fund_id = ? group by d.fund_id, d.receipt_year order by 1`,
      [fundId],
    );
    expect(series.length).toBe(21);
    for (const s of series) expect(s).toEqual({ ...s, seqs: s.n, lo: 1, hi: s.n, numbers: s.n, counter: s.n });
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    expect((await gql(server.graphqlUrl, VERIFY, { id: fundId }, inspector)).data!.verifyLedger.ok).toBe(true);
  }, 85_000);
});

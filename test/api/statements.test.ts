import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { todayVn } from '../../api/src/common/dates';
import { FundKind } from '../../api/src/modules/funds/fund.entity';
import { post } from '../../api/src/modules/ledger/ledger.service';
import { AccountCode } from '../../api/src/modules/ledger/ledger.entities';
import type { FundStatement } from '../../api/src/modules/statements/statement.types';
import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { fundOf } from '../support/funds';
import { errorCode, gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

const FIGURES = `from to ledgerClosing balanced
  opening { free earmarked goods total } closing { free earmarked goods total }
  receipts { donations voids total byMethod { method amount } byDonorType { donorType amount } }
  disbursements { gross giftReturns total inKind byCategory { category inKind amount } }
  transfersIn { total internal succession } transfersOut { total internal succession }
  earmarkedClosing { purpose amount }`;
const ROW = 'level unitId unitName validTo fundCount opening receipts disbursements transfersIn transfersOut closing';
const STATEMENT = `query($input: StatementInput!) { fundStatement(input: $input) {
  kind unitId unitName from to unitView balanced funds { id name closedOn }
  current { ${FIGURES} } previous { ${FIGURES} } byLevel { ${ROW} } byUnit { ${ROW} } } }`;
const DONATE = `mutation($f: ID!, $a: SafeInt!, $d: LocalDate!, $m: DonationMethod!, $donor: ID, $name: String, $e: ProgramCategory, $desc: String, $k: String!) {
  createDonation(fundId: $f, donorId: $donor, donorName: $name, amount: $a, receivedOn: $d, method: $m, earmark: $e, inKindDescription: $desc, idempotencyKey: $k) { id } }`;
const CREATE = `mutation($fundId: ID!, $amount: SafeInt!, $category: DisbursementCategory!, $targetFundId: ID, $k: String!) {
  createDisbursement(fundId: $fundId, amount: $amount, category: $category, payeeName: "Người nhận", purpose: "Chi theo kế hoạch", idempotencyKey: $k, targetFundId: $targetFundId) { id } }`;

let server: TestServer;
let manager: string;
let manager2: string;
let officer: string;
const today = todayVn();
const year = Number(today.slice(0, 4));
const from = `${year}-01-01`;
const lastYear = `${year - 1}-01-01`;
const M = 1_000_000;
const ids: Record<string, string> = {};

async function ok(query: string, variables: Record<string, unknown>, token = manager) {
  const res = await gql(server.graphqlUrl, query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}
const donate = (f: string, a: number, d: string, m: string, extra: Record<string, unknown> = {}) =>
  ok(DONATE, { f, a, d, m, k: randomUUID(), name: extra.donor ? undefined : 'Khách vãng lai', ...extra }).then((r) => r.createDonation.id as string);

/** A disbursement drafted, submitted, approved and paid today; `inKind` marks it as goods handed out (as a gift batch in kind does, CHILD_GIFT only). */
async function pay(fundId: string, amount: number, category: string, options: { targetFundId?: string; inKind?: boolean } = {}) {
  const id = (await ok(CREATE, { fundId, amount, category, targetFundId: options.targetFundId, k: randomUUID() }, officer)).createDisbursement.id;
  if (options.inKind) await server.orm.em.getConnection().execute('update disbursement set in_kind = true where id = ?', [id]);
  await ok('mutation($id: ID!) { submitDisbursement(id: $id) { id } }', { id }, officer);
  await ok('mutation($id: ID!) { approveDisbursement(id: $id) { id } }', { id }, manager2);
  await ok('mutation($id: ID!, $d: LocalDate!) { payDisbursement(id: $id, paidOn: $d) { id } }', { id, d: today }, manager);
}

const statement = async (input: Record<string, unknown>, token = manager): Promise<FundStatement> => (await ok(STATEMENT, { input }, token)).fundStatement;

beforeAll(async () => {
  server = await startTestServer();
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  [manager, manager2, officer] = await Promise.all(['ketoan@soquy.example', 'ketoan2@soquy.example', 'canbo@soquy.example'].map((e) => signIn(server.graphqlUrl, e)));
  const em = server.orm.em;
  for (const [key, code] of [['P', '36'], ['D', '358'], ['C1', '13708'], ['C2', '13711']]) ids[key] = String((await fundOf(em, code!)).id);
  const [unit] = await em.getConnection().execute("select id from administrative_unit where code = '358'");
  ids.unit358 = String(unit.id);
  const [province] = await em.getConnection().execute("select id from administrative_unit where code = '36'");
  ids.unit36 = String(province.id);
  const [ent] = await em.getConnection().execute("insert into donor (type, name, unit_id) values ('ENTERPRISE', 'Công ty CP Dệt Nam Định', ?) returning id", [province.id]);
  const [ind] = await em.getConnection().execute("insert into donor (type, name, unit_id) values ('INDIVIDUAL', 'Nguyễn Văn An', ?) returning id", [province.id]);

  // Last year: the opening balances of this year.
  await donate(ids.D!, 50 * M, lastYear, 'BANK_TRANSFER', { donor: String(ent.id) });
  const voided = await donate(ids.C1!, 2 * M, lastYear, 'CASH');
  await donate(ids.C1!, 10 * M, lastYear, 'CASH', { donor: String(ind.id) });
  // This year.
  await donate(ids.D!, 30 * M, today, 'CASH', { donor: String(ind.id), e: 'HOUSING_NEW' });
  await donate(ids.D!, 8 * M, today, 'IN_KIND', { donor: String(ent.id), desc: '2 tấn gạo' });
  await donate(ids.C2!, 5 * M, today, 'BANK_TRANSFER');
  await ok('mutation($id: ID!) { voidDonation(id: $id, reason: "Ghi nhầm quỹ") { id } }', { id: voided });
  await pay(ids.D!, 4 * M, 'HARDSHIP');
  await pay(ids.D!, 20 * M, 'HOUSING_NEW');
  await pay(ids.D!, 3 * M, 'CHILD_GIFT', { inKind: true });
  await pay(ids.C1!, 6 * M, 'TRANSFER', { targetFundId: ids.C2 });
  await pay(ids.D!, 7 * M, 'TRANSFER', { targetFundId: ids.P });
});
afterAll(() => server.close());

describe('fund statements (báo cáo thu chi quỹ)', () => {
  it('gives every figure of a district subtree, with last year and the roll-ups, and balances', async () => {
    const st = await statement({ unitId: ids.unit358, kind: 'GRATITUDE', from, to: today });
    expect(st).toMatchObject({ kind: 'GRATITUDE', unitName: 'Huyện Mỹ Lộc', unitView: 'RECORDED', balanced: true });
    expect(st.funds).toHaveLength(12);
    const c = st.current;
    expect(c.opening).toEqual({ free: 62 * M, earmarked: 0, goods: 0, total: 62 * M });
    expect(c.receipts).toMatchObject({ donations: 43 * M, voids: 2 * M, total: 41 * M });
    expect(new Map(c.receipts.byMethod.map((x) => [x.method, x.amount]))).toEqual(new Map([['CASH', 28 * M], ['BANK_TRANSFER', 5 * M], ['IN_KIND', 8 * M]]));
    expect(new Map(c.receipts.byDonorType.map((x) => [x.donorType, x.amount]))).toEqual(new Map([['INDIVIDUAL', 30 * M], ['ENTERPRISE', 8 * M], [null, 3 * M]]));
    expect(c.disbursements).toMatchObject({ gross: 27 * M, giftReturns: 0, total: 27 * M, inKind: 3 * M });
    expect(c.disbursements.byCategory).toEqual([
      { category: 'HOUSING_NEW', inKind: false, amount: 20 * M },
      { category: 'HARDSHIP', inKind: false, amount: 4 * M },
      { category: 'CHILD_GIFT', inKind: true, amount: 3 * M },
    ]);
    expect(c.transfersIn).toEqual({ total: 6 * M, internal: 6 * M, succession: 0 });
    expect(c.transfersOut).toEqual({ total: 13 * M, internal: 6 * M, succession: 0 });
    expect(c.closing).toEqual({ free: 54 * M, earmarked: 10 * M, goods: 5 * M, total: 69 * M });
    expect(c.earmarkedClosing).toEqual([{ purpose: 'HOUSING_NEW', amount: 10 * M }]);
    expect(c.ledgerClosing).toBe(69 * M);
    expect(c.balanced).toBe(true);

    const p = st.previous!;
    expect(p).toMatchObject({ from: lastYear, opening: { total: 0 }, receipts: { donations: 62 * M, voids: 0, total: 62 * M }, disbursements: { total: 0 }, closing: { total: 62 * M }, balanced: true });
    expect(new Map(p.receipts.byDonorType.map((x) => [x.donorType, x.amount]))).toEqual(new Map([['ENTERPRISE', 50 * M], ['INDIVIDUAL', 10 * M], [null, 2 * M]]));

    expect(st.byLevel).toEqual([
      { level: 'DISTRICT', unitId: null, unitName: null, validTo: null, fundCount: 1, opening: 50 * M, receipts: 38 * M, disbursements: 27 * M, transfersIn: 0, transfersOut: 7 * M, closing: 54 * M },
      { level: 'COMMUNE', unitId: null, unitName: null, validTo: null, fundCount: 11, opening: 12 * M, receipts: 3 * M, disbursements: 0, transfersIn: 6 * M, transfersOut: 6 * M, closing: 15 * M },
    ]);
    expect(st.byUnit).toHaveLength(12);
    expect(st.byUnit[0]).toMatchObject({ level: 'DISTRICT', unitName: 'Huyện Mỹ Lộc', closing: 54 * M });
    expect(st.byUnit.find((r) => r.unitName === 'Xã Mỹ Hà')).toMatchObject({ receipts: 5 * M, transfersIn: 6 * M, closing: 11 * M });
  });

  it('counts a transfer between two funds of the statement as internal, one to a fund outside as external', async () => {
    const district = await statement({ fundId: ids.D, from, to: today, compare: false });
    expect(district.previous).toBeNull();
    expect(district.current.transfersOut).toEqual({ total: 7 * M, internal: 0, succession: 0 });
    expect(district.current.closing.total).toBe(54 * M);
    const province = await statement({ unitId: ids.unit36, kind: 'GRATITUDE', from, to: today });
    expect(province.balanced).toBe(true);
    expect(province.current.transfersIn).toEqual({ total: 13 * M, internal: 13 * M, succession: 0 });
    expect(province.current.transfersOut).toEqual({ total: 13 * M, internal: 13 * M, succession: 0 });
    expect(province.byLevel.map((r) => [r.level, r.closing])).toEqual([['PROVINCE', 7 * M], ['DISTRICT', 54 * M], ['COMMUNE', 15 * M]]);
    expect(province.current.closing.total).toBe(76 * M);
  });

  it('shows an ended unit with its last day (RECORDED) or within its successor (MAPPED)', async () => {
    const conn = server.orm.em.getConnection();
    const ended = `${year}-01-31`;
    await conn.execute('update administrative_unit set valid_to = ?, successor_id = ? where id = ?', [ended, ids.unit36, ids.unit358]);
    try {
      const recorded = await statement({ unitId: ids.unit36, kind: 'GRATITUDE', from, to: today, compare: false });
      expect(recorded.byUnit.find((r) => r.unitId === ids.unit358)).toMatchObject({ level: 'DISTRICT', validTo: ended, closing: 54 * M });
      const mapped = await statement({ unitId: ids.unit36, kind: 'GRATITUDE', from, to: today, unitView: 'MAPPED', compare: false });
      expect(mapped.byUnit.find((r) => r.unitId === ids.unit358)).toBeUndefined();
      expect(mapped.byUnit[0]).toMatchObject({ level: 'PROVINCE', unitId: ids.unit36, fundCount: 2, closing: 7 * M + 54 * M });
      expect(mapped.byLevel.map((r) => [r.level, r.fundCount, r.closing])).toEqual([['PROVINCE', 2, 61 * M], ['DISTRICT', 9, 0], ['COMMUNE', 226, 15 * M]]);
    } finally {
      await conn.execute('update administrative_unit set valid_to = null, successor_id = null where id = ?', [ids.unit358]);
    }
  });

  it('answers NOT_FOUND outside the scope and BAD_USER_INPUT for a bad request', async () => {
    const commune = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    const ask = (input: Record<string, unknown>, token = manager) => gql(server.graphqlUrl, STATEMENT, { input }, token);
    expect(errorCode(await ask({ fundId: ids.D, from, to: today }, commune))).toBe('NOT_FOUND');
    expect(errorCode(await ask({ unitId: ids.unit358, kind: 'GRATITUDE', from, to: today }, commune))).toBe('NOT_FOUND');
    expect(errorCode(await ask({ fundId: ids.D, unitId: ids.unit358, kind: 'GRATITUDE', from, to: today }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask({ unitId: ids.unit358, from, to: today }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask({ fundId: ids.D, from: today, to: from === today ? '2000-01-01' : from }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask({ fundId: ids.D, from: '2014-01-01', to: '2024-01-01' }))).toBe('BAD_USER_INPUT');
    expect((await ask({ fundId: ids.D, from: '2014-01-02', to: '2024-01-01' })).data!.fundStatement.balanced).toBe(true);
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    expect((await ask({ fundId: ids.D, from, to: today }, inspector)).data!.fundStatement.current.closing.total).toBe(54 * M);
  });

  it('exports the same totals as XLSX, and a PDF', async () => {
    const input = { unitId: ids.unit358, kind: 'GRATITUDE', from, to: today };
    const st = await statement(input);
    const url = (format: string) => `${server.url}/export/statement.${format}?filter=${encodeURIComponent(JSON.stringify(input))}`;
    const xlsx = await fetch(url('xlsx'), { headers: { authorization: `Bearer ${manager}` } });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Theo cấp', 'Theo đơn vị']);
    const lines = new Map<string, unknown[]>();
    workbook.getWorksheet('Báo cáo')!.eachRow((row) => {
      const values = row.values as unknown[];
      const label = String(values[1] ?? '').trim();
      if (!lines.has(label)) lines.set(label, values.slice(2));
    });
    expect(lines.get('I. Số dư đầu kỳ')).toEqual([st.current.opening.total, st.previous!.opening.total, st.current.opening.total - st.previous!.opening.total]);
    expect(lines.get('II. Thu trong kỳ')![0]).toBe(st.current.receipts.total);
    expect(lines.get('III. Chi trong kỳ')![0]).toBe(st.current.disbursements.total);
    expect(lines.get('VI. Số dư cuối kỳ (I + II - III + IV - V)')).toEqual([69 * M, 62 * M, 7 * M]);
    const byUnit = workbook.getWorksheet('Theo đơn vị')!;
    const total = byUnit.getRow(byUnit.rowCount).values as unknown[];
    expect(total.slice(1)).toEqual(['Tổng cộng', 12, 62 * M, 41 * M, 27 * M, 6 * M, 13 * M, 69 * M]);

    const pdf = await fetch(url('pdf'), { headers: { authorization: `Bearer ${manager}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/Type \/Page\b/);
    expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);

    const commune = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    expect((await fetch(url('pdf'), { headers: { authorization: `Bearer ${commune}` } })).status).toBe(404);
    expect((await fetch(url('pdf'))).status).toBe(401);
    expect((await fetch(url('csv'), { headers: { authorization: `Bearer ${manager}` } })).status).toBe(404);
  });

  it('counts succession transfers as transfers in and out, internal when both funds are in the statement', async () => {
    const d = await fundOf(server.orm.em, '359');
    const p = await fundOf(server.orm.em, '36');
    await donate(String(d.id), 9 * M, today, 'CASH', { e: 'HARDSHIP' });
    // Closed with its unit, its balances transferred to the province's fund (as a reorganisation posts them).
    await server.orm.em.getConnection().execute('update fund set closed_on = ?, successor_id = ? where id = ?', [today, p.id, d.id]);
    await server.orm.em.fork().transactional(async (em) => {
      const base = { occurredOn: today, description: 'Sắp xếp đơn vị hành chính', sourceType: 'unitSuccessionEvent', sourceId: 1, createdById: null };
      await post(em, { ...base, fundId: d.id, kind: 'SUCCESSION_TRANSFER_OUT', lines: [{ code: AccountCode.CASH, purpose: 'HARDSHIP', amount: -9 * M }, { code: AccountCode.TRANSFER_OUT, amount: 9 * M }] });
      await post(em, { ...base, fundId: p.id, kind: 'SUCCESSION_TRANSFER_IN', lines: [{ code: AccountCode.CASH, purpose: 'HARDSHIP', amount: 9 * M }, { code: AccountCode.TRANSFER_IN, amount: -9 * M }] });
    });
    const district = await statement({ fundId: String(d.id), from, to: today });
    expect(district.current).toMatchObject({ transfersOut: { total: 9 * M, internal: 0, succession: 9 * M }, closing: { total: 0 }, balanced: true });
    const province = await statement({ unitId: ids.unit36, kind: FundKind.GRATITUDE, from, to: today });
    expect(province.current.transfersIn).toEqual({ total: 22 * M, internal: 22 * M, succession: 9 * M });
    expect(province.current.transfersOut).toEqual({ total: 22 * M, internal: 22 * M, succession: 9 * M });
    expect(province.current.earmarkedClosing).toEqual([{ purpose: 'HARDSHIP', amount: 9 * M }, { purpose: 'HOUSING_NEW', amount: 10 * M }]);
    expect(province.balanced).toBe(true);
  });

  it('does not balance when the ledger holds a movement that no donation or disbursement records', async () => {
    const c2 = await fundOf(server.orm.em, '13711');
    const before = await statement({ fundId: String(c2.id), from, to: today });
    expect(before.balanced).toBe(true);
    // A payment written to the ledger alone (no disbursement row): the records and the ledger disagree.
    await server.orm.em.fork().transactional((em) =>
      post(em, {
        fundId: c2.id, kind: 'DISBURSEMENT', occurredOn: today, description: 'Chi không có phiếu chi', sourceType: 'disbursement', sourceId: 999_999, createdById: null,
        lines: [{ code: AccountCode.CASH, amount: -M }, { code: AccountCode.EXPENSE, purpose: 'HARDSHIP', amount: M }],
      }),
    );
    const after = await statement({ fundId: String(c2.id), from, to: today });
    expect(after.byUnit[0]!.disbursements).toBe(before.byUnit[0]!.disbursements + M);
    expect(after.current.disbursements.total).toBe(before.current.disbursements.total);
    expect(after.current.balanced).toBe(false);
    expect(after.balanced).toBe(false);
  });
});

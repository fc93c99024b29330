import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { todayVn } from '../../api/src/common/dates';
import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { fundOf } from '../support/funds';
import { errorCode, gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

const CREATE = `mutation($fundId: ID!, $amount: SafeInt!, $category: DisbursementCategory!, $payeeName: String!, $purpose: String!, $idempotencyKey: String!,
  $targetFundId: ID, $projectType: ProjectType, $projectId: ID, $documents: [String!]) {
  createDisbursement(fundId: $fundId, amount: $amount, category: $category, payeeName: $payeeName, purpose: $purpose, idempotencyKey: $idempotencyKey,
    targetFundId: $targetFundId, projectType: $projectType, projectId: $projectId, documents: $documents) { id status }
}`;
/** A workflow mutation by name, with one extra argument declared as `$name: Type`. */
const STEP = (name: string, extra = '') => `mutation($id: ID!${extra ? `, ${extra}` : ''}) { ${name}(id: $id${extra ? `, ${extra.split(':')[0]!.slice(1)}: ${extra.split(':')[0]}` : ''}) { id status voucherNumber amountInWords permissions { canSubmit canApprove canReject canPay canCancel } } }`;
const SUBMIT = STEP('submitDisbursement');
const APPROVE = STEP('approveDisbursement');
const PAY = STEP('payDisbursement', '$paidOn: LocalDate!');
const REJECT = STEP('rejectDisbursement', '$reason: String!');
const CANCEL = STEP('cancelDisbursement', '$reason: String!');
const DONATE = 'mutation($f: ID!, $a: SafeInt!, $k: String!, $d: LocalDate!, $e: ProgramCategory) { createDonation(fundId: $f, donorName: "Nhà hảo tâm", amount: $a, receivedOn: $d, method: CASH, earmark: $e, idempotencyKey: $k) { id } }';
const FUND = 'query($id: ID!) { Fund(id: $id) { balance freeBalance earmarked { purpose amount } } }';

let server: TestServer;
let officer: string;
let manager: string;
let manager2: string;
let fundId: string;
const today = todayVn();

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  [officer, manager, manager2] = await Promise.all(['canbo@soquy.example', 'ketoan@soquy.example', 'ketoan2@soquy.example'].map((e) => signIn(server.graphqlUrl, e)));
  fundId = String((await fundOf(server.orm.em, '36')).id);
});

const donate = (amount: number, earmark?: string, fund = fundId) => gql(server.graphqlUrl, DONATE, { f: fund, a: amount, k: randomUUID(), d: today, e: earmark }, manager);
const draft = (vars: Record<string, unknown> = {}, token = officer) =>
  gql(server.graphqlUrl, CREATE, { fundId, amount: 40_000_000, category: 'HOUSING_NEW', payeeName: 'Trần Văn Hùng', purpose: 'Hỗ trợ xây nhà tình nghĩa', idempotencyKey: randomUUID(), ...vars }, token);
const fund = async (id = fundId) => (await gql(server.graphqlUrl, FUND, { id }, manager)).data!.Fund;

/** Drafts (as the officer), submits, approves (as ketoan2) and returns the id. */
async function approved(vars: Record<string, unknown> = {}): Promise<string> {
  const id = (await draft(vars)).data!.createDisbursement.id;
  await gql(server.graphqlUrl, SUBMIT, { id }, officer);
  const res = await gql(server.graphqlUrl, APPROVE, { id }, manager2);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return id;
}

describe('the disbursement workflow (phiếu chi)', () => {
  it('goes DRAFT → SUBMITTED → APPROVED → PAID, posts to the ledger and tells each user what they may do', async () => {
    await donate(100_000_000);
    const created = await draft({ documents: ['QĐ 123/QĐ-UBND', 'Biên bản bàn giao 07/2025'] });
    expect(created.data!.createDisbursement.status).toBe('DRAFT');
    const id = created.data!.createDisbursement.id;
    const submitted = await gql(server.graphqlUrl, SUBMIT, { id }, officer);
    expect(submitted.data!.submitDisbursement).toMatchObject({ status: 'SUBMITTED', permissions: { canApprove: false, canPay: false, canCancel: true } });
    const seenByManager = await gql(server.graphqlUrl, 'query($id: ID!) { Disbursement(id: $id) { permissions { canApprove canReject canPay } } }', { id }, manager);
    expect(seenByManager.data!.Disbursement.permissions).toEqual({ canApprove: true, canReject: true, canPay: false });
    await gql(server.graphqlUrl, APPROVE, { id }, manager);
    const paid = await gql(server.graphqlUrl, PAY, { id, paidOn: today }, manager);
    expect(paid.data!.payDisbursement).toMatchObject({ status: 'PAID', voucherNumber: `PC-${today.slice(0, 4)}-000001`, amountInWords: 'Bốn mươi triệu đồng' });
    expect(await fund()).toMatchObject({ balance: 60_000_000 });
    const seen = await gql(server.graphqlUrl, 'query($id: ID!, $f: ID!) { Disbursement(id: $id) { createdByName approvedByName paidByName } Fund(id: $f) { spendingThisYear } }', { id, f: fundId }, manager);
    expect(seen.data).toEqual({ Disbursement: { createdByName: 'Phạm Thị Cán', approvedByName: 'Trần Thị Kế', paidByName: 'Trần Thị Kế' }, Fund: { spendingThisYear: 40_000_000 } });
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    const verify = await gql(server.graphqlUrl, 'query($id: ID!) { verifyLedger(fundId: $id) { ok transactionsChecked } }', { id: fundId }, inspector);
    expect(verify.data!.verifyLedger).toEqual({ ok: true, transactionsChecked: 2 });
    expect(errorCode(await gql(server.graphqlUrl, PAY, { id, paidOn: today }, manager))).toBe('INVALID_TRANSITION');
    const [row] = await server.orm.em.getConnection().execute("select count(*) as n from audit_event where target_type = 'Disbursement' and target_id = ?", [id]);
    expect(row.n).toBe('4');
  });

  it('keeps four eyes: the creator cannot approve or reject, even as FUND_MANAGER', async () => {
    const id = (await draft({}, manager)).data!.createDisbursement.id;
    await gql(server.graphqlUrl, SUBMIT, { id }, manager);
    const own = await gql(server.graphqlUrl, APPROVE, { id }, manager);
    expect(errorCode(own)).toBe('FORBIDDEN');
    expect(own.errors![0]!.message).toMatch(/Four eyes/);
    expect(own.errors![0]!.extensions!.rule).toBe('FOUR_EYES');
    expect(errorCode(await gql(server.graphqlUrl, REJECT, { id, reason: 'Thiếu hồ sơ' }, manager))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.graphqlUrl, APPROVE, { id }, officer))).toBe('FORBIDDEN');
    expect((await gql(server.graphqlUrl, APPROVE, { id }, manager2)).data!.approveDisbursement.status).toBe('APPROVED');
  });

  it('rejects and cancels only with a reason, and refuses every other transition', async () => {
    const id = (await draft()).data!.createDisbursement.id;
    expect(errorCode(await gql(server.graphqlUrl, APPROVE, { id }, manager))).toBe('INVALID_TRANSITION');
    expect(errorCode(await gql(server.graphqlUrl, PAY, { id, paidOn: today }, manager))).toBe('INVALID_TRANSITION');
    await gql(server.graphqlUrl, SUBMIT, { id }, officer);
    expect(errorCode(await gql(server.graphqlUrl, REJECT, { id, reason: 'no' }, manager))).toBe('BAD_USER_INPUT');
    expect((await gql(server.graphqlUrl, REJECT, { id, reason: 'Thiếu biên bản xác minh của xã' }, manager)).data!.rejectDisbursement.status).toBe('REJECTED');
    expect(errorCode(await gql(server.graphqlUrl, CANCEL, { id, reason: 'Không cần nữa' }, officer))).toBe('INVALID_TRANSITION');
    const other = await approved();
    expect(errorCode(await gql(server.graphqlUrl, CANCEL, { id: other, reason: 'Đổi người nhận' }, officer))).toBe('FORBIDDEN');
    expect((await gql(server.graphqlUrl, CANCEL, { id: other, reason: 'Đổi người nhận' }, manager)).data!.cancelDisbursement.status).toBe('CANCELLED');
  });

  it('never takes a balance below zero: INSUFFICIENT_FUNDS, nothing written', async () => {
    await donate(10_000_000);
    const id = await approved({ amount: 40_000_000, category: 'HARDSHIP' });
    const res = await gql(server.graphqlUrl, PAY, { id, paidOn: today }, manager);
    expect(errorCode(res)).toBe('INSUFFICIENT_FUNDS');
    expect(await fund()).toMatchObject({ balance: 10_000_000 });
    const [row] = await server.orm.em.getConnection().execute('select status, voucher_number from disbursement where id = ?', [id]);
    expect(row).toEqual({ status: 'APPROVED', voucher_number: null });
  });

  it('spends earmarked money only for its purpose, and free money for the rest', async () => {
    await donate(30_000_000, 'HOUSING_NEW');
    await donate(5_000_000);
    const admin = await approved({ amount: 6_000_000, category: 'HARDSHIP' });
    expect(errorCode(await gql(server.graphqlUrl, PAY, { id: admin, paidOn: today }, manager))).toBe('INSUFFICIENT_FUNDS');
    const house = await approved({ amount: 33_000_000, category: 'HOUSING_NEW' });
    expect((await gql(server.graphqlUrl, PAY, { id: house, paidOn: today }, manager)).errors).toBeUndefined();
    expect(await fund()).toEqual({ balance: 2_000_000, freeBalance: 2_000_000, earmarked: [] });
  });

  it('transfers between funds in one transaction, both chains verifiable', async () => {
    const commune = String((await fundOf(server.orm.em, '13741')).id);
    await donate(50_000_000);
    const id = await approved({ amount: 20_000_000, category: 'TRANSFER', targetFundId: commune, payeeName: 'Quỹ Đền ơn đáp nghĩa Thị trấn Gôi' });
    expect((await gql(server.graphqlUrl, PAY, { id, paidOn: today }, manager)).errors).toBeUndefined();
    expect((await fund()).balance).toBe(30_000_000);
    expect((await fund(commune)).balance).toBe(20_000_000);
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    for (const f of [fundId, commune]) {
      expect((await gql(server.graphqlUrl, 'query($id: ID!) { verifyLedger(fundId: $id) { ok } }', { id: f }, inspector)).data!.verifyLedger.ok).toBe(true);
    }
    expect(errorCode(await draft({ category: 'TRANSFER' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await draft({ category: 'TRANSFER', targetFundId: fundId }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await draft({ targetFundId: commune }))).toBe('BAD_USER_INPUT');
  });

  it('caps administration spending at 5% of the year’s receipts for a Gratitude Fund, naming the rule', async () => {
    await donate(100_000_000);
    const within = await approved({ amount: 5_000_000, category: 'ADMINISTRATION', payeeName: 'Văn phòng quỹ', purpose: 'Văn phòng phẩm, in ấn' });
    expect((await gql(server.graphqlUrl, PAY, { id: within, paidOn: today }, manager)).errors).toBeUndefined();
    const id = (await draft({ amount: 1_000, category: 'ADMINISTRATION', payeeName: 'Văn phòng quỹ', purpose: 'Chi phí quản lý' })).data!.createDisbursement.id;
    await gql(server.graphqlUrl, SUBMIT, { id }, officer);
    const res = await gql(server.graphqlUrl, APPROVE, { id }, manager);
    expect(errorCode(res)).toBe('POLICY_LIMIT');
    expect(res.errors![0]!.message).toMatch(/5% of the year's receipts.*Nghị định 131\/2021\/NĐ-CP, Điều 181/);
  });

  it('caps administration at 10% of qualifying income for the Child Protection Fund', async () => {
    const cp = String((await fundOf(server.orm.em, '36', 'CHILD_PROTECTION' as never)).id);
    await donate(50_000_000, undefined, cp);
    await donate(50_000_000, 'SURGERY', cp);
    const over = (await draft({ fundId: cp, amount: 5_000_001, category: 'ADMINISTRATION', payeeName: 'Văn phòng quỹ', purpose: 'Chi phí quản lý' })).data!.createDisbursement.id;
    await gql(server.graphqlUrl, SUBMIT, { id: over }, officer);
    const refused = await gql(server.graphqlUrl, APPROVE, { id: over }, manager);
    expect(errorCode(refused)).toBe('POLICY_LIMIT');
    expect(refused.errors![0]!.message).toMatch(/cap of 5\.000\.000 đồng \(10% .*Thông tư 87\/2008\/TT-BTC/);
    const ok = await approved({ fundId: cp, amount: 5_000_000, category: 'ADMINISTRATION', payeeName: 'Văn phòng quỹ', purpose: 'Chi phí quản lý' });
    expect((await gql(server.graphqlUrl, PAY, { id: ok, paidOn: today }, manager)).errors).toBeUndefined();
  });

  it('applies period locks to payments', async () => {
    await donate(50_000_000);
    const id = await approved();
    const yesterday = new Date(Date.now() - 2 * 86400_000 + 7 * 3600_000).toISOString().slice(0, 10);
    await gql(server.graphqlUrl, 'mutation($id: ID!, $u: LocalDate!) { lockFundPeriod(id: $id, until: $u) { id } }', { id: fundId, u: yesterday }, manager);
    const res = await gql(server.graphqlUrl, PAY, { id, paidOn: yesterday }, manager);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/closed up to/);
    expect(res.errors![0]!.extensions!.rule).toBe('PERIOD_LOCKED');
  });

  it('is idempotent by key and filters and totals for inspectors', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => draft({ idempotencyKey: key })));
    for (const a of answers) expect(a.errors).toBeUndefined();
    const ids = answers.map((r) => r.data!.createDisbursement.id);
    expect(new Set(ids).size).toBe(1);
    expect((await draft({ idempotencyKey: key })).data!.createDisbursement.id).toBe(ids[0]);
    await draft({ amount: 7_000_000, category: 'SURGERY', payeeName: 'Bệnh viện Nhi Trung ương' });
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    const res = await gql(
      server.graphqlUrl,
      `{ _allDisbursementsMeta(filter: { category: [HOUSING_NEW, SURGERY], payee: "benh vien" }) { count totalAmount } all: _allDisbursementsMeta { count totalAmount }
         today: _allDisbursementsMeta(filter: { dateFrom: "${today}", dateTo: "${today}", q: "xay nha" }) { count } future: _allDisbursementsMeta(filter: { dateFrom: "2999-01-01" }) { count } }`,
      {},
      inspector,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ _allDisbursementsMeta: { count: 1, totalAmount: 7_000_000 }, all: { count: 2, totalAmount: 47_000_000 }, today: { count: 2 }, future: { count: 0 } });
  });
});

describe('the list read as plain rows', () => {
  it('answers every field of every row as the record read by id does, for each user', async () => {
    const commune = String((await fundOf(server.orm.em, '13741')).id);
    await donate(100_000_000);
    const paid = await approved({ documents: ['QĐ 123/QĐ-UBND', 'Biên bản bàn giao 07/2025'] });
    expect((await gql(server.graphqlUrl, PAY, { id: paid, paidOn: today }, manager)).errors).toBeUndefined();
    const transfer = await approved({ amount: 20_000_000, category: 'TRANSFER', targetFundId: commune, payeeName: 'Quỹ Đền ơn đáp nghĩa Thị trấn Gôi' });
    expect((await gql(server.graphqlUrl, PAY, { id: transfer, paidOn: today }, manager)).errors).toBeUndefined();
    const rejected = (await draft({ amount: 7_000_000, category: 'SURGERY', payeeName: 'Bệnh viện Nhi Trung ương' })).data!.createDisbursement.id;
    await gql(server.graphqlUrl, SUBMIT, { id: rejected }, officer);
    expect((await gql(server.graphqlUrl, REJECT, { id: rejected, reason: 'Thiếu hồ sơ bệnh án' }, manager2)).errors).toBeUndefined();
    const drafted = (await draft({ amount: 3_000_000, category: 'HARDSHIP' })).data!.createDisbursement.id;
    const ids = [paid, transfer, rejected, drafted];
    const fields = `id voucherNumber status category amount amountInWords paidOn payeeName payeeIdNumber payeeAddress payeeBankAccount purpose inKind
      projectType projectId documents fundId targetFundId createdById approvedById createdAt submittedAt approvedAt closedAt reason
      createdByName approvedByName paidByName flags permissions { canSubmit canApprove canReject canPay canCancel }
      fund { id name kind unitId successorId lockedUntil closedOn balance unit { id code nameWithType level parentId successorId validFrom validTo } }`;
    for (const token of [officer, manager, manager2, await signIn(server.graphqlUrl, 'thanhtra@soquy.example')]) {
      const list = await gql(server.graphqlUrl, `query($ids: [ID!]) { allDisbursements(filter: { ids: $ids }, sortField: "id") { ${fields} } }`, { ids }, token);
      expect(list.errors).toBeUndefined();
      const rows = list.data!.allDisbursements as { id: string }[];
      expect(rows.map((r) => r.id)).toEqual([...ids].sort((a, b) => Number(a) - Number(b)));
      for (const row of rows) {
        const one = await gql(server.graphqlUrl, `query($id: ID!) { Disbursement(id: $id) { ${fields} } }`, { id: row.id }, token);
        expect(row).toEqual(one.data!.Disbursement);
      }
    }
  });
});

describe('the bank test', () => {
  it('200 concurrent payments against a balance covering exactly 50: 50 paid, balance zero, the rest INSUFFICIENT_FUNDS', async () => {
    await donate(50 * 1_000_000);
    const conn = server.orm.em.getConnection();
    const [officerRow] = await conn.execute("select id from app_user where email = 'canbo@soquy.example'");
    const [approverRow] = await conn.execute("select id from app_user where email = 'ketoan2@soquy.example'");
    const rows: { id: string }[] = await conn.execute(
      `insert into disbursement (fund_id, amount, category, payee_name, purpose, idempotency_key, status, created_by_id, approved_by_id, approved_at)
       select ?, 1000000, 'HARDSHIP', 'Hộ ' || g, 'Hỗ trợ khó khăn', 'bank-' || g, 'APPROVED', ?, ?, now() from generate_series(1, 200) g returning id`,
      [fundId, officerRow.id, approverRow.id],
    );
    const answers = await Promise.all(rows.map((r) => gql(server.graphqlUrl, PAY, { id: String(r.id), paidOn: today }, manager)));
    const codes = answers.map((a) => (a.errors ? errorCode(a) : 'PAID'));
    expect(codes.filter((c) => c === 'PAID')).toHaveLength(50);
    expect(codes.filter((c) => c === 'INSUFFICIENT_FUNDS')).toHaveLength(150);
    expect(await fund()).toMatchObject({ balance: 0 });
    const [sum] = await conn.execute('select sum(amount) as s from ledger_entry');
    expect(sum.s).toBe('0');
    const numbers = answers.filter((a) => !a.errors).map((a) => a.data!.payDisbursement.voucherNumber as string).sort();
    expect(numbers[49]).toBe(`PC-${today.slice(0, 4)}-000050`);
  }, 120_000);
});

describe('inspectors: flags and exports', () => {
  it('flags the same payee and amount within 30 days, and payments split just under the approval threshold', async () => {
    const first = (await draft({ amount: 12_000_000, payeeName: 'Nguyễn Thị Lan' })).data!.createDisbursement.id;
    const second = (await draft({ amount: 12_000_000, payeeName: 'NGUYEN THI LAN' })).data!.createDisbursement.id;
    const other = (await draft({ amount: 13_000_000, payeeName: 'Nguyễn Thị Lan' })).data!.createDisbursement.id;
    const splits = [];
    for (const amount of [49_000_000, 48_500_000, 47_000_000]) splits.push((await draft({ amount, payeeName: 'Công ty Xây dựng Thành Nam', category: 'MEMORIAL_WORK' })).data!.createDisbursement.id);
    const res = await gql(server.graphqlUrl, '{ allDisbursements(perPage: 50) { id flags } }', {}, manager);
    const flags = Object.fromEntries(res.data!.allDisbursements.map((d: { id: string; flags: string[] }) => [d.id, d.flags]));
    expect(flags[first]).toEqual(['DUPLICATE_PAYEE_AMOUNT']);
    expect(flags[second]).toEqual(['DUPLICATE_PAYEE_AMOUNT']);
    expect(flags[other]).toEqual([]);
    for (const id of splits) expect(flags[id]).toEqual(['SPLIT_UNDER_THRESHOLD']);
  });

  it('flags an amount above the policy rate in force for its category', async () => {
    const above = (await draft({ amount: 70_000_000, payeeName: 'Hộ ông Lã Văn Tám' })).data!.createDisbursement.id;
    const within = (await draft({ amount: 60_000_000, payeeName: 'Hộ bà Cao Thị Chín' })).data!.createDisbursement.id;
    const res = await gql(server.graphqlUrl, '{ allDisbursements { id flags } allPolicyRates(filter: { code: "HOUSING_NEW", inForceOn: "2026-01-01" }) { amount legalBasis toBeConfirmed } }', {}, manager);
    const flags = Object.fromEntries(res.data!.allDisbursements.map((d: { id: string; flags: string[] }) => [d.id, d.flags]));
    expect(flags[above]).toEqual(['ABOVE_POLICY_RATE']);
    expect(flags[within]).toEqual([]);
    expect(res.data!.allPolicyRates).toEqual([{ amount: 60_000_000, legalBasis: expect.stringContaining('Quyết định 21/2024/QĐ-TTg'), toBeConfirmed: true }]);
  });

  it('exports the filtered list as CSV and XLSX, in scope, streamed', async () => {
    await draft({ amount: 1_000_000, payeeName: 'Phạm Văn "Ba", Hải Hậu' });
    await draft({ amount: 2_000_000, category: 'SURGERY', payeeName: '=cmd()' });
    const commune = String((await fundOf(server.orm.em, '13741')).id);
    await draft({ fundId: commune, amount: 3_000_000 });
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    const url = (format: string, filter?: object) => `${server.url}/export/disbursements.${format}${filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`;
    const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

    const csv = await fetch(url('csv', { category: ['HOUSING_NEW'] }), auth(inspector));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Số phiếu chi,Trạng thái,Loại chi,Quỹ,Số tiền \(đồng\)/);
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toContain('"Phạm Văn ""Ba"", Hải Hậu"');

    const all = await (await fetch(url('csv'), auth(inspector))).text();
    expect(all).toContain(`"'=cmd()"`);
    const communeUser = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    const own = (await (await fetch(url('csv'), auth(communeUser))).text()).trim().split('\r\n');
    expect(own).toHaveLength(2);

    const xlsx = await fetch(url('xlsx'), auth(inspector));
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.getWorksheet('Phiếu chi')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(1).value).toBe('Số phiếu chi');
    expect(sheet.getColumn(5).values.slice(2).map(Number).sort((a, b) => a - b)).toEqual([1_000_000, 2_000_000, 3_000_000]);

    expect((await fetch(url('csv'))).status).toBe(401);
    expect((await fetch(url('csv', { status: ['NOPE'] }), auth(inspector))).status).toBe(400);
    expect((await fetch(url('pdf'), auth(inspector))).status).toBe(404);
  });
});

import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { addDays, todayVn } from '../../api/src/common/dates';
import { AdministrativeUnit } from '../../api/src/modules/units/unit.entity';
import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { fundOf } from '../support/funds';
import { errorCode, gql, ok, signIn, type GraphQLResponse } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

/*
 * Housing grants (hỗ trợ nhà ở người có công): the lifecycle, its refusals, the tranches paid from
 * the Gratitude funds under the 60% rule, scope, database guards and the housing report.
 *
 * Regressions covered (fixed in bb807c3 while these tests were written): applyHousingGrant answered
 * INTERNAL_SERVER_ERROR for every application (the grant was flushed in a nested transaction's fork
 * that did not hold it), and housingReport / the export answered INTERNAL_SERVER_ERROR whenever the
 * scope or filter bound a parameter (a commune user, any filter: "there is no parameter $1").
 */

const HOUSEHOLD = `mutation($personName: String!, $nationalId: String!, $unitId: ID!) {
  createBeneficiaryHousehold(personName: $personName, nationalId: $nationalId, meritCategoryCode: "WAR_INVALID", unitId: $unitId, address: "Xóm 3",
    householdSize: 4, houseCondition: DILAPIDATED) { id }
}`;
const FIELDS = `id status type program householdId householdName unitId appliedOn amount approvedTotal firstTrancheLimit approvedOn decisionNumber
  constructionStartedOn handoverNumber handoverDate closedOn rejectionReason paidAmount pendingAmount dueAmount payableNow fundLinesTotal
  fundingLines { source fundId amount note paidAmount }
  permissions { verify approve start complete close reject }`;
const APPLY = `mutation($householdId: ID!, $type: HousingGrantType!, $program: HousingProgram!, $appliedOn: LocalDate!) {
  applyHousingGrant(householdId: $householdId, type: $type, program: $program, appliedOn: $appliedOn, description: "Nhà cấp 4 xuống cấp, mái dột") { ${FIELDS} }
}`;
const STEP = (name: string) => `mutation($id: ID!, $occurredOn: LocalDate!, $document: String, $note: String) {
  ${name}(id: $id, occurredOn: $occurredOn, document: $document, note: $note) { ${FIELDS} }
}`;
const VERIFY = STEP('verifyHousingGrant');
const START = STEP('startHousingGrant');
const COMPLETE = STEP('completeHousingGrant');
const CLOSE = STEP('closeHousingGrant');
const APPROVE = `mutation($id: ID!, $approvedOn: LocalDate!, $decisionNumber: String!, $lines: [FundingLineInput!]!) {
  approveHousingGrant(id: $id, approvedOn: $approvedOn, decisionNumber: $decisionNumber, fundingLines: $lines) { ${FIELDS} }
}`;
const REJECT = `mutation($id: ID!, $reason: String!, $occurredOn: LocalDate) { rejectHousingGrant(id: $id, reason: $reason, occurredOn: $occurredOn) { ${FIELDS} } }`;
const GRANT = `query($id: ID!) { HousingGrant(id: $id) { ${FIELDS} events { action fromStatus toStatus occurredOn document actorName } } }`;
const LIST = 'query($f: HousingGrantFilter) { allHousingGrants(filter: $f) { id unitId } _allHousingGrantsMeta(filter: $f) { count } }';

const DRAFT = `mutation($fundId: ID!, $amount: SafeInt!, $category: DisbursementCategory!, $projectType: ProjectType, $projectId: ID, $idempotencyKey: String!) {
  createDisbursement(fundId: $fundId, amount: $amount, category: $category, payeeName: "Hộ ông Vũ Văn Thương", purpose: "Hỗ trợ xây nhà, đợt cấp kinh phí",
    projectType: $projectType, projectId: $projectId, idempotencyKey: $idempotencyKey) { id status }
}`;
const D_STEP = (name: string, extra = '') => `mutation($id: ID!${extra ? `, ${extra}` : ''}) { ${name}(id: $id${extra ? `, ${extra.split(':')[0]!.slice(1)}: ${extra.split(':')[0]}` : ''}) { id status } }`;
const D_SUBMIT = D_STEP('submitDisbursement');
const D_APPROVE = D_STEP('approveDisbursement');
const D_PAY = D_STEP('payDisbursement', '$paidOn: LocalDate!');
const D_CANCEL = D_STEP('cancelDisbursement', '$reason: String!');
const DONATE = 'mutation($f: ID!, $a: SafeInt!, $k: String!, $d: LocalDate!) { createDonation(fundId: $f, donorName: "Nhà hảo tâm", amount: $a, receivedOn: $d, method: CASH, idempotencyKey: $k) { id } }';
const FUND = 'query($id: ID!) { Fund(id: $id) { balance freeBalance } }';

let server: TestServer;
let officer: string;
let manager: string;
let units: Record<string, string>;
let communeFund: string;
let otherCommuneFund: string;
let provinceFund: string;
let childFund: string;
let seq = 0;
const today = todayVn();
const tomorrow = addDays(today, 1);

beforeAll(async () => {
  server = await startTestServer();
  const found = await server.orm.em.fork().find(AdministrativeUnit, { code: { $in: ['13741', '13633', '359', '36'] } });
  units = Object.fromEntries(found.map((u) => [u.code, String(u.id)]));
  communeFund = String((await fundOf(server.orm.em, '13741')).id);
  otherCommuneFund = String((await fundOf(server.orm.em, '13633')).id);
  provinceFund = String((await fundOf(server.orm.em, '36')).id);
  childFund = String((await fundOf(server.orm.em, '36', 'CHILD_PROTECTION' as never)).id);
});
afterAll(() => server.close());
beforeEach(async () => {
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  [officer, manager] = await Promise.all(['canbo@soquy.example', 'ketoan@soquy.example'].map((e) => signIn(server.graphqlUrl, e)));
});

const conn = () => server.orm.em.getConnection();
const count = async (table: string) => Number((await conn().execute(`select count(*) as n from ${table}`))[0].n);

/** A household of a commune (13741 unless told), registered by the officer. */
async function household(unitCode = '13741'): Promise<string> {
  seq += 1;
  const res = ok(await gql(server.graphqlUrl, HOUSEHOLD, { personName: `Vũ Văn Thương ${seq}`, nationalId: `036052${String(100000 + seq)}`, unitId: units[unitCode] }, officer));
  return res.data!.createBeneficiaryHousehold.id;
}
const apply = (householdId: string, vars: Record<string, unknown> = {}, token = officer) =>
  gql(server.graphqlUrl, APPLY, { householdId, type: 'NEW_BUILD', program: 'DECISION_22_2013', appliedOn: '2024-03-01', ...vars }, token);
const step = (mutation: string, id: string, occurredOn: string, document?: string, token = officer) => gql(server.graphqlUrl, mutation, { id, occurredOn, document }, token);
const approve = (id: string, approvedOn: string, lines: Record<string, unknown>[], token = officer) =>
  gql(server.graphqlUrl, APPROVE, { id, approvedOn, decisionNumber: 'QĐ 215/QĐ-UBND', lines }, token);
const reject = (id: string, reason = 'Hộ không đủ điều kiện theo biên bản xác minh', occurredOn?: string, token = officer) => gql(server.graphqlUrl, REJECT, { id, reason, occurredOn }, token);
const grant = async (id: string, token = officer) => ok(await gql(server.graphqlUrl, GRANT, { id }, token)).data!.HousingGrant;

/** Applies (2024-03-01) and verifies (2024-03-15) a grant; returns its id. */
async function verified(vars: Record<string, unknown> = {}, unitCode = '13741'): Promise<string> {
  const id = ok(await apply(await household(unitCode), vars)).data!.applyHousingGrant.id;
  ok(await step(VERIFY, id, '2024-03-15', 'XN 12/UBND-TT'));
  return id;
}
/** A grant approved on 2024-04-01 with a 40,000,000 FUND line from the commune's Gratitude Fund. */
async function approvedWithFund(amount = 40_000_000): Promise<string> {
  const id = await verified();
  ok(await approve(id, '2024-04-01', [{ source: 'FUND', fundId: communeFund, amount }]));
  return id;
}

const donate = (fundId: string, amount: number) => gql(server.graphqlUrl, DONATE, { f: fundId, a: amount, k: randomUUID(), d: today }, manager).then(ok);
const draft = (projectId: string, amount: number, vars: Record<string, unknown> = {}, token = officer) =>
  gql(server.graphqlUrl, DRAFT, { fundId: communeFund, amount, category: 'HOUSING_NEW', projectType: 'HOUSING_GRANT', projectId, idempotencyKey: randomUUID(), ...vars }, token);
/** The tranche through four eyes: the officer drafts and submits, the FUND_MANAGER approves and pays. */
async function payTranche(projectId: string, amount: number): Promise<string> {
  const id = ok(await draft(projectId, amount)).data!.createDisbursement.id;
  ok(await gql(server.graphqlUrl, D_SUBMIT, { id }, officer));
  expect(errorCode(await gql(server.graphqlUrl, D_APPROVE, { id }, officer))).toBe('FORBIDDEN');
  expect(ok(await gql(server.graphqlUrl, D_APPROVE, { id }, manager)).data!.approveDisbursement.status).toBe('APPROVED');
  expect(ok(await gql(server.graphqlUrl, D_PAY, { id, paidOn: today }, manager)).data!.payDisbursement.status).toBe('PAID');
  return id;
}
const fundBalance = async (id: string) => ok(await gql(server.graphqlUrl, FUND, { id }, manager)).data!.Fund.balance as number;

const NONE = { verify: false, approve: false, start: false, complete: false, close: false, reject: false };

describe('the housing grant lifecycle (hỗ trợ nhà ở)', () => {
  it('goes APPLIED → VERIFIED → APPROVED → UNDER_CONSTRUCTION → COMPLETED → CLOSED, paying the fund line in tranches under the 60% rule', async () => {
    await donate(communeFund, 100_000_000);
    const householdId = await household();
    const applied = ok(await apply(householdId)).data!.applyHousingGrant;
    expect(applied).toMatchObject({ status: 'APPLIED', type: 'NEW_BUILD', program: 'DECISION_22_2013', householdId, unitId: units['13741'], appliedOn: '2024-03-01', amount: null });
    expect(applied.householdName).toMatch(/^Vũ Văn Thương/);
    expect(applied.permissions).toEqual({ ...NONE, verify: true, reject: true });
    const id = applied.id as string;
    expect((await grant(id, manager)).permissions).toEqual(NONE);

    // Not payable before approval.
    const early = await draft(id, 1_000_000);
    expect(errorCode(early)).toBe('INVALID_TRANSITION');
    expect(early.errors![0]!.extensions!.rule).toBe('PROJECT_NOT_PAYABLE');

    const verifiedGrant = ok(await step(VERIFY, id, '2024-03-15', 'XN 12/UBND-TT')).data!.verifyHousingGrant;
    expect(verifiedGrant).toMatchObject({ status: 'VERIFIED', permissions: { ...NONE, approve: true, reject: true } });
    const notYet = await draft(id, 1_000_000);
    expect(errorCode(notYet)).toBe('INVALID_TRANSITION');
    expect(notYet.errors![0]!.extensions).toMatchObject({ rule: 'PROJECT_NOT_PAYABLE', status: 'VERIFIED' });

    const lines = [
      { source: 'FUND', fundId: communeFund, amount: 40_000_000 },
      { source: 'FAMILY', amount: 15_000_000, note: 'Gia đình đóng góp' },
    ];
    const approvedGrant = ok(await approve(id, '2024-04-01', lines)).data!.approveHousingGrant;
    expect(approvedGrant).toMatchObject({
      status: 'APPROVED',
      amount: 40_000_000,
      approvedTotal: 55_000_000,
      firstTrancheLimit: 24_000_000,
      approvedOn: '2024-04-01',
      decisionNumber: 'QĐ 215/QĐ-UBND',
      fundLinesTotal: 40_000_000,
      paidAmount: 0,
      pendingAmount: 0,
      dueAmount: 40_000_000,
      payableNow: 24_000_000,
      permissions: { ...NONE, start: true, reject: true },
    });
    expect(approvedGrant.fundingLines).toEqual([
      { source: 'FUND', fundId: communeFund, amount: 40_000_000, note: null, paidAmount: 0 },
      { source: 'FAMILY', fundId: null, amount: 15_000_000, note: 'Gia đình đóng góp', paidAmount: 0 },
    ]);

    // A tranche is HOUSING_NEW for a NEW_BUILD grant, from a fund among its FUND lines.
    const wrongCategory = await draft(id, 1_000_000, { category: 'HOUSING_REPAIR' });
    expect(errorCode(wrongCategory)).toBe('BAD_USER_INPUT');
    expect(wrongCategory.errors![0]!.extensions!.field).toBe('category');
    const wrongFund = await draft(id, 1_000_000, { fundId: provinceFund });
    expect(errorCode(wrongFund)).toBe('BAD_USER_INPUT');
    expect(wrongFund.errors![0]!.extensions!.field).toBe('fundId');
    expect(errorCode(await draft(id, 1_000_000, { projectId: String(Number(id) + 1000) }))).toBe('BAD_USER_INPUT');
    expect(await count('disbursement')).toBe(0);

    // The first tranche: at most 60% of the fund line before completion.
    const first = ok(await draft(id, 24_000_000)).data!.createDisbursement;
    expect(first.status).toBe('DRAFT');
    expect(await grant(id)).toMatchObject({ pendingAmount: 24_000_000, payableNow: 0, paidAmount: 0, dueAmount: 40_000_000 });
    const oneMore = await draft(id, 1);
    expect(errorCode(oneMore)).toBe('POLICY_LIMIT');
    expect(oneMore.errors![0]!.extensions).toMatchObject({ rule: 'HOUSING_FIRST_TRANCHE', limit: 24_000_000, held: 24_000_000 });
    expect(oneMore.errors![0]!.extensions!.basis).toMatch(/22\/2013/);

    // A tranche committed: the grant can no longer be rejected.
    const refused = await reject(id);
    expect(errorCode(refused)).toBe('INVALID_TRANSITION');
    expect(refused.errors![0]!.extensions!.rule).toBe('TRANCHES_COMMITTED');

    // Four eyes: the officer submits, cannot approve; the fund manager approves and pays.
    ok(await gql(server.graphqlUrl, D_SUBMIT, { id: first.id }, officer));
    expect(errorCode(await gql(server.graphqlUrl, D_APPROVE, { id: first.id }, officer))).toBe('FORBIDDEN');
    ok(await gql(server.graphqlUrl, D_APPROVE, { id: first.id }, manager));
    ok(await gql(server.graphqlUrl, D_PAY, { id: first.id, paidOn: today }, manager));
    expect(await fundBalance(communeFund)).toBe(76_000_000);
    const ledger = ok(await gql(server.graphqlUrl, 'query($f: ID!) { allLedgerLines(filter: { fundId: $f }) { kind cashChange sourceType sourceId } }', { f: communeFund }, manager));
    expect(ledger.data!.allLedgerLines).toEqual([
      { kind: 'DISBURSEMENT', cashChange: -24_000_000, sourceType: 'disbursement', sourceId: first.id },
      expect.objectContaining({ kind: 'DONATION', cashChange: 100_000_000 }),
    ]);
    const afterFirst = await grant(id);
    expect(afterFirst).toMatchObject({ paidAmount: 24_000_000, pendingAmount: 0, dueAmount: 16_000_000, payableNow: 0 });
    expect(afterFirst.fundingLines.map((l: { paidAmount: number }) => l.paidAmount)).toEqual([24_000_000, 0]);

    const started = ok(await step(START, id, '2024-05-01')).data!.startHousingGrant;
    expect(started).toMatchObject({ status: 'UNDER_CONSTRUCTION', constructionStartedOn: '2024-05-01', permissions: { ...NONE, complete: true } });
    expect(errorCode(await draft(id, 1))).toBe('POLICY_LIMIT');

    // Completion needs the handover minutes.
    const noMinutes = await step(COMPLETE, id, '2024-09-01');
    expect(errorCode(noMinutes)).toBe('BAD_USER_INPUT');
    expect(noMinutes.errors![0]!.extensions!.field).toBe('document');
    expect((await grant(id)).status).toBe('UNDER_CONSTRUCTION');
    const completed = ok(await step(COMPLETE, id, '2024-09-01', 'BB nghiệm thu 07/2024')).data!.completeHousingGrant;
    expect(completed).toMatchObject({ status: 'COMPLETED', handoverNumber: 'BB nghiệm thu 07/2024', handoverDate: '2024-09-01', payableNow: 16_000_000, dueAmount: 16_000_000 });
    expect(completed.permissions).toEqual({ ...NONE, close: true });

    // Not closed while the fund line is not paid in full.
    const early1 = await step(CLOSE, id, today);
    expect(errorCode(early1)).toBe('INVALID_TRANSITION');
    expect(early1.errors![0]!.extensions).toMatchObject({ rule: 'TRANCHES_OUTSTANDING', due: 16_000_000 });

    // After completion: the rest of the line, not one đồng more.
    const over = await draft(id, 16_000_001);
    expect(errorCode(over)).toBe('POLICY_LIMIT');
    expect(over.errors![0]!.extensions).toMatchObject({ rule: 'FUNDING_LINE', limit: 40_000_000, held: 24_000_000 });
    const rest = ok(await draft(id, 16_000_000)).data!.createDisbursement.id;
    expect(await grant(id)).toMatchObject({ pendingAmount: 16_000_000, payableNow: 0 });
    const pendingClose = await step(CLOSE, id, today);
    expect(errorCode(pendingClose)).toBe('INVALID_TRANSITION');
    expect(pendingClose.errors![0]!.extensions).toMatchObject({ rule: 'TRANCHES_OUTSTANDING', pending: 16_000_000 });
    ok(await gql(server.graphqlUrl, D_SUBMIT, { id: rest }, officer));
    ok(await gql(server.graphqlUrl, D_APPROVE, { id: rest }, manager));
    ok(await gql(server.graphqlUrl, D_PAY, { id: rest, paidOn: today }, manager));
    expect(await fundBalance(communeFund)).toBe(60_000_000);
    const overLine = await draft(id, 1);
    expect(errorCode(overLine)).toBe('POLICY_LIMIT');
    expect(overLine.errors![0]!.extensions!.rule).toBe('FUNDING_LINE');
    expect(await grant(id)).toMatchObject({ paidAmount: 40_000_000, pendingAmount: 0, dueAmount: 0, payableNow: 0 });

    const closed = ok(await step(CLOSE, id, today, 'QĐ quyết toán 03')).data!.closeHousingGrant;
    expect(closed).toMatchObject({ status: 'CLOSED', closedOn: today, paidAmount: 40_000_000, dueAmount: 0, payableNow: 0, permissions: NONE });
    const afterClose = await draft(id, 1);
    expect(errorCode(afterClose)).toBe('INVALID_TRANSITION');
    expect(afterClose.errors![0]!.extensions!.rule).toBe('PROJECT_NOT_PAYABLE');

    // The timeline: every step, by whom, when, with its document.
    const { events } = await grant(id);
    expect(events).toEqual([
      { action: 'apply', fromStatus: null, toStatus: 'APPLIED', occurredOn: '2024-03-01', document: null, actorName: 'Phạm Thị Cán' },
      { action: 'verify', fromStatus: 'APPLIED', toStatus: 'VERIFIED', occurredOn: '2024-03-15', document: 'XN 12/UBND-TT', actorName: 'Phạm Thị Cán' },
      { action: 'approve', fromStatus: 'VERIFIED', toStatus: 'APPROVED', occurredOn: '2024-04-01', document: 'QĐ 215/QĐ-UBND', actorName: 'Phạm Thị Cán' },
      { action: 'start', fromStatus: 'APPROVED', toStatus: 'UNDER_CONSTRUCTION', occurredOn: '2024-05-01', document: null, actorName: 'Phạm Thị Cán' },
      { action: 'complete', fromStatus: 'UNDER_CONSTRUCTION', toStatus: 'COMPLETED', occurredOn: '2024-09-01', document: 'BB nghiệm thu 07/2024', actorName: 'Phạm Thị Cán' },
      { action: 'close', fromStatus: 'COMPLETED', toStatus: 'CLOSED', occurredOn: today, document: 'QĐ quyết toán 03', actorName: 'Phạm Thị Cán' },
    ]);
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    const verify = ok(await gql(server.graphqlUrl, 'query($id: ID!) { verifyLedger(fundId: $id) { ok transactionsChecked } }', { id: communeFund }, inspector));
    expect(verify.data!.verifyLedger).toEqual({ ok: true, transactionsChecked: 3 });
  });

  it('sets the support from the rate in force on the approval date, and the first-tranche limit from the fund lines', async () => {
    const build2024 = await verified();
    expect(ok(await approve(build2024, '2024-12-31', [{ source: 'CENTRAL_BUDGET', amount: 40_000_000 }])).data!.approveHousingGrant).toMatchObject({ amount: 40_000_000, firstTrancheLimit: 0 });
    const repair2024 = await verified({ type: 'REPAIR' });
    expect(ok(await approve(repair2024, '2024-06-01', [{ source: 'LOCAL_BUDGET', amount: 20_000_000 }])).data!.approveHousingGrant.amount).toBe(20_000_000);
    const build2025 = await verified({ program: 'GRATITUDE_HOUSE' });
    const res = ok(await approve(build2025, '2025-01-01', [{ source: 'CENTRAL_BUDGET', amount: 50_000_000 }, { source: 'FUND', fundId: provinceFund, amount: 10_000_000 }]));
    expect(res.data!.approveHousingGrant).toMatchObject({ amount: 60_000_000, approvedTotal: 60_000_000, firstTrancheLimit: 6_000_000, fundLinesTotal: 10_000_000, payableNow: 6_000_000 });
    const [row] = await conn().execute('select r.effective_from::text as f from housing_grant g join policy_rate r on r.id = g.rate_id where g.id = ?', [build2025]);
    expect(row.f).toBe('2025-01-01');
  });

  it('keeps the public funding lines (budgets and funds) within the rate: POLICY_LIMIT naming Decision 22/2013, nothing written', async () => {
    const id = await verified();
    const over = await approve(id, '2024-04-01', [
      { source: 'CENTRAL_BUDGET', amount: 20_000_000 },
      { source: 'LOCAL_BUDGET', amount: 15_000_000 },
      { source: 'FUND', fundId: communeFund, amount: 5_000_001 },
    ]);
    expect(errorCode(over)).toBe('POLICY_LIMIT');
    expect(over.errors![0]!.extensions).toMatchObject({ rule: 'HOUSING_NEW', limit: 40_000_000 });
    expect(over.errors![0]!.extensions!.basis).toMatch(/22\/2013/);
    expect(await grant(id)).toMatchObject({ status: 'VERIFIED', amount: null, fundingLines: [] });
    expect(await count('funding_line')).toBe(0);
    expect((await grant(id)).events).toHaveLength(2);

    const repair = await verified({ type: 'REPAIR' });
    const repairOver = await approve(repair, '2024-04-01', [{ source: 'CENTRAL_BUDGET', amount: 20_000_001 }]);
    expect(errorCode(repairOver)).toBe('POLICY_LIMIT');
    expect(repairOver.errors![0]!.extensions).toMatchObject({ rule: 'HOUSING_REPAIR', limit: 20_000_000 });

    // Sponsors and the family are not public money: the approved total may exceed the rate.
    const within = ok(
      await approve(id, '2024-04-01', [
        { source: 'CENTRAL_BUDGET', amount: 20_000_000 },
        { source: 'LOCAL_BUDGET', amount: 15_000_000 },
        { source: 'FUND', fundId: communeFund, amount: 5_000_000 },
        { source: 'SPONSOR', amount: 30_000_000, note: 'Công ty Xây dựng Thành Nam' },
        { source: 'FAMILY', amount: 10_000_000 },
      ]),
    );
    expect(within.data!.approveHousingGrant).toMatchObject({ status: 'APPROVED', amount: 40_000_000, approvedTotal: 80_000_000, fundLinesTotal: 5_000_000, firstTrancheLimit: 3_000_000 });
  });

  it.each([
    ['a FUND line from a fund that is not a Gratitude Fund', () => [{ source: 'FUND', fundId: childFund, amount: 10_000_000 }], /not a Gratitude Fund/],
    ['a FUND line from the fund of another commune', () => [{ source: 'FUND', fundId: otherCommuneFund, amount: 10_000_000 }], /not held by/],
    ['a FUND line without its fund', () => [{ source: 'FUND', amount: 10_000_000 }], /give fundId/],
    ['a fund twice', () => [{ source: 'FUND', fundId: communeFund, amount: 10_000_000 }, { source: 'FUND', fundId: communeFund, amount: 5_000_000 }], /twice/],
    ['a budget line naming a fund', () => [{ source: 'CENTRAL_BUDGET', fundId: communeFund, amount: 10_000_000 }], /only a FUND line/],
    ['no funding line', () => [], /at least one/],
    ['a line of zero đồng', () => [{ source: 'CENTRAL_BUDGET', amount: 0 }], /./],
  ])('refuses %s: BAD_USER_INPUT, nothing written', async (_what, lines, message) => {
    const id = await verified();
    const res = await approve(id, '2024-04-01', lines());
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(message);
    expect((await grant(id)).status).toBe('VERIFIED');
    expect(await count('funding_line')).toBe(0);
  });

  it('accepts a FUND line from the Gratitude Fund of the district or the province above the commune', async () => {
    const district = String((await fundOf(server.orm.em, '359')).id);
    const id = await verified();
    const res = ok(await approve(id, '2024-04-01', [{ source: 'FUND', fundId: district, amount: 20_000_000 }, { source: 'FUND', fundId: provinceFund, amount: 20_000_000 }]));
    expect(res.data!.approveHousingGrant).toMatchObject({ status: 'APPROVED', fundLinesTotal: 40_000_000, firstTrancheLimit: 24_000_000 });
  });
});

describe('refusals of the housing workflow', () => {
  type Act = (id: string) => Promise<GraphQLResponse>;
  const acts: Record<string, Act> = {
    verify: (id) => step(VERIFY, id, today, 'XN'),
    approve: (id) => approve(id, today, [{ source: 'CENTRAL_BUDGET', amount: 10_000_000 }]),
    start: (id) => step(START, id, today),
    complete: (id) => step(COMPLETE, id, today, 'BB bàn giao'),
    close: (id) => step(CLOSE, id, today),
    reject: (id) => reject(id, 'Không đủ điều kiện', today),
  };
  const expectRefused = async (id: string, status: string, actions: string[]) => {
    for (const action of actions) {
      const res = await acts[action]!(id);
      expect([action, errorCode(res)]).toEqual([action, 'INVALID_TRANSITION']);
      expect(res.errors![0]!.extensions).toMatchObject({ status, action });
    }
    expect((await grant(id)).status).toBe(status);
  };

  it('answers INVALID_TRANSITION to every step from a wrong status', async () => {
    const id = ok(await apply(await household(), { appliedOn: today })).data!.applyHousingGrant.id;
    await expectRefused(id, 'APPLIED', ['approve', 'start', 'complete', 'close']);
    ok(await acts.verify!(id));
    await expectRefused(id, 'VERIFIED', ['verify', 'start', 'complete', 'close']);
    ok(await acts.approve!(id));
    await expectRefused(id, 'APPROVED', ['verify', 'approve', 'complete', 'close']);
    ok(await acts.start!(id));
    await expectRefused(id, 'UNDER_CONSTRUCTION', ['verify', 'approve', 'start', 'close', 'reject']);
    ok(await acts.complete!(id));
    await expectRefused(id, 'COMPLETED', ['verify', 'approve', 'start', 'complete', 'reject']);
    // No FUND line: nothing to pay, the grant closes.
    ok(await acts.close!(id));
    await expectRefused(id, 'CLOSED', Object.keys(acts));
    const rejected = ok(await apply(await household(), { appliedOn: today })).data!.applyHousingGrant.id;
    ok(await acts.reject!(rejected));
    await expectRefused(rejected, 'REJECTED', Object.keys(acts));
    expect((await grant(id)).events.map((e: { action: string }) => e.action)).toEqual(['apply', 'verify', 'approve', 'start', 'complete', 'close']);
  });

  it('rejects with a reason from APPLIED, VERIFIED or APPROVED', async () => {
    const applied = ok(await apply(await household())).data!.applyHousingGrant.id;
    const verifiedId = await verified();
    const approvedId = await approvedWithFund();
    expect(errorCode(await reject(applied, 'no'))).toBe('BAD_USER_INPUT');
    for (const id of [applied, verifiedId, approvedId]) {
      const res = ok(await reject(id, 'Hộ đã được hỗ trợ từ nguồn khác', '2024-05-02'));
      expect(res.data!.rejectHousingGrant).toMatchObject({ status: 'REJECTED', rejectionReason: 'Hộ đã được hỗ trợ từ nguồn khác', permissions: NONE, payableNow: 0 });
      expect((await grant(id)).events.at(-1)).toMatchObject({ action: 'reject', toStatus: 'REJECTED', occurredOn: '2024-05-02', actorName: 'Phạm Thị Cán' });
    }
    // A rejected grant is paid nothing.
    const res = await draft(approvedId, 1_000_000);
    expect(errorCode(res)).toBe('INVALID_TRANSITION');
    expect(res.errors![0]!.extensions!.rule).toBe('PROJECT_NOT_PAYABLE');
  });

  it('refuses a reject once a tranche is committed, and allows it again when the tranche is cancelled', async () => {
    const id = await approvedWithFund();
    const tranche = ok(await draft(id, 10_000_000)).data!.createDisbursement.id;
    const res = await reject(id);
    expect(errorCode(res)).toBe('INVALID_TRANSITION');
    expect(res.errors![0]!.extensions!.rule).toBe('TRANCHES_COMMITTED');
    expect((await grant(id)).status).toBe('APPROVED');
    ok(await gql(server.graphqlUrl, D_CANCEL, { id: tranche, reason: 'Lập nhầm phiếu chi' }, officer));
    expect(ok(await reject(id)).data!.rejectHousingGrant.status).toBe('REJECTED');
  });

  it.each(['ketoan@soquy.example', 'thanhtra@soquy.example', 'admin@soquy.example', 'xa13741@soquy.example'])('refuses every step to %s (no HousingWrite): FORBIDDEN', async (email) => {
    const token = await signIn(server.graphqlUrl, email);
    const householdId = await household();
    expect(errorCode(await apply(householdId, {}, token))).toBe('FORBIDDEN');
    const id = ok(await apply(householdId)).data!.applyHousingGrant.id;
    expect((await grant(id, token)).permissions).toEqual(NONE);
    expect(errorCode(await step(VERIFY, id, '2024-03-15', 'XN', token))).toBe('FORBIDDEN');
    expect(errorCode(await reject(id, 'Không đủ điều kiện', undefined, token))).toBe('FORBIDDEN');
    ok(await step(VERIFY, id, '2024-03-15', 'XN'));
    expect(errorCode(await approve(id, '2024-04-01', [{ source: 'CENTRAL_BUDGET', amount: 1_000_000 }], token))).toBe('FORBIDDEN');
    expect(await grant(id)).toMatchObject({ status: 'VERIFIED', events: [expect.objectContaining({ action: 'apply' }), expect.objectContaining({ action: 'verify' })] });
    expect(await count('housing_grant')).toBe(1);
  });

  it('refuses a step dated before the previous step or in the future: BAD_USER_INPUT', async () => {
    const householdId = await household();
    const future = await apply(householdId, { appliedOn: tomorrow });
    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    expect(future.errors![0]!.extensions!.field).toBe('appliedOn');
    expect(await count('housing_grant')).toBe(0);
    const id = ok(await apply(householdId)).data!.applyHousingGrant.id;
    const before = await step(VERIFY, id, '2024-02-29', 'XN');
    expect(errorCode(before)).toBe('BAD_USER_INPUT');
    expect(before.errors![0]!.message).toMatch(/before the grant's previous step/);
    expect(errorCode(await step(VERIFY, id, tomorrow, 'XN'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await step(VERIFY, id, '2024-02-30', 'XN'))).toBe('BAD_USER_INPUT');
    ok(await step(VERIFY, id, '2024-03-01', 'XN'));
    const approveBefore = await approve(id, '2024-02-01', [{ source: 'CENTRAL_BUDGET', amount: 10_000_000 }]);
    expect(errorCode(approveBefore)).toBe('BAD_USER_INPUT');
    expect(approveBefore.errors![0]!.extensions!.field).toBe('approvedOn');
    expect(errorCode(await approve(id, tomorrow, [{ source: 'CENTRAL_BUDGET', amount: 10_000_000 }]))).toBe('BAD_USER_INPUT');
    expect(errorCode(await reject(id, 'Không đủ điều kiện', '2024-02-15'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await reject(id, 'Không đủ điều kiện', tomorrow))).toBe('BAD_USER_INPUT');
    ok(await approve(id, '2024-03-01', [{ source: 'CENTRAL_BUDGET', amount: 10_000_000 }]));
    expect(errorCode(await step(START, id, '2024-02-28'))).toBe('BAD_USER_INPUT');
    ok(await step(START, id, '2024-06-01'));
    expect(errorCode(await step(COMPLETE, id, '2024-05-31', 'BB'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await step(COMPLETE, id, tomorrow, 'BB'))).toBe('BAD_USER_INPUT');
    const g = await grant(id);
    expect(g.status).toBe('UNDER_CONSTRUCTION');
    expect(g.events.map((e: { occurredOn: string }) => e.occurredOn)).toEqual(['2024-03-01', '2024-03-01', '2024-03-01', '2024-06-01']);
  });
});

describe('one grant per household, type and program', () => {
  it('refuses the same household, type and program twice, naming the first; allows it again after a rejection', async () => {
    const householdId = await household();
    const first = ok(await apply(householdId)).data!.applyHousingGrant.id;
    const again = await apply(householdId, { appliedOn: '2024-05-01' });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0]!.extensions).toMatchObject({ existingId: first, rule: 'ONE_GRANT_PER_PROGRAM' });
    expect(await count('housing_grant')).toBe(1);
    // Another type under the same program is another grant.
    ok(await apply(householdId, { type: 'REPAIR' }));
    ok(await reject(first));
    const after = ok(await apply(householdId, { appliedOn: '2024-06-01' })).data!.applyHousingGrant;
    expect(after).toMatchObject({ status: 'APPLIED', type: 'NEW_BUILD', program: 'DECISION_22_2013' });
    expect(after.id).not.toBe(first);
    const third = await apply(householdId, { appliedOn: '2024-06-02' });
    expect(errorCode(third)).toBe('CONFLICT');
    expect(third.errors![0]!.extensions!.existingId).toBe(after.id);
  });

  it('refuses a Decree 131/2021 grant to a household already helped under Decision 22/2013', async () => {
    const householdId = await household();
    const under22 = ok(await apply(householdId, { type: 'REPAIR' })).data!.applyHousingGrant.id;
    const res = await apply(householdId, { program: 'DECREE_131_2021', appliedOn: '2025-03-01' });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.extensions).toMatchObject({ existingId: under22, rule: 'DECISION_22_ALREADY_HELPED' });
    expect(res.errors![0]!.message).toMatch(/Decision 22\/2013/);
    // Another household is not concerned.
    ok(await apply(await household(), { program: 'DECREE_131_2021', appliedOn: '2025-03-01' }));
    expect(await count('housing_grant')).toBe(2);
  });
});

describe('scope and guards', () => {
  it('shows a commune user the grants of their commune only', async () => {
    const own = await verified();
    const other = await verified({}, '13633');
    const communeUser = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    const seen = ok(await gql(server.graphqlUrl, LIST, {}, communeUser));
    expect(seen.data!.allHousingGrants).toEqual([{ id: own, unitId: units['13741'] }]);
    expect(seen.data!._allHousingGrantsMeta.count).toBe(1);
    expect((await grant(own, communeUser)).status).toBe('VERIFIED');
    const hidden = await gql(server.graphqlUrl, GRANT, { id: other }, communeUser);
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    expect(hidden.errors![0]!.message).not.toMatch(/Hạ Long/);
    const province = ok(await gql(server.graphqlUrl, LIST, {}, officer));
    expect(province.data!._allHousingGrantsMeta.count).toBe(2);
    const byUnit = ok(await gql(server.graphqlUrl, LIST, { f: { unitId: units['359'] } }, officer));
    expect(byUnit.data!.allHousingGrants.map((g: { id: string }) => g.id)).toEqual([own]);
    expect(ok(await gql(server.graphqlUrl, 'query { housingReport(groupBy: []) { count } }', {}, communeUser)).data!.housingReport).toEqual([{ count: 1 }]);
  });

  it('refuses in the database deleting a grant and changing its funding lines, its timeline or its approved amount', async () => {
    const id = await approvedWithFund();
    await expect(conn().execute('delete from housing_grant where id = ?', [id])).rejects.toThrow(/cannot be deleted/);
    await expect(conn().execute('update housing_grant set amount = 60000000 where id = ?', [id])).rejects.toThrow(/keeps its household/);
    await expect(conn().execute('update funding_line set amount = 50000000 where project_id = ?', [id])).rejects.toThrow(/append-only/);
    await expect(conn().execute('delete from funding_line where project_id = ?', [id])).rejects.toThrow(/append-only/);
    await expect(conn().execute("update project_event set occurred_on = '2024-01-01' where project_id = ?", [id])).rejects.toThrow(/append-only/);
    await expect(conn().execute('delete from project_event where project_id = ?', [id])).rejects.toThrow(/append-only/);
    const g = await grant(id);
    expect(g).toMatchObject({ amount: 40_000_000, fundingLines: [expect.objectContaining({ amount: 40_000_000 })] });
    expect(g.events).toHaveLength(3);
  });
});

describe('the housing report', () => {
  /** Five grants: three NEW_BUILD (APPLIED, VERIFIED in 13633, APPROVED with 10,000,000 paid), two REPAIR APPROVED. */
  async function fiveGrants(): Promise<void> {
    await donate(communeFund, 50_000_000);
    ok(await apply(await household()));
    await verified({}, '13633');
    const paid = await approvedWithFund();
    await payTranche(paid, 10_000_000);
    const repairA = await verified({ type: 'REPAIR' });
    ok(await approve(repairA, '2024-04-01', [{ source: 'CENTRAL_BUDGET', amount: 20_000_000 }, { source: 'FAMILY', amount: 5_000_000 }]));
    const repairB = await verified({ type: 'REPAIR' });
    ok(await approve(repairB, '2024-04-02', [{ source: 'LOCAL_BUDGET', amount: 20_000_000 }]));
  }
  const REPORT = 'query($g: [HousingReportDimension!]!, $f: HousingGrantFilter) { housingReport(groupBy: $g, filter: $f) { type status program communeName year count amount approvedTotal paidAmount } }';
  const report = async (groupBy: string[], filter?: object, token = officer) => ok(await gql(server.graphqlUrl, REPORT, { g: groupBy, f: filter }, token)).data!.housingReport;
  const row = (vars: Record<string, unknown>) => ({ type: null, status: null, program: null, communeName: null, year: null, paidAmount: 0, ...vars });

  it('counts and sums the grants by type and status, and in one total row', async () => {
    await fiveGrants();
    expect(await report(['TYPE', 'STATUS'])).toEqual([
      row({ type: 'NEW_BUILD', status: 'APPLIED', count: 1, amount: 0, approvedTotal: 0 }),
      row({ type: 'NEW_BUILD', status: 'VERIFIED', count: 1, amount: 0, approvedTotal: 0 }),
      row({ type: 'NEW_BUILD', status: 'APPROVED', count: 1, amount: 40_000_000, approvedTotal: 40_000_000, paidAmount: 10_000_000 }),
      row({ type: 'REPAIR', status: 'APPROVED', count: 2, amount: 40_000_000, approvedTotal: 45_000_000 }),
    ]);
    expect(await report([])).toEqual([row({ count: 5, amount: 80_000_000, approvedTotal: 85_000_000, paidAmount: 10_000_000 })]);
    expect(await report(['YEAR'], { status: ['APPROVED'] })).toEqual([row({ year: 2024, count: 3, amount: 80_000_000, approvedTotal: 85_000_000, paidAmount: 10_000_000 })]);
    const communes = await report(['COMMUNE']);
    expect(communes.map((r: { communeName: string; count: number }) => [r.communeName, r.count])).toEqual(
      expect.arrayContaining([
        ['Thị trấn Gôi', 4],
        ['Phường Hạ Long', 1],
      ]),
    );
    expect(communes).toHaveLength(2);
    expect(errorCode(await gql(server.graphqlUrl, REPORT, { g: ['TYPE', 'TYPE'] }, officer))).toBe('BAD_USER_INPUT');
  });

  it('exports the report as CSV and XLSX with Vietnamese headers', async () => {
    await fiveGrants();
    const auth = { headers: { authorization: `Bearer ${officer}` } };
    const url = (format: string, query: string) => `${server.url}/export/housing-report.${format}?${query}`;
    const csv = await fetch(url('csv', 'groupBy=TYPE'), auth);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual(['Loại hỗ trợ,Số hộ,Mức hỗ trợ (đồng),Tổng kinh phí (đồng),Đã chi từ quỹ (đồng)', 'NEW_BUILD,3,40000000,40000000,10000000', 'REPAIR,2,40000000,45000000,0']);
    const filtered = await fetch(url('csv', `groupBy=STATUS&filter=${encodeURIComponent(JSON.stringify({ type: 'NEW_BUILD' }))}`), auth);
    expect((await filtered.text()).replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual([
      'Trạng thái,Số hộ,Mức hỗ trợ (đồng),Tổng kinh phí (đồng),Đã chi từ quỹ (đồng)',
      'APPLIED,1,0,0,0',
      'VERIFIED,1,0,0,0',
      'APPROVED,1,40000000,40000000,10000000',
    ]);

    const xlsx = await fetch(url('xlsx', 'groupBy=TYPE,STATUS'), auth);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.getWorksheet('Hỗ trợ nhà ở')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Loại hỗ trợ', 'Trạng thái', 'Số hộ', 'Mức hỗ trợ (đồng)', 'Tổng kinh phí (đồng)', 'Đã chi từ quỹ (đồng)']);
    expect(sheet.rowCount).toBe(5);
  });

  it('answers one zero row when there is nothing to report', async () => {
    expect(await report([])).toEqual([row({ count: 0, amount: 0, approvedTotal: 0 })]);
    expect(await report(['TYPE', 'STATUS'])).toEqual([]);
  });

  // A commune user's scope and a filter bind parameters (once INTERNAL_SERVER_ERROR: see the top).
  it('answers the report of a commune user, and a filtered report', async () => {
    const communeUser = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    expect(await report([], undefined, communeUser)).toEqual([row({ count: 0, amount: 0, approvedTotal: 0 })]);
    expect(await report(['TYPE'], { status: ['APPROVED'] })).toEqual([]);
    const csv = await fetch(`${server.url}/export/housing-report.csv?groupBy=TYPE`, { headers: { authorization: `Bearer ${communeUser}` } });
    expect(csv.status).toBe(200);
    expect((await csv.text()).replace(/^\uFEFF/, '').trim()).toBe('Loại hỗ trợ,Số hộ,Mức hỗ trợ (đồng),Tổng kinh phí (đồng),Đã chi từ quỹ (đồng)');
  });

  it('refuses an export with an unknown dimension (400 BAD_USER_INPUT), without a token (401), in another format (404)', async () => {
    const auth = { headers: { authorization: `Bearer ${officer}` } };
    const url = (format: string, query: string) => `${server.url}/export/housing-report.${format}?${query}`;
    const unknown = await fetch(url('csv', 'groupBy=TYPE,COLOUR'), auth);
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.message).toMatch(/COLOUR/);
    const noToken = await fetch(url('csv', 'groupBy=TYPE'));
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect((await fetch(url('csv', 'groupBy=TYPE'), { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401);
    expect((await fetch(url('pdf', 'groupBy=TYPE'), auth)).status).toBe(404);
    expect((await fetch(url('csv', `filter=${encodeURIComponent('{"status":["NOPE"]}')}`), auth)).status).toBe(400);
  });
});

import { randomUUID } from 'node:crypto';
import { addDays, todayVn } from '../../api/src/common/dates';
import { AdministrativeUnit } from '../../api/src/modules/units/unit.entity';
import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { fundOf } from '../support/funds';
import { errorCode, gql, ok, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

/*
 * Memorial works for martyrs (công trình ghi công liệt sĩ): the caps of Circular 101/2018 as policy
 * rates, the lifecycle with progress reports, payments from the Gratitude funds, the report.
 *
 * Regressions covered (fixed in bb807c3 while these tests were written): createMemorialWork answered
 * INTERNAL_SERVER_ERROR for every valid work (flushed in a nested transaction's fork that did not
 * hold it), and memorialReport failed for a commune user or with a filter ("there is no parameter $1").
 */

const FIELDS = `id name kind scope level unitId status approvedCost supportAmount graveCount projectDocumentNumber approvedOn decisionNumber startOn
  progress completedOn settledOn paidAmount pendingAmount fundLinesTotal
  fundingLines { source fundId amount paidAmount }
  permissions { approve start reportProgress complete settle }`;
const CREATE = `mutation($name: String!, $kind: MemorialWorkKind!, $scope: MemorialWorkScope!, $unitId: ID!, $approvedCost: SafeInt!, $lines: [FundingLineInput!]!,
  $graveCount: Int, $projectDocumentNumber: String) {
  createMemorialWork(name: $name, kind: $kind, scope: $scope, unitId: $unitId, approvedCost: $approvedCost, fundingLines: $lines, graveCount: $graveCount,
    projectDocumentNumber: $projectDocumentNumber, location: "Nghĩa trang liệt sĩ", contractor: "Công ty Xây dựng Thành Nam") { ${FIELDS} }
}`;
const STEP = (name: string) => `mutation($id: ID!, $occurredOn: LocalDate!, $document: String) { ${name}(id: $id, occurredOn: $occurredOn, document: $document) { ${FIELDS} } }`;
const APPROVE = STEP('approveMemorialWork');
const START = STEP('startMemorialWork');
const COMPLETE = STEP('completeMemorialWork');
const SETTLE = STEP('settleMemorialWork');
const PROGRESS = `mutation($id: ID!, $reportedOn: LocalDate!, $percent: Int!) {
  reportMemorialProgress(id: $id, reportedOn: $reportedOn, percent: $percent, note: "Đã xong phần móng") { ${FIELDS} progressReports { reportedOn percent } }
}`;
const WORK = `query($id: ID!) { MemorialWork(id: $id) { ${FIELDS} progressReports { reportedOn percent } events { action fromStatus toStatus occurredOn document actorName } } }`;
const CAPS = `query($unitId: ID!, $kind: MemorialWorkKind!, $scope: MemorialWorkScope!, $approvedCost: SafeInt!, $graveCount: Int, $date: LocalDate) {
  memorialWorkCaps(unitId: $unitId, kind: $kind, scope: $scope, approvedCost: $approvedCost, graveCount: $graveCount, date: $date) { rule limit explanation basis }
}`;

const DRAFT = `mutation($fundId: ID!, $amount: SafeInt!, $category: DisbursementCategory!, $projectId: ID, $idempotencyKey: String!) {
  createDisbursement(fundId: $fundId, amount: $amount, category: $category, payeeName: "Công ty Xây dựng Thành Nam", purpose: "Thanh toán khối lượng hoàn thành",
    projectType: MEMORIAL_WORK, projectId: $projectId, idempotencyKey: $idempotencyKey) { id status }
}`;
const D_STEP = (name: string, extra = '') => `mutation($id: ID!${extra ? `, ${extra}` : ''}) { ${name}(id: $id${extra ? `, ${extra.split(':')[0]!.slice(1)}: ${extra.split(':')[0]}` : ''}) { id status } }`;
const D_SUBMIT = D_STEP('submitDisbursement');
const D_APPROVE = D_STEP('approveDisbursement');
const D_PAY = D_STEP('payDisbursement', '$paidOn: LocalDate!');
const DONATE = 'mutation($f: ID!, $a: SafeInt!, $k: String!, $d: LocalDate!) { createDonation(fundId: $f, donorName: "Nhà hảo tâm", amount: $a, receivedOn: $d, method: CASH, idempotencyKey: $k) { id } }';

let server: TestServer;
let officer: string;
let manager: string;
let units: Record<string, string>;
let communeFund: string;
let districtFund: string;
let provinceFund: string;
const today = todayVn();
const yesterday = addDays(today, -1);
const tomorrow = addDays(today, 1);

beforeAll(async () => {
  server = await startTestServer();
  const found = await server.orm.em.fork().find(AdministrativeUnit, { code: { $in: ['13741', '13633', '359', '36'] } });
  units = Object.fromEntries(found.map((u) => [u.code, String(u.id)]));
  communeFund = String((await fundOf(server.orm.em, '13741')).id);
  districtFund = String((await fundOf(server.orm.em, '359')).id);
  provinceFund = String((await fundOf(server.orm.em, '36')).id);
});
afterAll(() => server.close());
beforeEach(async () => {
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  [officer, manager] = await Promise.all(['canbo@soquy.example', 'ketoan@soquy.example'].map((e) => signIn(server.graphqlUrl, e)));
});

const conn = () => server.orm.em.getConnection();
const counts = async () => {
  const [row] = await conn().execute('select (select count(*) from memorial_work) w, (select count(*) from funding_line) l, (select count(*) from project_event) e');
  return { works: Number(row.w), lines: Number(row.l), events: Number(row.e) };
};

type Line = { source: string; amount: number; fundId?: string };
const create = (vars: { kind?: string; scope?: string; unit?: string; approvedCost: number; lines: Line[]; graveCount?: number; projectDocumentNumber?: string }, token = officer) =>
  gql(
    server.graphqlUrl,
    CREATE,
    {
      name: 'Đài tưởng niệm liệt sĩ thị trấn Gôi',
      kind: vars.kind ?? 'MEMORIAL',
      scope: vars.scope ?? 'NEW',
      unitId: units[vars.unit ?? '13741'],
      approvedCost: vars.approvedCost,
      lines: vars.lines,
      graveCount: vars.graveCount,
      projectDocumentNumber: vars.projectDocumentNumber,
    },
    token,
  );
const step = (mutation: string, id: string, occurredOn = today, document?: string, token = officer) => gql(server.graphqlUrl, mutation, { id, occurredOn, document }, token);
const progress = (id: string, percent: number, reportedOn = today) => gql(server.graphqlUrl, PROGRESS, { id, reportedOn, percent }, officer);
const work = async (id: string, token = officer) => ok(await gql(server.graphqlUrl, WORK, { id }, token)).data!.MemorialWork;
const donate = (fundId: string, amount: number) => gql(server.graphqlUrl, DONATE, { f: fundId, a: amount, k: randomUUID(), d: today }, manager).then(ok);
const draft = (projectId: string, amount: number, vars: Record<string, unknown> = {}) =>
  gql(server.graphqlUrl, DRAFT, { fundId: communeFund, amount, category: 'MEMORIAL_WORK', projectId, idempotencyKey: randomUUID(), ...vars }, officer);
/** Submitted by the officer who drafted it, approved and paid by the fund manager (four eyes). */
async function submitApprovePay(id: string): Promise<void> {
  ok(await gql(server.graphqlUrl, D_SUBMIT, { id }, officer));
  expect(errorCode(await gql(server.graphqlUrl, D_APPROVE, { id }, officer))).toBe('FORBIDDEN');
  ok(await gql(server.graphqlUrl, D_APPROVE, { id }, manager));
  expect(ok(await gql(server.graphqlUrl, D_PAY, { id, paidOn: today }, manager)).data!.payDisbursement.status).toBe('PAID');
}
const balance = async (id: string) => ok(await gql(server.graphqlUrl, 'query($id: ID!) { Fund(id: $id) { balance } }', { id }, manager)).data!.Fund.balance as number;

/** A commune memorial of 300,000,000: 150,000,000 central budget, 50,000,000 from the commune's Gratitude Fund, 100,000,000 local budget. */
const communeMemorial = () =>
  create({
    approvedCost: 300_000_000,
    lines: [
      { source: 'CENTRAL_BUDGET', amount: 150_000_000 },
      { source: 'FUND', fundId: communeFund, amount: 50_000_000 },
      { source: 'LOCAL_BUDGET', amount: 100_000_000 },
    ],
  }).then(ok);

const NONE = { approve: false, start: false, reportProgress: false, complete: false, settle: false };

describe('the caps on a memorial work’s support (Thông tư 101/2018)', () => {
  it.each([
    [
      'a commune work above the commune cap of 500,000,000',
      {
        approvedCost: 1_000_000_000,
        projectDocumentNumber: 'QĐ 88/QĐ-UBND dự án',
        lines: [
          { source: 'CENTRAL_BUDGET', amount: 400_000_001 },
          { source: 'FUND', fundId: 'commune', amount: 100_000_000 },
          { source: 'LOCAL_BUDGET', amount: 499_999_999 },
        ],
      },
      'MEMORIAL_CAP_COMMUNE',
      500_000_000,
    ],
    [
      'support above 70% of the cost',
      { kind: 'NAME_STELE', approvedCost: 100_000_000, lines: [{ source: 'CENTRAL_BUDGET', amount: 60_000_000 }, { source: 'FUND', fundId: 'commune', amount: 10_000_001 }, { source: 'FAMILY', amount: 29_999_999 }] },
      'MEMORIAL_SUPPORT_SHARE',
      70_000_000,
    ],
    [
      'a district repair above half of the 4,000,000,000 district cap',
      { kind: 'CEMETERY', scope: 'REPAIR', unit: '359', approvedCost: 4_000_000_000, projectDocumentNumber: 'QĐ 12/QĐ-UBND', lines: [{ source: 'CENTRAL_BUDGET', amount: 2_000_000_001 }, { source: 'LOCAL_BUDGET', amount: 1_999_999_999 }] },
      'MEMORIAL_REPAIR_SHARE',
      2_000_000_000,
    ],
    [
      'three graves above 7,000,000 a grave',
      { kind: 'GRAVE', graveCount: 3, approvedCost: 40_000_000, lines: [{ source: 'CENTRAL_BUDGET', amount: 21_000_001 }, { source: 'LOCAL_BUDGET', amount: 18_999_999 }] },
      'MEMORIAL_GRAVE',
      21_000_000,
    ],
    [
      'a work of 500,000,000 without its project document',
      { approvedCost: 500_000_000, lines: [{ source: 'CENTRAL_BUDGET', amount: 100_000_000 }, { source: 'LOCAL_BUDGET', amount: 400_000_000 }] },
      'MEMORIAL_PROJECT_DOCUMENT',
      500_000_000,
    ],
  ])('refuses %s: POLICY_LIMIT naming the rule and Circular 101/2018, nothing written', async (_what, plan, rule, limit) => {
    const lines = (plan.lines as Line[]).map((l) => (l.fundId === 'commune' ? { ...l, fundId: communeFund } : l));
    const res = await create({ ...plan, lines });
    expect(errorCode(res)).toBe('POLICY_LIMIT');
    expect(res.errors![0]!.extensions).toMatchObject({ rule, limit });
    expect(res.errors![0]!.extensions!.basis).toMatch(/101\/2018/);
    expect(await counts()).toEqual({ works: 0, lines: 0, events: 0 });
  });

  it('accepts support up to the lowest cap; local budgets and families are not support', async () => {
    const commune = ok(
      await create({
        approvedCost: 1_000_000_000,
        projectDocumentNumber: 'QĐ 88/QĐ-UBND dự án',
        lines: [
          { source: 'CENTRAL_BUDGET', amount: 400_000_000 },
          { source: 'FUND', fundId: communeFund, amount: 100_000_000 },
          { source: 'LOCAL_BUDGET', amount: 500_000_000 },
        ],
      }),
    ).data!.createMemorialWork;
    expect(commune).toMatchObject({ status: 'PLANNED', level: 'COMMUNE', unitId: units['13741'], approvedCost: 1_000_000_000, supportAmount: 500_000_000, progress: 0, fundLinesTotal: 100_000_000 });
    const district = ok(
      await create({ kind: 'CEMETERY', scope: 'REPAIR', unit: '359', approvedCost: 4_000_000_000, projectDocumentNumber: 'QĐ 12/QĐ-UBND', lines: [{ source: 'CENTRAL_BUDGET', amount: 2_000_000_000 }, { source: 'LOCAL_BUDGET', amount: 2_000_000_000 }] }),
    ).data!.createMemorialWork;
    expect(district).toMatchObject({ level: 'DISTRICT', supportAmount: 2_000_000_000 });
    const graves = ok(await create({ kind: 'GRAVE', graveCount: 3, approvedCost: 40_000_000, lines: [{ source: 'CENTRAL_BUDGET', amount: 21_000_000 }, { source: 'FAMILY', amount: 19_000_000 }] })).data!
      .createMemorialWork;
    expect(graves).toMatchObject({ kind: 'GRAVE', graveCount: 3, supportAmount: 21_000_000 });
    const small = ok(await create({ approvedCost: 499_999_999, lines: [{ source: 'LOCAL_BUDGET', amount: 499_999_999 }] })).data!.createMemorialWork;
    expect(small).toMatchObject({ supportAmount: 0, projectDocumentNumber: null });
    expect((await counts()).works).toBe(4);
  });

  it.each([
    ['lines not adding up to the approved cost', { approvedCost: 100_000_000, lines: [{ source: 'CENTRAL_BUDGET', amount: 50_000_000 }, { source: 'LOCAL_BUDGET', amount: 49_999_999 }] }, /add up to/],
    ['a grave work without graveCount', { kind: 'GRAVE', approvedCost: 10_000_000, lines: [{ source: 'CENTRAL_BUDGET', amount: 7_000_000 }, { source: 'FAMILY', amount: 3_000_000 }] }, /graveCount/],
    ['graveCount for another kind', { graveCount: 2, approvedCost: 10_000_000, lines: [{ source: 'LOCAL_BUDGET', amount: 10_000_000 }] }, /graveCount/],
    ['a FUND line from the fund of another commune', { approvedCost: 10_000_000, lines: [{ source: 'FUND', fundId: 'other', amount: 5_000_000 }, { source: 'LOCAL_BUDGET', amount: 5_000_000 }] }, /not held by/],
    ['a FUND line from a Child Protection Fund', { approvedCost: 10_000_000, lines: [{ source: 'FUND', fundId: 'child', amount: 5_000_000 }, { source: 'LOCAL_BUDGET', amount: 5_000_000 }] }, /not a Gratitude Fund/],
    ['no funding line', { approvedCost: 10_000_000, lines: [] }, /at least one/],
  ])('refuses %s: BAD_USER_INPUT, nothing written', async (_what, plan, message) => {
    const other = String((await fundOf(server.orm.em, '13633')).id);
    const child = String((await fundOf(server.orm.em, '36', 'CHILD_PROTECTION' as never)).id);
    const lines = (plan.lines as Line[]).map((l) => (l.fundId === 'other' ? { ...l, fundId: other } : l.fundId === 'child' ? { ...l, fundId: child } : l));
    const res = await create({ ...plan, lines });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(message);
    expect(await counts()).toEqual({ works: 0, lines: 0, events: 0 });
  });

  it.each(['ketoan@soquy.example', 'thanhtra@soquy.example', 'xa13741@soquy.example', 'admin@soquy.example'])('refuses a work planned by %s (no MemorialWrite): FORBIDDEN', async (email) => {
    const token = await signIn(server.graphqlUrl, email);
    expect(errorCode(await create({ approvedCost: 10_000_000, lines: [{ source: 'LOCAL_BUDGET', amount: 10_000_000 }] }, token))).toBe('FORBIDDEN');
    expect((await counts()).works).toBe(0);
  });

  it('answers the caps a planned work would be held to (memorialWorkCaps)', async () => {
    const caps = async (vars: Record<string, unknown>, token = officer) => ok(await gql(server.graphqlUrl, CAPS, vars, token)).data!.memorialWorkCaps as { rule: string; limit: number; basis: string }[];
    const commune = await caps({ unitId: units['13741'], kind: 'MEMORIAL', scope: 'NEW', approvedCost: 1_000_000_000 });
    expect(commune.map(({ rule, limit }) => ({ rule, limit }))).toEqual([
      { rule: 'MEMORIAL_SUPPORT_SHARE', limit: 700_000_000 },
      { rule: 'MEMORIAL_CAP_COMMUNE', limit: 500_000_000 },
    ]);
    for (const cap of commune) expect(cap.basis).toMatch(/101\/2018/);
    expect((await caps({ unitId: units['359'], kind: 'CEMETERY', scope: 'REPAIR', approvedCost: 4_000_000_000 })).map(({ rule, limit }) => ({ rule, limit }))).toEqual([
      { rule: 'MEMORIAL_SUPPORT_SHARE', limit: 2_800_000_000 },
      { rule: 'MEMORIAL_REPAIR_SHARE', limit: 2_000_000_000 },
    ]);
    expect((await caps({ unitId: units['13741'], kind: 'GRAVE', scope: 'NEW', approvedCost: 40_000_000, graveCount: 3 })).map(({ rule, limit }) => ({ rule, limit }))).toEqual([
      { rule: 'MEMORIAL_SUPPORT_SHARE', limit: 28_000_000 },
      { rule: 'MEMORIAL_GRAVE', limit: 21_000_000 },
    ]);
    expect((await caps({ unitId: units['36'], kind: 'TEMPLE', scope: 'UPGRADE', approvedCost: 20_000_000_000 })).map(({ rule, limit }) => ({ rule, limit }))).toEqual([
      { rule: 'MEMORIAL_SUPPORT_SHARE', limit: 14_000_000_000 },
      { rule: 'MEMORIAL_CAP_PROVINCE', limit: 10_000_000_000 },
    ]);
    // Before the rates were in force there is no rule: nothing may be planned on it.
    const before = await gql(server.graphqlUrl, CAPS, { unitId: units['13741'], kind: 'MEMORIAL', scope: 'NEW', approvedCost: 1_000_000, date: '2018-01-01' }, officer);
    expect(errorCode(before)).toBe('POLICY_LIMIT');
    expect(errorCode(await gql(server.graphqlUrl, CAPS, { unitId: units['13741'], kind: 'MEMORIAL', scope: 'NEW', approvedCost: 0 }, officer))).toBe('BAD_USER_INPUT');
    const communeUser = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    expect((await caps({ unitId: units['13741'], kind: 'MEMORIAL', scope: 'NEW', approvedCost: 100_000_000 }, communeUser)).map((c) => c.limit)).toEqual([70_000_000, 500_000_000]);
    expect(errorCode(await gql(server.graphqlUrl, CAPS, { unitId: units['36'], kind: 'MEMORIAL', scope: 'NEW', approvedCost: 100_000_000 }, communeUser))).toBe('BAD_USER_INPUT');
  });
});

describe('the memorial work lifecycle', () => {
  it('goes PLANNED → APPROVED → IN_PROGRESS → COMPLETED → SETTLED, paying its fund line through the ledger', async () => {
    await donate(communeFund, 100_000_000);
    const planned = (await communeMemorial()).data!.createMemorialWork;
    expect(planned).toMatchObject({ status: 'PLANNED', supportAmount: 200_000_000, fundLinesTotal: 50_000_000, paidAmount: 0, pendingAmount: 0, permissions: { ...NONE, approve: true } });
    expect((await work(planned.id, manager)).permissions).toEqual(NONE);
    const id = planned.id as string;

    // PLANNED: nothing but approval, and no payment.
    for (const mutation of [START, COMPLETE, SETTLE]) expect(errorCode(await step(mutation, id, today, 'VB'))).toBe('INVALID_TRANSITION');
    expect(errorCode(await progress(id, 10))).toBe('INVALID_TRANSITION');
    const early = await draft(id, 10_000_000);
    expect(errorCode(early)).toBe('INVALID_TRANSITION');
    expect(early.errors![0]!.extensions).toMatchObject({ rule: 'PROJECT_NOT_PAYABLE', status: 'PLANNED' });

    // Approval needs its decision, dated not before the plan and not in the future.
    const noDecision = await step(APPROVE, id);
    expect(errorCode(noDecision)).toBe('BAD_USER_INPUT');
    expect(noDecision.errors![0]!.extensions!.field).toBe('document');
    expect(errorCode(await step(APPROVE, id, yesterday, 'QĐ 45/QĐ-UBND'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await step(APPROVE, id, tomorrow, 'QĐ 45/QĐ-UBND'))).toBe('BAD_USER_INPUT');
    expect((await work(id)).status).toBe('PLANNED');
    const approved = ok(await step(APPROVE, id, today, 'QĐ 45/QĐ-UBND')).data!.approveMemorialWork;
    expect(approved).toMatchObject({ status: 'APPROVED', approvedOn: today, decisionNumber: 'QĐ 45/QĐ-UBND', permissions: { ...NONE, start: true } });
    expect(errorCode(await step(APPROVE, id, today, 'QĐ 46'))).toBe('INVALID_TRANSITION');
    expect(errorCode(await step(COMPLETE, id))).toBe('INVALID_TRANSITION');
    expect(errorCode(await step(SETTLE, id))).toBe('INVALID_TRANSITION');
    expect(errorCode(await progress(id, 10))).toBe('INVALID_TRANSITION');

    // Payments: MEMORIAL_WORK, from the fund of its FUND line, within the line.
    expect(errorCode(await draft(id, 10_000_000, { category: 'HOUSING_NEW' }))).toBe('BAD_USER_INPUT');
    const wrongFund = await draft(id, 10_000_000, { fundId: provinceFund });
    expect(errorCode(wrongFund)).toBe('BAD_USER_INPUT');
    expect(wrongFund.errors![0]!.extensions!.field).toBe('fundId');
    const first = ok(await draft(id, 30_000_000)).data!.createDisbursement.id;
    const over = await draft(id, 20_000_001);
    expect(errorCode(over)).toBe('POLICY_LIMIT');
    expect(over.errors![0]!.extensions).toMatchObject({ rule: 'FUNDING_LINE', limit: 50_000_000, held: 30_000_000 });
    expect(await work(id)).toMatchObject({ pendingAmount: 30_000_000, paidAmount: 0 });
    await submitApprovePay(first);
    expect(await balance(communeFund)).toBe(70_000_000);
    const paid = await work(id);
    expect(paid).toMatchObject({ paidAmount: 30_000_000, pendingAmount: 0 });
    expect(paid.fundingLines.map((l: { source: string; paidAmount: number }) => [l.source, l.paidAmount])).toEqual([
      ['CENTRAL_BUDGET', 0],
      ['FUND', 30_000_000],
      ['LOCAL_BUDGET', 0],
    ]);

    // Under way: dated progress reports that never go back.
    const started = ok(await step(START, id)).data!.startMemorialWork;
    expect(started).toMatchObject({ status: 'IN_PROGRESS', startOn: today, permissions: { ...NONE, reportProgress: true, complete: true } });
    expect(ok(await progress(id, 40)).data!.reportMemorialProgress.progress).toBe(40);
    const back = await progress(id, 30);
    expect(errorCode(back)).toBe('BAD_USER_INPUT');
    expect(back.errors![0]!.extensions!.field).toBe('percent');
    const backdated = await progress(id, 50, yesterday);
    expect(errorCode(backdated)).toBe('BAD_USER_INPUT');
    expect(backdated.errors![0]!.extensions!.field).toBe('reportedOn');
    expect(errorCode(await progress(id, 50, tomorrow))).toBe('BAD_USER_INPUT');
    expect(errorCode(await progress(id, 101))).toBe('BAD_USER_INPUT');
    const seventy = ok(await progress(id, 70)).data!.reportMemorialProgress;
    expect(seventy.progressReports).toEqual([
      { reportedOn: today, percent: 40 },
      { reportedOn: today, percent: 70 },
    ]);
    expect(errorCode(await step(SETTLE, id))).toBe('INVALID_TRANSITION');
    expect(errorCode(await step(START, id))).toBe('INVALID_TRANSITION');

    const completed = ok(await step(COMPLETE, id, today, 'BB nghiệm thu 02/2026')).data!.completeMemorialWork;
    expect(completed).toMatchObject({ status: 'COMPLETED', progress: 100, completedOn: today, permissions: { ...NONE, settle: true } });
    expect((await work(id)).progressReports.map((r: { percent: number }) => r.percent)).toEqual([40, 70, 100]);
    expect(errorCode(await progress(id, 100))).toBe('INVALID_TRANSITION');
    expect(errorCode(await step(COMPLETE, id, today, 'BB'))).toBe('INVALID_TRANSITION');

    // The rest is paid after completion; settling waits for every open payment.
    const rest = ok(await draft(id, 20_000_000)).data!.createDisbursement.id;
    const open = await step(SETTLE, id, today, 'QĐ quyết toán 09');
    expect(errorCode(open)).toBe('INVALID_TRANSITION');
    expect(open.errors![0]!.extensions!.rule).toBe('PAYMENTS_OPEN');
    expect((await work(id)).status).toBe('COMPLETED');
    await submitApprovePay(rest);
    expect(await balance(communeFund)).toBe(50_000_000);
    const full = await draft(id, 1);
    expect(errorCode(full)).toBe('POLICY_LIMIT');
    expect(full.errors![0]!.extensions!.rule).toBe('FUNDING_LINE');
    const settled = ok(await step(SETTLE, id, today, 'QĐ quyết toán 09')).data!.settleMemorialWork;
    expect(settled).toMatchObject({ status: 'SETTLED', settledOn: today, paidAmount: 50_000_000, pendingAmount: 0, permissions: NONE });
    for (const mutation of [APPROVE, START, COMPLETE, SETTLE]) expect(errorCode(await step(mutation, id, today, 'VB'))).toBe('INVALID_TRANSITION');
    const late = await draft(id, 1);
    expect(errorCode(late)).toBe('INVALID_TRANSITION');
    expect(late.errors![0]!.extensions!.rule).toBe('PROJECT_NOT_PAYABLE');

    const { events } = await work(id);
    expect(events).toEqual([
      { action: 'plan', fromStatus: null, toStatus: 'PLANNED', occurredOn: today, document: null, actorName: 'Phạm Thị Cán' },
      { action: 'approve', fromStatus: 'PLANNED', toStatus: 'APPROVED', occurredOn: today, document: 'QĐ 45/QĐ-UBND', actorName: 'Phạm Thị Cán' },
      { action: 'start', fromStatus: 'APPROVED', toStatus: 'IN_PROGRESS', occurredOn: today, document: null, actorName: 'Phạm Thị Cán' },
      { action: 'complete', fromStatus: 'IN_PROGRESS', toStatus: 'COMPLETED', occurredOn: today, document: 'BB nghiệm thu 02/2026', actorName: 'Phạm Thị Cán' },
      { action: 'settle', fromStatus: 'COMPLETED', toStatus: 'SETTLED', occurredOn: today, document: 'QĐ quyết toán 09', actorName: 'Phạm Thị Cán' },
    ]);
    const ledger = ok(await gql(server.graphqlUrl, 'query($f: ID!) { allLedgerLines(filter: { fundId: $f }) { kind cashChange sourceId } }', { f: communeFund }, manager)).data!.allLedgerLines;
    expect(ledger).toEqual([
      { kind: 'DISBURSEMENT', cashChange: -20_000_000, sourceId: rest },
      { kind: 'DISBURSEMENT', cashChange: -30_000_000, sourceId: first },
      expect.objectContaining({ kind: 'DONATION', cashChange: 100_000_000 }),
    ]);
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    expect(ok(await gql(server.graphqlUrl, 'query($id: ID!) { verifyLedger(fundId: $id) { ok transactionsChecked } }', { id: communeFund }, inspector)).data!.verifyLedger).toEqual({
      ok: true,
      transactionsChecked: 3,
    });
  });

  it('refuses steps and progress to roles without MemorialWrite, and keeps works in the commune user’s scope', async () => {
    const id = (await communeMemorial()).data!.createMemorialWork.id;
    const district = ok(await create({ kind: 'CEMETERY', unit: '359', approvedCost: 100_000_000, lines: [{ source: 'FUND', fundId: districtFund, amount: 70_000_000 }, { source: 'LOCAL_BUDGET', amount: 30_000_000 }] }))
      .data!.createMemorialWork.id;
    for (const email of ['ketoan@soquy.example', 'thanhtra@soquy.example']) {
      const token = await signIn(server.graphqlUrl, email);
      expect(errorCode(await step(APPROVE, id, today, 'QĐ 1', token))).toBe('FORBIDDEN');
    }
    const communeUser = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    const list = ok(await gql(server.graphqlUrl, '{ allMemorialWorks { id } _allMemorialWorksMeta { count } }', {}, communeUser)).data!;
    expect(list).toEqual({ allMemorialWorks: [{ id }], _allMemorialWorksMeta: { count: 1 } });
    expect(errorCode(await gql(server.graphqlUrl, WORK, { id: district }, communeUser))).toBe('NOT_FOUND');
    expect((await work(district)).level).toBe('DISTRICT');
  });

  it('refuses in the database deleting a work or changing its cost, its funding lines or its progress reports', async () => {
    const id = (await communeMemorial()).data!.createMemorialWork.id;
    ok(await step(APPROVE, id, today, 'QĐ 45'));
    ok(await step(START, id));
    ok(await progress(id, 30));
    await expect(conn().execute('delete from memorial_work where id = ?', [id])).rejects.toThrow(/cannot be deleted/);
    await expect(conn().execute('update memorial_work set approved_cost = 900000000 where id = ?', [id])).rejects.toThrow(/keeps its unit/);
    await expect(conn().execute('update memorial_work set support_amount = 10 where id = ?', [id])).rejects.toThrow(/keeps its unit/);
    await expect(conn().execute("update funding_line set amount = 1 where project_type = 'MEMORIAL_WORK' and project_id = ?", [id])).rejects.toThrow(/append-only/);
    await expect(conn().execute('update memorial_progress set percent = 90 where work_id = ?', [id])).rejects.toThrow(/append-only/);
    await expect(conn().execute('delete from memorial_progress where work_id = ?', [id])).rejects.toThrow(/append-only/);
    await expect(conn().execute("delete from project_event where project_type = 'MEMORIAL_WORK' and project_id = ?", [id])).rejects.toThrow(/append-only/);
    expect(await work(id)).toMatchObject({ approvedCost: 300_000_000, supportAmount: 200_000_000, progress: 30, fundLinesTotal: 50_000_000 });
  });
});

describe('the memorial works report', () => {
  const REPORT = 'query($g: [MemorialReportDimension!]!) { memorialReport(groupBy: $g) { kind level status scope unitName year count approvedCost supportAmount paidAmount averageProgress } }';
  const report = async (groupBy: string[], token = officer) => ok(await gql(server.graphqlUrl, REPORT, { g: groupBy }, token)).data!.memorialReport;
  const row = (vars: Record<string, unknown>) => ({ kind: null, level: null, status: null, scope: null, unitName: null, year: null, paidAmount: 0, averageProgress: 0, ...vars });

  /** Four works: a commune memorial at 40% with 30,000,000 paid, three graves planned, a district cemetery approved, a commune memorial completed. */
  async function fourWorks(): Promise<void> {
    await donate(communeFund, 100_000_000);
    const a = (await communeMemorial()).data!.createMemorialWork.id;
    ok(await step(APPROVE, a, today, 'QĐ 45'));
    await submitApprovePay(ok(await draft(a, 30_000_000)).data!.createDisbursement.id);
    ok(await step(START, a));
    ok(await progress(a, 40));
    ok(await create({ kind: 'GRAVE', graveCount: 3, approvedCost: 40_000_000, lines: [{ source: 'CENTRAL_BUDGET', amount: 21_000_000 }, { source: 'LOCAL_BUDGET', amount: 19_000_000 }] }));
    const c = ok(
      await create({ kind: 'CEMETERY', scope: 'REPAIR', unit: '359', approvedCost: 4_000_000_000, projectDocumentNumber: 'QĐ 12/QĐ-UBND', lines: [{ source: 'CENTRAL_BUDGET', amount: 2_000_000_000 }, { source: 'LOCAL_BUDGET', amount: 2_000_000_000 }] }),
    ).data!.createMemorialWork.id;
    ok(await step(APPROVE, c, today, 'QĐ 13'));
    const d = ok(await create({ approvedCost: 100_000_000, lines: [{ source: 'CENTRAL_BUDGET', amount: 70_000_000 }, { source: 'FAMILY', amount: 30_000_000 }] })).data!.createMemorialWork.id;
    ok(await step(APPROVE, d, today, 'QĐ 14'));
    ok(await step(START, d));
    ok(await step(COMPLETE, d, today, 'BB 01'));
  }

  it('counts and sums the works by kind and by level, with their average progress', async () => {
    await fourWorks();
    expect(await report(['KIND'])).toEqual([
      row({ kind: 'CEMETERY', count: 1, approvedCost: 4_000_000_000, supportAmount: 2_000_000_000 }),
      row({ kind: 'MEMORIAL', count: 2, approvedCost: 400_000_000, supportAmount: 270_000_000, paidAmount: 30_000_000, averageProgress: 70 }),
      row({ kind: 'GRAVE', count: 1, approvedCost: 40_000_000, supportAmount: 21_000_000 }),
    ]);
    expect(await report(['LEVEL'])).toEqual([
      row({ level: 'DISTRICT', count: 1, approvedCost: 4_000_000_000, supportAmount: 2_000_000_000 }),
      row({ level: 'COMMUNE', count: 3, approvedCost: 440_000_000, supportAmount: 291_000_000, paidAmount: 30_000_000, averageProgress: 46.7 }),
    ]);
    expect(await report(['KIND', 'LEVEL'])).toHaveLength(3);
    expect(await report(['STATUS'])).toEqual([
      row({ status: 'PLANNED', count: 1, approvedCost: 40_000_000, supportAmount: 21_000_000 }),
      row({ status: 'APPROVED', count: 1, approvedCost: 4_000_000_000, supportAmount: 2_000_000_000 }),
      row({ status: 'IN_PROGRESS', count: 1, approvedCost: 300_000_000, supportAmount: 200_000_000, paidAmount: 30_000_000, averageProgress: 40 }),
      row({ status: 'COMPLETED', count: 1, approvedCost: 100_000_000, supportAmount: 70_000_000, averageProgress: 100 }),
    ]);
    expect(await report([])).toEqual([row({ count: 4, approvedCost: 4_440_000_000, supportAmount: 2_291_000_000, paidAmount: 30_000_000, averageProgress: 35 })]);
    const communeUser = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    expect(await report([], communeUser)).toEqual([row({ count: 3, approvedCost: 440_000_000, supportAmount: 291_000_000, paidAmount: 30_000_000, averageProgress: 46.7 })]);
  });

  it('exports the report as CSV with Vietnamese headers', async () => {
    await fourWorks();
    const auth = { headers: { authorization: `Bearer ${officer}` } };
    const csv = await fetch(`${server.url}/export/memorial-report.csv?groupBy=LEVEL`, auth);
    expect(csv.status).toBe(200);
    expect((await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual([
      'Cấp,Số công trình,Tổng mức đầu tư (đồng),Kinh phí hỗ trợ (đồng),Đã chi từ quỹ (đồng),Tiến độ bình quân (%)',
      'DISTRICT,1,4000000000,2000000000,0,0',
      'COMMUNE,3,440000000,291000000,30000000,46.7',
    ]);
  });

  // A commune user's scope and a filter bind parameters (once INTERNAL_SERVER_ERROR: see the top).
  it('answers the report of a commune user and a filtered report', async () => {
    const communeUser = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    expect(await report([], communeUser)).toEqual([row({ count: 0, approvedCost: 0, supportAmount: 0 })]);
    const filtered = await gql(server.graphqlUrl, 'query { memorialReport(groupBy: [KIND], filter: { level: COMMUNE }) { count } }', {}, officer);
    expect(filtered.errors).toBeUndefined();
    expect(filtered.data!.memorialReport).toEqual([]);
  });

  it('answers one zero row when there is nothing to report; refuses an unknown dimension (400) and no token (401)', async () => {
    expect(await report([])).toEqual([row({ count: 0, approvedCost: 0, supportAmount: 0 })]);
    const auth = { headers: { authorization: `Bearer ${officer}` } };
    const unknown = await fetch(`${server.url}/export/memorial-report.csv?groupBy=KIND,HEIGHT`, auth);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect((await fetch(`${server.url}/export/memorial-report.csv?groupBy=KIND`)).status).toBe(401);
  });
});

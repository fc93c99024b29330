import { randomUUID } from 'node:crypto';
import { todayVn } from '../../api/src/common/dates';
import { AdministrativeUnit } from '../../api/src/modules/units/unit.entity';
import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { fundOf } from '../support/funds';
import { errorCode, gql, ok, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

/*
 * The dashboard (home page): its figures equal the data recorded, within the user's scope; anonymous
 * donors stay anonymous; pending steps follow the state machines (four eyes included); sections the
 * role may not read are null; and its number of SQL statements does not grow with the data.
 */

const DASHBOARD = `query($year: Int) { dashboard(year: $year) {
  year
  balances { kind fundCount freeCash earmarkedCash goods total }
  monthly { month receipts inKindReceipts disbursements transfersOut transfersIn }
  housing { status count amount }
  memorial { byStatus { status count supportAmount averageProgress } progressBands { from to count } }
  childSupport { gifts { occasion campaigns children amount } scholarships { schoolYear count amount } surgery { status count support } }
  topDonors { rank donorId name donorType anonymous walkIn donationCount amount }
  pendingApprovals {
    disbursementsToApprove { count items { id label amount since } }
    disbursementsToPay { count items { id label amount since } }
    housingToVerify { count items { id label amount since } }
    housingToApprove { count items { id label amount since } }
    memorialToApprove { count items { id label amount since } }
    surgeryToApprove { count items { id label amount since } }
  }
  recentTransactions { id fundId fundName occurredOn kind amount description }
  auditEvents { id operation at }
} }`;

const DONATE = `mutation($f: ID!, $a: SafeInt!, $k: String!, $d: LocalDate!, $donorId: ID, $donorName: String, $method: DonationMethod!, $inKind: String) {
  createDonation(fundId: $f, donorId: $donorId, donorName: $donorName, amount: $a, receivedOn: $d, method: $method, inKindDescription: $inKind, idempotencyKey: $k) { id }
}`;
const VOID = 'mutation($id: ID!) { voidDonation(id: $id, reason: "Ghi nhầm số tiền") { id } }';
const DONOR = 'mutation($type: DonorType!, $name: String!) { createDonor(type: $type, name: $name) { id } }';
const DRAFT = `mutation($fundId: ID!, $amount: SafeInt!, $category: DisbursementCategory!, $targetFundId: ID, $k: String!) {
  createDisbursement(fundId: $fundId, amount: $amount, category: $category, payeeName: "Bà Trần Thị Hoa", purpose: "Hỗ trợ gia đình khó khăn",
    targetFundId: $targetFundId, idempotencyKey: $k) { id }
}`;
const step = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id status } }`;
const PAY = 'mutation($id: ID!, $paidOn: LocalDate!) { payDisbursement(id: $id, paidOn: $paidOn) { id status } }';
const HOUSEHOLD = `mutation($unitId: ID!) {
  createBeneficiaryHousehold(personName: "Vũ Văn Thương", nationalId: "036052100001", meritCategoryCode: "WAR_INVALID", unitId: $unitId, address: "Xóm 3",
    householdSize: 4, houseCondition: DILAPIDATED) { id }
}`;
const APPLY = `mutation($householdId: ID!) {
  applyHousingGrant(householdId: $householdId, type: NEW_BUILD, program: DECISION_22_2013, appliedOn: "2024-03-01", description: "Nhà cấp 4 xuống cấp") { id }
}`;

let server: TestServer;
let counting = false;
const executed: string[] = [];
let tokens: Record<string, string>;
let provinceFund: string;
let communeFund: string;
let communeUnit: string;
const today = todayVn();
const year = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7));
const last = year - 1;

beforeAll(async () => {
  // Every statement the ORM runs passes through this logger while `counting` is on.
  server = await startTestServer({}, { debug: ['query'], logger: (message) => counting && executed.push(message) });
  provinceFund = String((await fundOf(server.orm.em, '36')).id);
  communeFund = String((await fundOf(server.orm.em, '13741')).id);
  communeUnit = String((await server.orm.em.fork().findOneOrFail(AdministrativeUnit, { code: '13741' })).id);
});
afterAll(() => server.close());
beforeEach(async () => {
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  const emails = { manager: 'ketoan@soquy.example', manager2: 'ketoan2@soquy.example', officer: 'canbo@soquy.example', inspector: 'thanhtra@soquy.example', admin: 'admin@soquy.example', commune: 'xa13741@soquy.example' };
  const signed = await Promise.all(Object.values(emails).map((email) => signIn(server.graphqlUrl, email)));
  tokens = Object.fromEntries(Object.keys(emails).map((key, i) => [key, signed[i]!]));
});

const call = async (query: string, variables: Record<string, unknown>, token: string) => ok(await gql(server.graphqlUrl, query, variables, token)).data!;
const dashboard = async (token: string, y?: number) => (await call(DASHBOARD, { year: y }, token)).dashboard;

async function donate(vars: { amount: number; on: string; donorId?: string; donorName?: string; inKind?: boolean; fund?: string; token?: string }): Promise<string> {
  const data = await call(
    DONATE,
    {
      f: vars.fund ?? provinceFund,
      a: vars.amount,
      k: randomUUID(),
      d: vars.on,
      donorId: vars.donorId,
      donorName: vars.donorId ? undefined : (vars.donorName ?? 'Nhà hảo tâm'),
      method: vars.inKind ? 'IN_KIND' : 'CASH',
      inKind: vars.inKind ? '20 thùng mì' : undefined,
    },
    vars.token ?? tokens.manager!,
  );
  return data.createDonation.id;
}
async function draft(amount: number, token: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await call(DRAFT, { fundId: provinceFund, amount, category: 'HARDSHIP', k: randomUUID(), ...extra }, token)).createDisbursement.id;
}
async function submitted(amount: number, token: string): Promise<string> {
  const id = await draft(amount, token);
  await call(step('submitDisbursement'), { id }, token);
  return id;
}
async function paid(amount: number, paidOn: string, extra: Record<string, unknown> = {}): Promise<string> {
  const id = await draft(amount, tokens.officer!, extra);
  await call(step('submitDisbursement'), { id }, tokens.officer!);
  await call(step('approveDisbursement'), { id }, tokens.manager2!);
  await call(PAY, { id, paidOn }, tokens.manager!);
  return id;
}

/** Last year: donations in March and July, a payment and a transfer in August; this year: a receipt voided, a commune receipt. */
async function recordYear(): Promise<{ enterprise: string; anonymous: string }> {
  const enterprise = (await call(DONOR, { type: 'ENTERPRISE', name: 'Công ty TNHH Sông Hồng' }, tokens.manager!)).createDonor.id;
  const anonymous = (await call(DONOR, { type: 'ANONYMOUS', name: 'x' }, tokens.manager!)).createDonor.id;
  // A record kept from before anonymity was enforced: the real name must still never show.
  await server.orm.em.getConnection().execute(`update donor set name = 'Trần Văn Bí Mật', phone = '0912345678' where id = ?`, [Number(anonymous)]);
  await donate({ amount: 10_000_000, on: `${last}-03-10`, donorId: enterprise });
  await donate({ amount: 5_000_000, on: `${last}-03-20`, donorId: anonymous });
  await donate({ amount: 1_000_000, on: `${last}-03-25`, donorName: 'ẩn danh' });
  await donate({ amount: 2_000_000, on: `${last}-07-20`, donorName: 'Nguyễn Văn Bình', inKind: true });
  await paid(6_000_000, `${last}-08-05`);
  await paid(1_000_000, `${last}-08-06`, { category: 'TRANSFER', targetFundId: communeFund });
  const voided = await donate({ amount: 3_000_000, on: today, donorName: 'Nguyễn Văn Bình' });
  await call(VOID, { id: voided }, tokens.manager!);
  await donate({ amount: 4_000_000, on: today, donorName: 'Lê Thị Cúc', fund: communeFund, token: tokens.commune! });
  return { enterprise, anonymous };
}

describe('dashboard figures', () => {
  it('equal the donations, the void, the payment and the transfer recorded, month by month and in the balances', async () => {
    await recordYear();
    const before = await dashboard(tokens.inspector!, last);
    expect(before.year).toBe(last);
    expect(before.monthly).toHaveLength(12);
    const lastYear = Object.fromEntries(before.monthly.map((m: { month: number }) => [m.month, m]));
    expect(lastYear[3]).toEqual({ month: 3, receipts: 16_000_000, inKindReceipts: 0, disbursements: 0, transfersOut: 0, transfersIn: 0 });
    expect(lastYear[7]).toEqual({ month: 7, receipts: 2_000_000, inKindReceipts: 2_000_000, disbursements: 0, transfersOut: 0, transfersIn: 0 });
    // Both funds are in the province's scope: the transfer shows out of one and into the other.
    expect(lastYear[8]).toEqual({ month: 8, receipts: 0, inKindReceipts: 0, disbursements: 6_000_000, transfersOut: 1_000_000, transfersIn: 1_000_000 });
    expect(before.monthly.reduce((s: number, m: { receipts: number }) => s + m.receipts, 0)).toBe(18_000_000);

    const now = await dashboard(tokens.inspector!);
    expect(now.year).toBe(year);
    // 3,000,000 received and voided the same month, 4,000,000 at the commune.
    expect(now.monthly[month - 1]).toMatchObject({ month, receipts: 4_000_000, disbursements: 0 });
    expect(now.monthly.filter((m: { month: number; receipts: number }) => m.month !== month && m.receipts !== 0)).toEqual([]);

    const open = await server.orm.em.getConnection().execute(`select count(*)::int as n from fund where kind = 'GRATITUDE' and closed_on is null`);
    const gratitude = now.balances.find((b: { kind: string }) => b.kind === 'GRATITUDE');
    // 10 + 5 + 1 + (3 − 3) + 4 − 6 in cash (the transfer stays within the scope), 2 in goods.
    expect(gratitude).toEqual({ kind: 'GRATITUDE', fundCount: open[0].n, freeCash: 14_000_000, earmarkedCash: 0, goods: 2_000_000, total: 16_000_000 });
    expect(now.balances.find((b: { kind: string }) => b.kind === 'CHILD_PROTECTION')).toEqual({
      kind: 'CHILD_PROTECTION', fundCount: 1, freeCash: 0, earmarkedCash: 0, goods: 0, total: 0,
    });

    // 10 transactions in all (the transfer is one out and one in), newest first.
    expect(now.recentTransactions).toHaveLength(10);
    expect(now.recentTransactions[9].description).toBe('PT-2025-000001 Công ty TNHH Sông Hồng');
    expect(now.recentTransactions[0]).toMatchObject({ kind: 'DONATION', amount: 4_000_000, fundId: communeFund, occurredOn: today });
    expect(now.recentTransactions[1]).toMatchObject({ kind: 'DONATION_VOID', amount: -3_000_000, fundId: provinceFund });
    expect(now.recentTransactions.map((t: { kind: string }) => t.kind)).toContain('TRANSFER_OUT');
    // An eleventh: only the latest ten stay.
    await donate({ amount: 500_000, on: today });
    const after = (await dashboard(tokens.inspector!)).recentTransactions;
    expect(after).toHaveLength(10);
    expect(after[0]).toMatchObject({ kind: 'DONATION', amount: 500_000 });
    expect(after.map((t: { description: string }) => t.description)).not.toContain('PT-2025-000001 Công ty TNHH Sông Hồng');
  });

  it('are limited to the subtree of a commune user', async () => {
    await recordYear();
    const commune = await dashboard(tokens.commune!, last);
    expect(commune.monthly[7]).toEqual({ month: 8, receipts: 0, inKindReceipts: 0, disbursements: 0, transfersOut: 0, transfersIn: 1_000_000 });
    expect(commune.monthly[2].receipts).toBe(0);
    expect(commune.topDonors).toEqual([]);
    const now = await dashboard(tokens.commune!);
    expect(now.monthly[month - 1].receipts).toBe(4_000_000);
    expect(now.balances).toEqual([{ kind: 'GRATITUDE', fundCount: 1, freeCash: 5_000_000, earmarkedCash: 0, goods: 0, total: 5_000_000 }]);
    expect(now.topDonors).toEqual([expect.objectContaining({ rank: 1, name: 'Lê Thị Cúc', walkIn: true, amount: 4_000_000 })]);
    expect(now.recentTransactions.map((t: { fundId: string }) => t.fundId)).toEqual([communeFund, communeFund]);
    expect(now.pendingApprovals.disbursementsToApprove).toEqual({ count: 0, items: [] });
  });

  it('rejects a year out of range', async () => {
    expect(errorCode(await gql(server.graphqlUrl, DASHBOARD, { year: 1990 }, tokens.manager))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(server.graphqlUrl, DASHBOARD, {}))).toBe('UNAUTHENTICATED');
  });
});

describe('top donors', () => {
  it('rank by the year’s donations not voided; anonymous donors are one line, never named or identified', async () => {
    const { enterprise, anonymous } = await recordYear();
    const res = await gql(server.graphqlUrl, DASHBOARD, { year: last }, tokens.manager);
    const text = JSON.stringify(res);
    expect(text).not.toContain('Bí Mật');
    expect(text).not.toContain('0912345678');
    expect(res.data!.dashboard.topDonors).toEqual([
      { rank: 1, donorId: enterprise, name: 'Công ty TNHH Sông Hồng', donorType: 'ENTERPRISE', anonymous: false, walkIn: false, donationCount: 1, amount: 10_000_000 },
      // The anonymous donor record and the walk-in receipt written out to "ẩn danh", together.
      { rank: 2, donorId: null, name: 'Nhà hảo tâm ẩn danh', donorType: 'ANONYMOUS', anonymous: true, walkIn: false, donationCount: 2, amount: 6_000_000 },
      { rank: 3, donorId: null, name: 'Nguyễn Văn Bình', donorType: null, anonymous: false, walkIn: true, donationCount: 1, amount: 2_000_000 },
    ]);
    expect(text).not.toContain(`"donorId":"${anonymous}"`);
    // This year the walk-in's receipt was voided: only the commune's giver remains.
    const now = await dashboard(tokens.manager!);
    expect(now.topDonors.map((d: { name: string }) => d.name)).toEqual(['Lê Thị Cúc']);
  });
});

describe('pending approvals', () => {
  it('list what each user may do next: four eyes, payments, housing steps; nothing for an inspector', async () => {
    await donate({ amount: 50_000_000, on: today });
    const byOfficer = await submitted(1_000_000, tokens.officer!);
    const byManager = await submitted(2_000_000, tokens.manager!);
    const approved = await submitted(3_000_000, tokens.officer!);
    await call(step('approveDisbursement'), { id: approved }, tokens.manager2!);
    await draft(4_000_000, tokens.officer!); // a draft waits for nobody but its author
    const household = (await call(HOUSEHOLD, { unitId: communeUnit }, tokens.officer!)).createBeneficiaryHousehold.id;
    const grant = (await call(APPLY, { householdId: household }, tokens.officer!)).applyHousingGrant.id;

    const manager = (await dashboard(tokens.manager!)).pendingApprovals;
    expect(manager.disbursementsToApprove.count).toBe(1);
    expect(manager.disbursementsToApprove.items).toEqual([{ id: byOfficer, label: 'Bà Trần Thị Hoa — Hỗ trợ gia đình khó khăn', amount: 1_000_000, since: today }]);
    expect(manager.disbursementsToPay).toEqual({ count: 1, items: [expect.objectContaining({ id: approved, amount: 3_000_000 })] });
    expect(manager.housingToVerify).toBeNull();
    expect(manager.memorialToApprove).toBeNull();

    const manager2 = (await dashboard(tokens.manager2!)).pendingApprovals;
    expect(manager2.disbursementsToApprove.items.map((i: { id: string }) => i.id)).toEqual([byOfficer, byManager]);

    const officer = await dashboard(tokens.officer!);
    expect(officer.pendingApprovals.disbursementsToApprove).toBeNull();
    expect(officer.pendingApprovals.disbursementsToPay).toBeNull();
    expect(officer.pendingApprovals.housingToVerify).toEqual({ count: 1, items: [expect.objectContaining({ id: grant, since: '2024-03-01' })] });
    expect(officer.pendingApprovals.housingToVerify.items[0].label).toMatch(/^Vũ Văn Thương — /);
    expect(officer.pendingApprovals.housingToApprove).toEqual({ count: 0, items: [] });
    expect(officer.pendingApprovals.memorialToApprove).toEqual({ count: 0, items: [] });
    expect(officer.housing.find((h: { status: string }) => h.status === 'APPLIED')).toEqual({ status: 'APPLIED', count: 1, amount: 0 });

    const inspector = (await dashboard(tokens.inspector!)).pendingApprovals;
    expect(Object.values(inspector).every((group) => group === null)).toBe(true);
  });
});

describe('sections by permission', () => {
  it('answers the audit events to inspectors and admins only', async () => {
    await donate({ amount: 1_000_000, on: today });
    expect((await dashboard(tokens.manager!)).auditEvents).toBeNull();
    expect((await dashboard(tokens.officer!)).auditEvents).toBeNull();
    const inspector = await dashboard(tokens.inspector!);
    expect(inspector.auditEvents.map((e: { operation: string }) => e.operation)).toContain('createDonation');
    expect((await dashboard(tokens.admin!)).auditEvents.length).toBeGreaterThan(0);
    // Every role reads the funds and the programs: those sections are present for all.
    for (const token of Object.values(tokens)) {
      const d = await dashboard(token);
      for (const section of ['balances', 'monthly', 'housing', 'memorial', 'childSupport', 'topDonors', 'recentTransactions']) expect(d[section]).not.toBeNull();
    }
  });
});

describe('SQL statements', () => {
  async function statements(token: string): Promise<number> {
    executed.length = 0;
    counting = true;
    try {
      await dashboard(token);
    } finally {
      counting = false;
    }
    return executed.length;
  }
  async function addRecords(n: number): Promise<void> {
    for (let i = 0; i < n; i += 1) {
      await donate({ amount: 1_000_000 + i, on: today, donorName: `Nhà hảo tâm số ${i}-${randomUUID().slice(0, 4)}` });
      await submitted(10_000 + i, tokens.officer!);
    }
  }

  it('stay the same for 5 and for 50 records of each kind', async () => {
    await addRecords(5);
    const small = await statements(tokens.manager!);
    await addRecords(45);
    const large = await statements(tokens.manager!);
    expect(small).toBeGreaterThanOrEqual(10);
    expect(large).toBe(small);
    const d = await dashboard(tokens.manager!);
    expect(d.pendingApprovals.disbursementsToApprove.count).toBe(50);
    expect(d.pendingApprovals.disbursementsToApprove.items).toHaveLength(5);
    expect(d.topDonors).toHaveLength(10);
  });
});

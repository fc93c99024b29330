import { randomUUID } from 'node:crypto';
import { getNamedType, isNonNullType, type GraphQLField } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { todayVn } from '../../api/src/common/dates';
import { hasPermission, Permission, Role } from '../../api/src/common/permissions';
import { TokenService } from '../../api/src/modules/auth/token';
import { FundKind } from '../../api/src/modules/funds/fund.entity';
import { buildAppSchema } from '../../api/src/schema';
import { errorCode, gql, signIn, type GraphQLResponse } from '../support/graphql';
import { fundOf } from '../support/funds';
import { startTestServer, type TestServer } from '../support/server';

/**
 * IDOR: a commune user asking for another unit's record by id gets NOT_FOUND (never the record, never
 * FORBIDDEN, which would tell that it exists), for every single-record query of the schema
 * (`X(id: ID!)`, found by walking the schema, so a new type cannot be forgotten). One record of each
 * type is created in the neighbouring commune 13744 or at the province, and a province inspector
 * reads each of them (the control: the id is real). Also the other queries taking an id, a few
 * mutations on another unit's records, and list filters naming another unit's ids.
 */

/** Types no commune user can be kept from: listed with the reason (the walk fails on any other unlisted type). */
const NOT_SCOPED: Record<string, string> = {
  PolicyRate: 'national reference data (rates of Decisions and Decrees): every signed-in user reads the same rates',
};

const today = todayVn();
let server: TestServer;
const tokens: Record<string, string> = {};
const units: Record<string, string> = {};
/** Query name → the id of a record outside commune 13741. */
const outside: Record<string, string> = {};
/** A record of commune 13741 itself, per query, where cheap: the commune user does read these (the positive control). */
const inside: Record<string, string> = {};

const ok = <T extends GraphQLResponse>(res: T, what: string): T => {
  if (res.errors) throw new Error(`${what}: ${JSON.stringify(res.errors)}`);
  return res;
};
const sql = <T>(query: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(query, params);

async function as(who: string, query: string, variables: Record<string, unknown>, what: string) {
  return ok(await gql(server.graphqlUrl, query, variables, tokens[who]), what).data!;
}

beforeAll(async () => {
  server = await startTestServer();
  for (const email of ['admin', 'ketoan', 'canbo', 'thanhtra', 'xa13741']) tokens[email] = await signIn(server.graphqlUrl, `${email}@soquy.example`);
  for (const r of await sql<{ id: number; code: string }>("select id, code from administrative_unit where code in ('36', '13741', '13744', '13747')")) units[r.code] = String(r.id);
  const provinceFund = String((await fundOf(server.orm.em, '36')).id);
  const childFund = String((await fundOf(server.orm.em, '36', FundKind.CHILD_PROTECTION)).id);
  const communeFund = String((await fundOf(server.orm.em, '13744')).id);
  inside.Fund = String((await fundOf(server.orm.em, '13741')).id);
  inside.AdministrativeUnit = units['13741']!;

  // A commune inspector of 13741 (reads every type, users and the audit trail included).
  const password = 'Inspector-Password-2026';
  await as('admin', 'mutation($u: ID!, $p: String!) { createUser(email: "thanhtra.xa13741@soquy.example", fullName: "Đỗ Văn Soát", role: INSPECTOR, unitId: $u, password: $p) { id } }', { u: units['13741'], p: password }, 'commune inspector');
  tokens.communeInspector = await signIn(server.graphqlUrl, 'thanhtra.xa13741@soquy.example', password);

  const donate = 'mutation($f: ID!, $a: SafeInt!, $k: String!, $d: LocalDate!) { createDonation(fundId: $f, donorName: "Nhà hảo tâm", amount: $a, receivedOn: $d, method: CASH, idempotencyKey: $k) { id } }';
  await as('ketoan', donate, { f: provinceFund, a: 50_000_000, k: randomUUID(), d: today }, 'province donation');
  await as('ketoan', donate, { f: childFund, a: 50_000_000, k: randomUUID(), d: today }, 'child fund donation');
  outside.Donation = (await as('ketoan', donate, { f: communeFund, a: 1_000_000, k: randomUUID(), d: today }, 'commune 13744 donation')).createDonation.id;
  inside.Donation = (await as('xa13741', donate, { f: inside.Fund, a: 1_000_000, k: randomUUID(), d: today }, 'commune 13741 donation')).createDonation.id;
  outside.Fund = communeFund;
  outside.AdministrativeUnit = units['13744']!;
  outside.Donor = (await as('ketoan', 'mutation { createDonor(type: ENTERPRISE, name: "Công ty TNHH Sông Hồng", taxCode: "0600123456") { id } }', {}, 'donor')).createDonor.id;
  outside.Campaign = (
    await as('ketoan', 'mutation($f: ID!) { createCampaign(fundId: $f, name: "Tháng tri ân 27/7", startsOn: "2025-06-28", endsOn: "2025-07-27", target: 100000000) { id } }', { f: provinceFund }, 'campaign')
  ).createCampaign.id;
  outside.Pledge = (
    await as('ketoan', 'mutation($c: ID!, $d: ID!) { createPledge(campaignId: $c, donorId: $d, amount: 30000000, dueOn: "2025-07-15") { id } }', { c: outside.Campaign, d: outside.Donor }, 'pledge')
  ).createPledge.id;
  outside.Disbursement = (
    await as(
      'ketoan',
      'mutation($f: ID!, $k: String!) { createDisbursement(fundId: $f, amount: 2000000, category: HARDSHIP, payeeName: "Hộ bà Trần Thị Mơ", purpose: "Hỗ trợ hộ khó khăn", idempotencyKey: $k) { id } }',
      { f: provinceFund, k: randomUUID() },
      'disbursement',
    )
  ).createDisbursement.id;
  outside.BeneficiaryHousehold = (
    await as(
      'canbo',
      `mutation($u: ID!) { createBeneficiaryHousehold(personName: "Vũ Văn Thương", nationalId: "036052100001", meritCategoryCode: "WAR_INVALID", unitId: $u,
        address: "Xóm 3", householdSize: 4, houseCondition: DILAPIDATED) { id } }`,
      { u: units['13744'] },
      'household',
    )
  ).createBeneficiaryHousehold.id;
  outside.HousingGrant = (
    await as('canbo', 'mutation($h: ID!) { applyHousingGrant(householdId: $h, type: NEW_BUILD, program: DECISION_22_2013, appliedOn: "2025-03-01") { id } }', { h: outside.BeneficiaryHousehold }, 'housing grant')
  ).applyHousingGrant.id;
  outside.MemorialWork = (
    await as(
      'canbo',
      `mutation($u: ID!) { createMemorialWork(name: "Nhà bia ghi tên liệt sĩ", kind: NAME_STELE, scope: NEW, unitId: $u, approvedCost: 100000000,
        fundingLines: [{ source: LOCAL_BUDGET, amount: 100000000 }]) { id } }`,
      { u: units['13744'] },
      'memorial work',
    )
  ).createMemorialWork.id;
  outside.Child = (
    await as(
      'canbo',
      `mutation($u: ID!) { createChild(fullName: "Lê Thị Hoa", birthDate: "2016-03-02", gender: FEMALE, unitId: $u, circumstanceCode: "DISABLED",
        guardianName: "Trần Văn Bố", address: "Xóm 3") { id } }`,
      { u: units['13744'] },
      'child',
    )
  ).createChild.id;
  outside.GiftCampaign = (
    await as(
      'ketoan',
      `mutation($f: ID!, $u: ID!, $c: ID!, $d: LocalDate!, $k: String!) { createGiftCampaign(fundId: $f, name: "Quà Tết cho trẻ em", occasion: TET, giftDate: $d, form: CASH,
        amountPerChild: 500000, criteria: { unitIds: [$u] }, childIds: [$c], idempotencyKey: $k) { id } }`,
      { f: childFund, u: units['13744'], c: outside.Child, d: today, k: randomUUID() },
      'gift campaign',
    )
  ).createGiftCampaign.id;
  outside.Scholarship = (
    await as(
      'ketoan',
      'mutation($c: ID!, $f: ID!) { createScholarship(childId: $c, fundId: $f, schoolYear: "2025-2026", school: "Trường Tiểu học Giao Thủy", amountPerTerm: 1000000, terms: 2) { id } }',
      { c: outside.Child, f: childFund },
      'scholarship',
    )
  ).createScholarship.id;
  outside.SurgeryCase = (
    await as(
      'ketoan',
      'mutation($c: ID!, $f: ID!, $d: LocalDate!) { createSurgeryCase(childId: $c, fundId: $f, condition: CONGENITAL_HEART, hospital: "Bệnh viện Nhi Trung ương", totalCost: 120000000, referredOn: $d) { id } }',
      { c: outside.Child, f: childFund, d: today },
      'surgery case',
    )
  ).createSurgeryCase.id;
  outside.UnitSuccessionEvent = (
    await as(
      'admin',
      `mutation($p: ID!, $s: ID!) { createUnitSuccessionEvent(name: "Sáp nhập xã", legalBasis: "Nghị quyết 1674/NQ-UBTVQH15", effectiveOn: "2025-07-01",
        lines: [{ kind: ABSORBED, predecessorId: $p, successorId: $s }]) { id } }`,
      { p: units['13744'], s: units['13747'] },
      'succession event',
    )
  ).createUnitSuccessionEvent.id;
  outside.User = (
    await as(
      'admin',
      'mutation($u: ID!) { createUser(email: "ketoan.xa13744@soquy.example", fullName: "Ngô Thị Thu", role: FUND_MANAGER, unitId: $u, password: "Another-Password-2026") { id } }',
      { u: units['13744'] },
      'user',
    )
  ).createUser.id;
  inside.User = String((await sql<{ id: number }>("select id from app_user where email = 'xa13741@soquy.example'"))[0]!.id);
  const [communePath] = await sql<{ path: string }>('select path from administrative_unit where code = ?', ['13741']);
  outside.AuditEvent = String((await sql<{ id: number }>("select id from audit_event where unit_path not like ? and operation = 'createUser' order by id limit 1", [`${communePath!.path}%`]))[0]!.id);
  inside.AuditEvent = String((await sql<{ id: number }>('select id from audit_event where unit_path like ? order by id limit 1', [`${communePath!.path}%`]))[0]!.id);
  outside.PolicyRate = String((await sql<{ id: number }>('select id from policy_rate order by id limit 1'))[0]!.id);
}, 120_000);
afterAll(() => server.close());

/** Every `X(id: ID!)` query of the schema, with its permission. */
async function singleRecordQueries(): Promise<{ field: GraphQLField<unknown, unknown>; permission: Permission }[]> {
  const schema = await buildAppSchema(new TokenService('x'.repeat(32), 60));
  const storage = getMetadataStorage();
  return Object.values(schema.getQueryType()!.getFields())
    .filter((f) => f.args.length === 1 && f.args[0]!.name === 'id' && isNonNullType(f.args[0]!.type) && getNamedType(f.args[0]!.type).name === 'ID' && /^[A-Z]/.test(f.name))
    .map((field) => {
      const handler = storage.queries.find((q) => q.schemaName === field.name)!;
      const permission = storage.authorizedFields.find((a) => a.target === handler.target && a.fieldName === handler.methodName)!.roles[0] as Permission;
      return { field, permission };
    });
}

const byId = (name: string) => `query($id: ID!) { ${name}(id: $id) { id } }`;

describe('a record of another unit asked for by id', () => {
  it('answers NOT_FOUND to a commune user for every single-record query of the schema; a province inspector reads it', async () => {
    const queries = await singleRecordQueries();
    expect(queries.length).toBeGreaterThanOrEqual(18);
    const untested = queries.map((q) => q.field.name).filter((name) => !outside[name]);
    expect(untested).toEqual([]);
    const users = [
      { token: tokens.communeInspector!, role: Role.INSPECTOR },
      { token: tokens.xa13741!, role: Role.FUND_MANAGER },
    ];
    const outcomes: string[] = [];
    for (const { field, permission } of queries) {
      const id = outside[field.name]!;
      const province = await gql(server.graphqlUrl, byId(field.name), { id }, tokens.thanhtra);
      expect(`${field.name} ${province.data?.[field.name]?.id ?? errorCode(province)}`).toBe(`${field.name} ${id}`);
      for (const { token, role } of users) {
        const res = await gql(server.graphqlUrl, byId(field.name), { id }, token);
        const expected = !hasPermission(role, permission) ? 'FORBIDDEN' : NOT_SCOPED[field.name] ? id : 'NOT_FOUND';
        const got = res.data?.[field.name]?.id ?? errorCode(res);
        outcomes.push(`${field.name} as commune ${role}: ${got}`);
        expect(`${field.name} as commune ${role}: ${got}`).toBe(`${field.name} as commune ${role}: ${expected}`);
        if (got === 'NOT_FOUND') {
          // The answer names no detail of the record, only the id asked for.
          expect(res.errors![0]!.message).toMatch(/does not exist or is outside your administrative unit/);
          expect(res.data).toBeNull();
        }
      }
    }
    expect(outcomes.filter((o) => o.endsWith('NOT_FOUND')).length).toBeGreaterThanOrEqual(2 * (queries.length - Object.keys(NOT_SCOPED).length) - 4);
  });

  it('answers the commune user with its own records (the ids it may see are found)', async () => {
    for (const [name, id] of Object.entries(inside)) {
      const res = await gql(server.graphqlUrl, byId(name), { id }, tokens.communeInspector);
      expect(`${name} ${res.data?.[name]?.id ?? errorCode(res)}`).toBe(`${name} ${id}`);
    }
  });

  it('answers NOT_FOUND for the other queries taking an id of another unit', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['query($id: ID!) { administrativeUnitAncestors(id: $id) { id } }', { id: outside.AdministrativeUnit }],
      ['query($id: ID!) { unitSuccessionPreview(id: $id) { blockers { rule } } }', { id: outside.UnitSuccessionEvent }],
      ['query($id: ID!) { verifyLedger(fundId: $id) { ok } }', { id: outside.Fund }],
      ['query($id: ID!) { giftRecipients(filter: { campaignId: $id }) { id } }', { id: outside.GiftCampaign }],
      ['query($id: ID!, $from: LocalDate!) { fundStatement(input: { fundId: $id, from: $from, to: $from }) { __typename } }', { id: outside.Fund, from: today }],
    ];
    for (const [query, variables] of cases) {
      const res = await gql(server.graphqlUrl, query, variables, tokens.communeInspector);
      expect(`${query.slice(0, 48)} ${errorCode(res)}`).toBe(`${query.slice(0, 48)} NOT_FOUND`);
    }
  });

  it('answers NOT_FOUND to a commune manager acting on another unit’s records, and changes nothing', async () => {
    const before = await sql<{ n: number }>('select (select count(*) from audit_event)::int + (select count(*) from ledger_transaction)::int as n');
    const cases: [string, Record<string, unknown>][] = [
      ['mutation($id: ID!) { voidDonation(id: $id, reason: "Nhập nhầm số tiền") { id } }', { id: outside.Donation }],
      ['mutation($id: ID!) { submitDisbursement(id: $id) { id } }', { id: outside.Disbursement }],
      ['mutation($id: ID!) { cancelDisbursement(id: $id, reason: "Không còn nhu cầu") { id } }', { id: outside.Disbursement }],
      ['mutation($id: ID!) { updateDonor(id: $id, phone: "0912345678") { id } }', { id: outside.Donor }],
      ['mutation($id: ID!, $u: LocalDate!) { lockFundPeriod(id: $id, until: $u) { id } }', { id: outside.Fund, u: '2025-01-31' }],
      [
        'mutation($f: ID!, $k: String!) { createDonation(fundId: $f, donorName: "X", amount: 1000000, receivedOn: "2025-07-01", method: CASH, idempotencyKey: $k) { id } }',
        { f: outside.Fund, k: randomUUID() },
      ],
    ];
    for (const [query, variables] of cases) {
      const res = await gql(server.graphqlUrl, query, variables, tokens.xa13741);
      expect(`${query.slice(0, 40)} ${errorCode(res)}`).toBe(`${query.slice(0, 40)} NOT_FOUND`);
    }
    expect(await sql('select (select count(*) from audit_event)::int + (select count(*) from ledger_transaction)::int as n')).toEqual(before);
  });

  it('lists nothing of another unit when a filter names its ids', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['query($f: DonationFilter) { allDonations(filter: $f) { id } }', { f: { fundId: outside.Fund } }],
      ['query($f: DonationFilter) { allDonations(filter: $f) { id } }', { f: { unitId: units['13744'] } }],
      ['query($f: DonationFilter) { allDonations(filter: $f) { id } }', { f: { ids: [outside.Donation] } }],
      ['query($f: DisbursementFilter) { allDisbursements(filter: $f) { id } }', { f: { ids: [outside.Disbursement] } }],
      ['query($f: DisbursementFilter) { allDisbursements(filter: $f) { id } }', { f: { fundIds: [outside.Fund], unitId: units['36'] } }],
      ['query($f: FundFilter) { allFunds(filter: $f) { id } }', { f: { unitId: units['13744'] } }],
      ['query($f: UserFilter) { allUsers(filter: $f) { id } }', { f: { ids: [outside.User] } }],
      ['query($f: ChildFilter) { allChildren(filter: $f) { id } }', { f: { unitIds: [units['13744']] } }],
      ['query($f: AuditEventFilter) { allAuditEvents(filter: $f) { id } }', { f: { ids: [outside.AuditEvent] } }],
    ];
    for (const [query, variables] of cases) {
      const res = await gql(server.graphqlUrl, query, variables, tokens.communeInspector);
      const rows = res.errors ? errorCode(res) : Object.values(res.data!)[0];
      expect(`${query.slice(0, 40)} ${JSON.stringify(rows)}`).toBe(`${query.slice(0, 40)} []`);
    }
  });
});

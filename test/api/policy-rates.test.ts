import { AdministrativeUnit } from '../../api/src/modules/units/unit.entity';
import { seedDemo } from '../../api/src/seed/demo';
import { seededPolicyRates } from '../../api/src/seed/policy-rates';
import { resetDatabase } from '../support/database';
import { errorCode, gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

const SEEDED = seededPolicyRates.length;
const ENDED = seededPolicyRates.filter((r) => r.effectiveTo).length;

/*
 * Policy rates (định mức) by date, their revision by ADMIN with history, the database guards, and
 * approvals reading the rate in force on their date. The revision tests also guard against the
 * regression fixed in 3cde968: the new row was inserted before the previous one was ended, and the
 * overlap guard refused every revision of a rate still in force (INTERNAL_SERVER_ERROR).
 */

const RATES = `query($f: PolicyRateFilter) {
  allPolicyRates(filter: $f, perPage: 100) { id code amount percent unit effectiveFrom effectiveTo toBeConfirmed legalBasis }
  _allPolicyRatesMeta(filter: $f) { count }
}`;
const REVISE = `mutation($code: String!, $amount: SafeInt, $percent: Float, $effectiveFrom: LocalDate!, $effectiveTo: LocalDate, $legalBasis: String!, $reason: String!, $toBeConfirmed: Boolean) {
  revisePolicyRate(code: $code, amount: $amount, percent: $percent, effectiveFrom: $effectiveFrom, effectiveTo: $effectiveTo, legalBasis: $legalBasis, reason: $reason, toBeConfirmed: $toBeConfirmed) {
    id code amount percent unit effectiveFrom effectiveTo legalBasis reason toBeConfirmed supersedesId createdByName
    history { id amount effectiveFrom effectiveTo reason createdByName }
  }
}`;
const HOUSEHOLD = `mutation($nationalId: String!, $unitId: ID!) {
  createBeneficiaryHousehold(personName: "Đỗ Văn Chính", nationalId: $nationalId, meritCategoryCode: "WAR_INVALID", unitId: $unitId, address: "Xóm 2, thị trấn Gôi",
    householdSize: 3, houseCondition: DILAPIDATED) { id }
}`;
const APPLY = `mutation($householdId: ID!, $type: HousingGrantType!, $program: HousingProgram!, $appliedOn: LocalDate!) {
  applyHousingGrant(householdId: $householdId, type: $type, program: $program, appliedOn: $appliedOn) { id status }
}`;
const VERIFY = 'mutation($id: ID!, $occurredOn: LocalDate!) { verifyHousingGrant(id: $id, occurredOn: $occurredOn, document: "XN-01/UBND") { id status } }';
const APPROVE = `mutation($id: ID!, $approvedOn: LocalDate!, $lines: [FundingLineInput!]!) {
  approveHousingGrant(id: $id, approvedOn: $approvedOn, decisionNumber: "QĐ 15/QĐ-UBND", fundingLines: $lines) { id status amount approvedOn }
}`;
const GRANT = 'query($id: ID!) { HousingGrant(id: $id) { id status amount approvedOn } }';

let server: TestServer;
let admin: string;
let officer: string;
let commune: string;
let householdSeq = 0;

beforeAll(async () => {
  server = await startTestServer();
  commune = String((await server.orm.em.fork().findOneOrFail(AdministrativeUnit, { code: '13741' })).id);
});
afterAll(() => server.close());
beforeEach(async () => {
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  [admin, officer] = await Promise.all(['admin@soquy.example', 'canbo@soquy.example'].map((e) => signIn(server.graphqlUrl, e)));
});

const rates = async (filter: Record<string, unknown>, token = officer) => {
  const res = await gql(server.graphqlUrl, RATES, { f: filter }, token);
  expect(res.errors).toBeUndefined();
  return res.data!;
};
const revise = (vars: Record<string, unknown>, token = admin) =>
  gql(server.graphqlUrl, REVISE, { code: 'HOUSING_NEW', effectiveFrom: '2025-07-01', legalBasis: 'Quyết định 99/2025/QĐ-TTg (giả định)', reason: 'Điều chỉnh mức hỗ trợ theo quyết định mới', ...vars }, token);
const rateCount = async () => Number((await server.orm.em.getConnection().execute('select count(*) as n from policy_rate'))[0].n);

/** A household of commune 13741 with a grant of `type` taken to VERIFIED; returns the grant id. */
async function verifiedGrant(type = 'NEW_BUILD', appliedOn = '2024-01-10'): Promise<string> {
  householdSeq += 1;
  const household = await gql(server.graphqlUrl, HOUSEHOLD, { nationalId: `036052${String(300000 + householdSeq)}`, unitId: commune }, officer);
  expect(household.errors).toBeUndefined();
  const applied = await gql(server.graphqlUrl, APPLY, { householdId: household.data!.createBeneficiaryHousehold.id, type, program: 'DECREE_131_2021', appliedOn }, officer);
  expect(applied.errors).toBeUndefined();
  const id = applied.data!.applyHousingGrant.id as string;
  expect((await gql(server.graphqlUrl, VERIFY, { id, occurredOn: appliedOn }, officer)).data!.verifyHousingGrant.status).toBe('VERIFIED');
  return id;
}
const approve = (id: string, approvedOn: string, amount: number) => gql(server.graphqlUrl, APPROVE, { id, approvedOn, lines: [{ source: 'CENTRAL_BUDGET', amount }] }, officer);

describe('policy rates in force by date (định mức)', () => {
  it('answers the housing rate in force on a date, with its legal basis and whether it is to be confirmed', async () => {
    const before = await rates({ code: 'HOUSING_NEW', inForceOn: '2024-12-31' });
    expect(before.allPolicyRates).toEqual([
      expect.objectContaining({ code: 'HOUSING_NEW', amount: 40_000_000, unit: 'VND', percent: null, effectiveFrom: '2013-06-01', effectiveTo: '2024-12-31', toBeConfirmed: false, legalBasis: expect.stringContaining('22/2013/QĐ-TTg') }),
    ]);
    const after = await rates({ code: 'HOUSING_NEW', inForceOn: '2025-01-01' });
    expect(after.allPolicyRates).toEqual([expect.objectContaining({ amount: 60_000_000, effectiveFrom: '2025-01-01', effectiveTo: null, toBeConfirmed: true })]);
    expect((await rates({ code: 'HOUSING_REPAIR', inForceOn: '2024-06-30' })).allPolicyRates).toEqual([expect.objectContaining({ amount: 20_000_000 })]);
    expect((await rates({ code: 'HOUSING_NEW', inForceOn: '2013-05-31' })).allPolicyRates).toEqual([]);
    const tranche = await rates({ code: 'HOUSING_FIRST_TRANCHE', inForceOn: '2020-01-01' });
    expect(tranche.allPolicyRates).toEqual([expect.objectContaining({ unit: 'PERCENT', percent: 60, amount: null })]);
  });

  it('filters the rates in force today (current) and the others', async () => {
    const current = await rates({ code: 'HOUSING_NEW', current: true });
    expect(current.allPolicyRates.map((r: { amount: number }) => r.amount)).toEqual([60_000_000]);
    const past = await rates({ code: 'HOUSING_NEW', current: false });
    expect(past.allPolicyRates.map((r: { amount: number }) => r.amount)).toEqual([40_000_000]);
    // The seeded rates: the 2013 housing rates (new build, repair) ended in 2024, the others are in force.
    expect(ENDED).toBe(2);
    expect((await rates({}))._allPolicyRatesMeta.count).toBe(SEEDED);
    expect((await rates({ current: true }))._allPolicyRatesMeta.count).toBe(SEEDED - ENDED);
    expect((await rates({ current: false }))._allPolicyRatesMeta.count).toBe(ENDED);
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    expect((await rates({ current: true }, inspector))._allPolicyRatesMeta.count).toBe(SEEDED - ENDED);
  });
});

describe('revising a rate (ADMIN)', () => {
  it('adds a row from a date, ends the previous one the day before, and keeps the history newest first', async () => {
    const [previous] = (await rates({ code: 'HOUSING_NEW', inForceOn: '2025-01-01' })).allPolicyRates;
    const res = await revise({ amount: 70_000_000 });
    expect(res.errors).toBeUndefined();
    const revised = res.data!.revisePolicyRate;
    expect(revised).toMatchObject({
      code: 'HOUSING_NEW',
      amount: 70_000_000,
      percent: null,
      unit: 'VND',
      effectiveFrom: '2025-07-01',
      effectiveTo: null,
      legalBasis: 'Quyết định 99/2025/QĐ-TTg (giả định)',
      reason: 'Điều chỉnh mức hỗ trợ theo quyết định mới',
      toBeConfirmed: false,
      supersedesId: previous.id,
      createdByName: 'Nguyễn Văn Quản',
    });
    expect(revised.id).not.toBe(previous.id);
    expect(revised.history).toEqual([
      { id: revised.id, amount: 70_000_000, effectiveFrom: '2025-07-01', effectiveTo: null, reason: 'Điều chỉnh mức hỗ trợ theo quyết định mới', createdByName: 'Nguyễn Văn Quản' },
      { id: previous.id, amount: 60_000_000, effectiveFrom: '2025-01-01', effectiveTo: '2025-06-30', reason: null, createdByName: null },
      expect.objectContaining({ amount: 40_000_000, effectiveFrom: '2013-06-01', effectiveTo: '2024-12-31' }),
    ]);
    expect(await rateCount()).toBe(SEEDED + 1);
    expect((await rates({ code: 'HOUSING_NEW', inForceOn: '2025-06-30' })).allPolicyRates).toEqual([expect.objectContaining({ amount: 60_000_000 })]);
    expect((await rates({ code: 'HOUSING_NEW', inForceOn: '2025-07-01' })).allPolicyRates).toEqual([expect.objectContaining({ amount: 70_000_000 })]);
    expect((await rates({ code: 'HOUSING_NEW', current: true })).allPolicyRates).toEqual([expect.objectContaining({ amount: 70_000_000 })]);
  });

  it('revises a percentage rate with percent', async () => {
    // An explicit null amount is an absent one.
    const res = await revise({ code: 'HOUSING_FIRST_TRANCHE', percent: 50, amount: null, effectiveFrom: '2026-01-01', reason: 'Giảm tỷ lệ tạm ứng đợt đầu' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.revisePolicyRate).toMatchObject({ unit: 'PERCENT', percent: 50, amount: null, effectiveFrom: '2026-01-01' });
    expect(res.data!.revisePolicyRate.history.map((r: { effectiveTo: string | null }) => r.effectiveTo)).toEqual([null, '2025-12-31']);
  });

  it.each([
    ['a revision starting on the latest start', { amount: 70_000_000, effectiveFrom: '2025-01-01' }, 'CONFLICT'],
    ['a revision starting before the latest start', { amount: 70_000_000, effectiveFrom: '2024-06-01' }, 'CONFLICT'],
    ['a percent for an amount in đồng', { percent: 50 }, 'BAD_USER_INPUT'],
    ['both an amount and a percent', { amount: 70_000_000, percent: 50 }, 'BAD_USER_INPUT'],
    ['no amount for an amount in đồng', {}, 'BAD_USER_INPUT'],
    ['an amount for a percentage', { code: 'HOUSING_FIRST_TRANCHE', amount: 50 }, 'BAD_USER_INPUT'],
    ['an unknown code', { code: 'HOUSING_PALACE', amount: 70_000_000 }, 'BAD_USER_INPUT'],
    ['an end before the start', { amount: 70_000_000, effectiveTo: '2025-06-01' }, 'BAD_USER_INPUT'],
    ['a zero amount', { amount: 0 }, 'BAD_USER_INPUT'],
    ['a reason too short', { amount: 70_000_000, reason: 'x' }, 'BAD_USER_INPUT'],
  ])('refuses %s, writing nothing', async (_what, vars, code) => {
    const res = await revise(vars);
    expect(errorCode(res)).toBe(code);
    expect(await rateCount()).toBe(SEEDED);
    const [current] = (await rates({ code: 'HOUSING_NEW', current: true })).allPolicyRates;
    expect(current).toMatchObject({ amount: 60_000_000, effectiveTo: null });
  });

  it('names the latest rate in a CONFLICT', async () => {
    const [latest] = (await rates({ code: 'HOUSING_NEW', current: true })).allPolicyRates;
    const res = await revise({ amount: 70_000_000, effectiveFrom: '2024-06-01' });
    expect(res.errors![0]!.extensions!.existingId).toBe(latest.id);
    expect(res.errors![0]!.message).toMatch(/2025-01-01/);
  });

  it.each(['ketoan@soquy.example', 'canbo@soquy.example', 'thanhtra@soquy.example', 'xa13741@soquy.example'])('refuses a revision by %s (not ADMIN): FORBIDDEN', async (email) => {
    const token = await signIn(server.graphqlUrl, email);
    expect(errorCode(await revise({ amount: 70_000_000 }, token))).toBe('FORBIDDEN');
    expect(await rateCount()).toBe(SEEDED);
  });
});

describe('the database keeps rates as history', () => {
  const conn = () => server.orm.em.getConnection();

  it('refuses changing an amount, deleting a rate, and overlapping periods of one code', async () => {
    await expect(conn().execute("update policy_rate set amount = 45000000 where code = 'HOUSING_NEW' and effective_from = '2013-06-01'")).rejects.toThrow(/keeps its values/);
    await expect(conn().execute("update policy_rate set legal_basis = 'khác' where code = 'HOUSING_REPAIR'")).rejects.toThrow(/keeps its values/);
    await expect(conn().execute("delete from policy_rate where code = 'HOUSING_NEW'")).rejects.toThrow(/cannot be deleted/);
    await expect(
      conn().execute("insert into policy_rate (code, name, unit, amount, effective_from, legal_basis) values ('HOUSING_NEW', 'Chồng lấn', 'VND', 50000000, '2024-06-01', 'Không có căn cứ')"),
    ).rejects.toThrow(/overlaps/);
    await expect(conn().execute("update policy_rate set effective_to = '2025-03-01' where code = 'HOUSING_NEW' and effective_from = '2013-06-01'")).rejects.toThrow(/overlaps/);
    const rows: { amount: string; effective_to: string | null }[] = await conn().execute(
      "select amount::text as amount, effective_to::text as effective_to from policy_rate where code = 'HOUSING_NEW' order by effective_from",
    );
    expect(rows).toEqual([
      { amount: '40000000', effective_to: '2024-12-31' },
      { amount: '60000000', effective_to: null },
    ]);
    expect(await rateCount()).toBe(SEEDED);
  });
});

describe('approvals read the rate in force on the approval date', () => {
  it('gives a grant approved after a revision the new amount; one approved before keeps its own', async () => {
    const early = await verifiedGrant('NEW_BUILD', '2025-02-01');
    expect((await approve(early, '2025-03-01', 60_000_000)).data!.approveHousingGrant).toMatchObject({ status: 'APPROVED', amount: 60_000_000 });
    expect((await revise({ amount: 70_000_000 })).errors).toBeUndefined();

    const later = await verifiedGrant('NEW_BUILD', '2025-02-01');
    const approvedLater = await approve(later, '2025-08-01', 70_000_000);
    expect(approvedLater.errors).toBeUndefined();
    expect(approvedLater.data!.approveHousingGrant).toMatchObject({ status: 'APPROVED', amount: 70_000_000, approvedOn: '2025-08-01' });

    // Dated before the revision, a grant approved now still gets the rate of its date, and is held to it.
    const backdated = await verifiedGrant('NEW_BUILD', '2025-02-01');
    const over = await approve(backdated, '2025-06-30', 70_000_000);
    expect(errorCode(over)).toBe('POLICY_LIMIT');
    expect(over.errors![0]!.extensions).toMatchObject({ rule: 'HOUSING_NEW', limit: 60_000_000 });
    expect((await approve(backdated, '2025-06-30', 60_000_000)).data!.approveHousingGrant.amount).toBe(60_000_000);

    expect((await gql(server.graphqlUrl, GRANT, { id: early }, officer)).data!.HousingGrant).toMatchObject({ amount: 60_000_000, approvedOn: '2025-03-01' });
    const [row] = await server.orm.em.getConnection().execute('select r.amount::text as amount from housing_grant g join policy_rate r on r.id = g.rate_id where g.id = ?', [early]);
    expect(row.amount).toBe('60000000');
  });

  it('a 2024 approval gives the Decision 22/2013 amounts', async () => {
    const build = await verifiedGrant('NEW_BUILD');
    expect((await approve(build, '2024-12-31', 40_000_000)).data!.approveHousingGrant.amount).toBe(40_000_000);
    const repair = await verifiedGrant('REPAIR');
    expect((await approve(repair, '2024-03-01', 20_000_000)).data!.approveHousingGrant.amount).toBe(20_000_000);
  });
});

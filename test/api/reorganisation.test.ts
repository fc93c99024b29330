import { randomUUID } from 'node:crypto';
import { Fund, FundKind } from '../../api/src/modules/funds/fund.entity';
import { AdministrativeUnit, UnitLevel } from '../../api/src/modules/units/unit.entity';
import { Role } from '../../api/src/common/permissions';
import { createUserRecord } from '../../api/src/modules/users/user.service';
import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { errorCode, gql, ok, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

/*
 * Reorganisation of administrative units (succession events): a small district of our own with two
 * communes under the province (codes 99…, removed after each test: units are reference data that
 * the other test files of the worker share).
 */

const EVENT_FIELDS = 'id name status effectiveOn legalBasis appliedAt permissions { apply } lines { kind predecessorId successorId newUnitCode position }';
const CREATE = `mutation($name: String!, $legalBasis: String!, $effectiveOn: LocalDate!, $lines: [SuccessionLineInput!]!, $newUnits: [NewUnitInput!]) {
  createUnitSuccessionEvent(name: $name, legalBasis: $legalBasis, effectiveOn: $effectiveOn, lines: $lines, newUnits: $newUnits) { ${EVENT_FIELDS} }
}`;
const APPLY = `mutation($id: ID!) { applyUnitSuccessionEvent(id: $id) { ${EVENT_FIELDS} } }`;
const PREVIEW = `query($id: ID!) { unitSuccessionPreview(id: $id) {
  unitsEnding { unitId nameWithType toUnitId toUnitName } unitsReparented { unitId toUnitId fromParentName } unitsCreated { code nameWithType }
  fundsClosing { fundId fundName freeCash earmarkedCash goods successorFundId successorFundName createsSuccessorFund }
  users { id label } housingGrants { id } memorialWorks { id } blockers { rule message recordType recordId } } }`;
const DONATE = `mutation($f: ID!, $a: SafeInt!, $d: LocalDate!, $m: DonationMethod!, $e: ProgramCategory, $desc: String, $k: String!) {
  createDonation(fundId: $f, donorName: "Nhà hảo tâm", amount: $a, receivedOn: $d, method: $m, earmark: $e, inKindDescription: $desc, idempotencyKey: $k) { id } }`;
const VERIFY = 'query($id: ID!) { verifyLedger(fundId: $id) { ok transactionsChecked } }';
const UNITS = 'query($f: AdministrativeUnitFilter) { allAdministrativeUnits(filter: $f, perPage: 500) { id code validTo successorId parentId } }';
const DRAFT = `mutation($fundId: ID!, $amount: SafeInt!, $k: String!) {
  createDisbursement(fundId: $fundId, amount: $amount, category: HARDSHIP, payeeName: "Hộ bà Trần Thị Mơ", purpose: "Hỗ trợ hộ khó khăn", idempotencyKey: $k) { id status } }`;
const MEMORIAL = `mutation($unitId: ID!, $lines: [FundingLineInput!]!) {
  createMemorialWork(name: "Nhà bia ghi tên liệt sĩ", kind: NAME_STELE, scope: NEW, unitId: $unitId, approvedCost: 100000000, fundingLines: $lines,
    location: "Trung tâm huyện", contractor: "Công ty Xây dựng Thành Nam") { id status unitId fundLinesTotal fundingLines { fundId amount carriedFromId } } }`;
const WORK = 'query($id: ID!) { MemorialWork(id: $id) { id unitId status fundLinesTotal fundingLines { fundId amount carriedFromId } events { action } } }';
const HOUSEHOLD = `mutation($unitId: ID!, $n: String!) { createBeneficiaryHousehold(personName: "Vũ Văn Thương", nationalId: $n, meritCategoryCode: "WAR_INVALID", unitId: $unitId,
  address: "Xóm 3", householdSize: 4, houseCondition: DILAPIDATED) { id } }`;
const APPLY_GRANT = `mutation($householdId: ID!) { applyHousingGrant(householdId: $householdId, type: NEW_BUILD, program: DECISION_22_2013, appliedOn: "2025-03-01",
  description: "Nhà cấp 4 xuống cấp") { id unitId } }`;
const HOUSING_REPORT = 'query($v: UnitView) { housingReport(groupBy: [COMMUNE], unitView: $v) { communeId communeName count } }';

let server: TestServer;
let admin: string;
let manager: string;
let officer: string;
let province: AdministrativeUnit;
const EFFECTIVE = '2025-07-01';
const CLOSING = '2025-06-30';

const conn = () => server.orm.em.getConnection();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of ad-hoc SQL checks
const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) => conn().execute<T[]>(query, params);

interface Fixture {
  district: AdministrativeUnit;
  communes: AdministrativeUnit[];
  funds: Record<string, Fund>;
}

/** A district 99001 with communes 99101 and 99102 under the province, each with its Gratitude fund. */
async function fixture(): Promise<Fixture> {
  const em = server.orm.em.fork();
  const p = await em.findOneOrFail(AdministrativeUnit, { code: '36' });
  const district = em.create(AdministrativeUnit, { code: '99001', name: 'Thử Nghiệm', nameWithType: 'Huyện Thử Nghiệm', type: 'huyen', level: UnitLevel.DISTRICT, parent: p });
  await em.flush();
  const communes = ['99101', '99102'].map((code, i) =>
    em.create(AdministrativeUnit, { code, name: `Thử ${i + 1}`, nameWithType: `Xã Thử ${i + 1}`, type: 'xa', level: UnitLevel.COMMUNE, parent: district }),
  );
  await em.flush();
  const funds: Record<string, Fund> = {};
  for (const unit of [district, ...communes]) funds[unit.code] = em.create(Fund, { kind: FundKind.GRATITUDE, unit, name: `Quỹ Đền ơn đáp nghĩa ${unit.nameWithType}` });
  await em.flush();
  for (const unit of [district, ...communes]) await em.refresh(unit);
  return { district, communes, funds };
}

async function removeFixtureUnits(): Promise<void> {
  await resetDatabase(server.orm);
  await sql("update administrative_unit set successor_id = null where code like '99%'");
  const rows = await sql<{ id: number }>("select id from administrative_unit where code like '99%' order by length(path) desc, id");
  for (const r of rows) await sql('delete from administrative_unit where id = ?', [r.id]);
}

beforeAll(async () => {
  server = await startTestServer();
  province = await server.orm.em.fork().findOneOrFail(AdministrativeUnit, { code: '36' });
});
afterAll(async () => {
  await removeFixtureUnits();
  await server.close();
});
beforeEach(async () => {
  await removeFixtureUnits();
  await seedDemo(server.orm.em.fork(), { activity: false });
  [admin, manager, officer] = await Promise.all(['admin@soquy.example', 'ketoan@soquy.example', 'canbo@soquy.example'].map((e) => signIn(server.graphqlUrl, e)));
});

const donate = (fundId: number, amount: number, vars: Record<string, unknown> = {}) =>
  gql(server.graphqlUrl, DONATE, { f: String(fundId), a: amount, d: '2025-03-01', m: 'CASH', k: randomUUID(), ...vars }, manager);
const createEvent = (vars: Record<string, unknown>, token = admin) =>
  gql(server.graphqlUrl, CREATE, { name: 'Sắp xếp đơn vị hành chính cấp huyện', legalBasis: 'Nghị quyết 1674/NQ-UBTVQH15 ngày 16/6/2025', effectiveOn: EFFECTIVE, ...vars }, token);
const abolition = (f: Fixture) => [{ kind: 'ABSORBED', predecessorId: String(f.district.id), successorId: String(province.id) }];
const balances = (fundId: number) =>
  sql<{ code: string; purpose: string | null; balance: string }>("select code, purpose, balance from ledger_account where fund_id = ? and code in ('CASH', 'GOODS') order by code, coalesce(purpose, '')", [fundId]).then(
    (rows) => Object.fromEntries(rows.map((r) => [`${r.code}|${r.purpose ?? ''}`, Number(r.balance)])),
  );
const ledgerRows = (fundId: number) =>
  sql("select t.id, t.seq, t.kind, t.occurred_on::text, t.hash, t.prev_hash, e.amount, e.account_id from ledger_transaction t join ledger_entry e on e.transaction_id = t.id where t.fund_id = ? order by t.seq, e.id", [fundId]);

describe('abolishing a district (its fund closed into the province fund)', () => {
  it('moves each part by purpose, closes the fund, keeps the history, moves users, projects and paths', async () => {
    const f = await fixture();
    const districtFund = f.funds['99001']!;
    const provinceFund = await server.orm.em.fork().findOneOrFail(Fund, { kind: FundKind.GRATITUDE, unit: province.id });
    ok(await donate(districtFund.id, 5_000_000));
    ok(await donate(districtFund.id, 3_000_000, { e: 'HOUSING_NEW' }));
    ok(await donate(districtFund.id, 2_000_000, { m: 'IN_KIND', desc: '20 bao gạo' }));
    ok(await donate(provinceFund.id, 1_000_000));
    const provinceBefore = await balances(provinceFund.id);
    const historyBefore = await ledgerRows(districtFund.id);
    const provinceHistoryBefore = await ledgerRows(provinceFund.id);

    const em = server.orm.em.fork();
    await createUserRecord(em, { email: 'huyen@soquy.example', fullName: 'Cán bộ huyện', role: Role.FUND_MANAGER, unit: em.getReference(AdministrativeUnit, f.district.id) as never, password: 'SoQuy@2025' });
    await em.flush();
    const districtUser = await signIn(server.graphqlUrl, 'huyen@soquy.example');
    // A memorial work of the district, paid from the district's fund; a grant of a commune paid from it too.
    const work = ok(await gql(server.graphqlUrl, MEMORIAL, { unitId: String(f.district.id), lines: [{ source: 'FUND', fundId: String(districtFund.id), amount: 4_000_000 }, { source: 'LOCAL_BUDGET', amount: 96_000_000 }] }, officer)).data!.createMemorialWork;
    const householdId = ok(await gql(server.graphqlUrl, HOUSEHOLD, { unitId: String(f.communes[0]!.id), n: '036052123456' }, officer)).data!.createBeneficiaryHousehold.id;
    const grant = ok(await gql(server.graphqlUrl, APPLY_GRANT, { householdId }, officer)).data!.applyHousingGrant;

    const event = ok(await createEvent({ lines: abolition(f) })).data!.createUnitSuccessionEvent;
    expect(event).toMatchObject({ status: 'DRAFT', permissions: { apply: true } });
    const preview = ok(await gql(server.graphqlUrl, PREVIEW, { id: event.id }, admin)).data!.unitSuccessionPreview;
    expect(preview.blockers).toEqual([]);
    expect(preview.unitsEnding).toEqual([{ unitId: String(f.district.id), nameWithType: 'Huyện Thử Nghiệm', toUnitId: String(province.id), toUnitName: province.nameWithType }]);
    expect(preview.unitsReparented.map((u: { unitId: string }) => u.unitId).sort()).toEqual(f.communes.map((c) => String(c.id)).sort());
    expect(preview.fundsClosing).toEqual([
      expect.objectContaining({ fundId: String(districtFund.id), freeCash: 5_000_000, earmarkedCash: 3_000_000, goods: 2_000_000, successorFundId: String(provinceFund.id), createsSuccessorFund: false }),
    ]);
    expect(preview.users.map((u: { label: string }) => u.label)).toEqual(['Cán bộ huyện (huyen@soquy.example)']);
    expect(preview.memorialWorks.map((w: { id: string }) => w.id)).toEqual([work.id]);
    expect(preview.housingGrants).toEqual([]); // the grant belongs to a commune, which continues

    const applied = ok(await gql(server.graphqlUrl, APPLY, { id: event.id }, admin)).data!.applyUnitSuccessionEvent;
    expect(applied).toMatchObject({ status: 'APPLIED', permissions: { apply: false } });

    // Each part by purpose, exactly; the district fund holds nothing.
    expect(await balances(districtFund.id)).toEqual({ 'CASH|': 0, 'CASH|HOUSING_NEW': 0, 'GOODS|': 0 });
    const provinceAfter = await balances(provinceFund.id);
    expect(provinceAfter['CASH|']).toBe(provinceBefore['CASH|']! + 5_000_000);
    expect(provinceAfter['CASH|HOUSING_NEW']).toBe((provinceBefore['CASH|HOUSING_NEW'] ?? 0) + 3_000_000);
    expect(provinceAfter['GOODS|']).toBe((provinceBefore['GOODS|'] ?? 0) + 2_000_000);
    const [closed] = await sql('select closed_on::text, successor_id from fund where id = ?', [districtFund.id]);
    expect(closed).toEqual({ closed_on: CLOSING, successor_id: provinceFund.id });
    const transfers = await sql("select fund_id, kind, occurred_on::text, source_type, source_id from ledger_transaction where source_type = 'unitSuccessionEvent' order by id");
    expect(transfers).toEqual([
      { fund_id: districtFund.id, kind: 'SUCCESSION_TRANSFER_OUT', occurred_on: CLOSING, source_type: 'unitSuccessionEvent', source_id: String(event.id) },
      { fund_id: provinceFund.id, kind: 'SUCCESSION_TRANSFER_IN', occurred_on: CLOSING, source_type: 'unitSuccessionEvent', source_id: String(event.id) },
    ]);
    for (const id of [districtFund.id, provinceFund.id]) expect(ok(await gql(server.graphqlUrl, VERIFY, { id: String(id) }, admin)).data!.verifyLedger.ok).toBe(true);
    // The history before the date is untouched.
    expect((await ledgerRows(districtFund.id)).slice(0, historyBefore.length)).toEqual(historyBefore);
    expect((await ledgerRows(provinceFund.id)).slice(0, provinceHistoryBefore.length)).toEqual(provinceHistoryBefore);

    // Units: the district ends, the communes follow the province, their paths updated.
    const units = await sql<{ code: string; valid_to: string | null; successor_id: number | null; parent_id: number; path: string }>(
      "select code, valid_to::text, successor_id, parent_id, path from administrative_unit where code like '99%' order by code",
    );
    expect(units).toEqual([
      { code: '99001', valid_to: CLOSING, successor_id: province.id, parent_id: province.id, path: `/${province.id}/${f.district.id}/` },
      { code: '99101', valid_to: null, successor_id: null, parent_id: province.id, path: `/${province.id}/${f.communes[0]!.id}/` },
      { code: '99102', valid_to: null, successor_id: null, parent_id: province.id, path: `/${province.id}/${f.communes[1]!.id}/` },
    ]);
    const [mapped] = await sql('select unit_current_id(?) as id', [f.district.id]);
    expect(Number(mapped.id)).toBe(province.id);

    // The district's user now works at the province, and sees its scope.
    const [user] = await sql("select unit_id from app_user where email = 'huyen@soquy.example'");
    expect(user.unit_id).toBe(province.id);
    const seen = ok(await gql(server.graphqlUrl, 'query { _allAdministrativeUnitsMeta { count } }', {}, districtUser)).data!._allAdministrativeUnitsMeta.count;
    expect(seen).toBeGreaterThan(200);

    // The open work moved with its unit; its fund line carried over to the province fund, its total unchanged.
    const movedWork = ok(await gql(server.graphqlUrl, WORK, { id: work.id }, officer)).data!.MemorialWork;
    expect(movedWork.unitId).toBe(String(province.id));
    expect(movedWork.fundLinesTotal).toBe(4_000_000);
    expect(movedWork.fundingLines).toEqual([
      { fundId: String(districtFund.id), amount: 4_000_000, carriedFromId: null },
      { fundId: null, amount: 96_000_000, carriedFromId: null },
      expect.objectContaining({ fundId: String(provinceFund.id), amount: 4_000_000 }),
    ]);
    expect(movedWork.events.map((e: { action: string }) => e.action)).toContain('reorganise');
    // The commune's grant keeps its unit.
    const [g] = await sql('select unit_id from housing_grant where id = ?', [grant.id]);
    expect(g.unit_id).toBe(f.communes[0]!.id);

    // Nothing more on the closed fund: the services refuse, and so does the database.
    const refused = await donate(districtFund.id, 100_000, { d: '2025-07-02' });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.rule).toBe('FUND_CLOSED');
    expect(errorCode(await gql(server.graphqlUrl, DRAFT, { fundId: String(districtFund.id), amount: 100_000, k: randomUUID() }, officer))).toBe('BAD_USER_INPUT');
    await expect(
      sql("insert into ledger_transaction (fund_id, seq, kind, occurred_on, description, source_type, source_id, hash) values (?, 99, 'DONATION', '2025-07-02', 'x', 'test', 1, 'x')", [districtFund.id]),
    ).rejects.toThrow(/was closed on/);

    // Applied once only.
    expect(errorCode(await gql(server.graphqlUrl, APPLY, { id: event.id }, admin))).toBe('INVALID_TRANSITION');
    // The unit list hides the ended district when asked for current units.
    const current = ok(await gql(server.graphqlUrl, UNITS, { f: { current: true, ids: [f.district.id, ...f.communes.map((c) => c.id)].map(String) } }, admin)).data!.allAdministrativeUnits;
    expect(current.map((u: { code: string }) => u.code)).toEqual(['99101', '99102']);
    const ended = ok(await gql(server.graphqlUrl, UNITS, { f: { current: false } }, admin)).data!.allAdministrativeUnits;
    expect(ended).toEqual([{ id: String(f.district.id), code: '99001', validTo: CLOSING, successorId: String(province.id), parentId: String(province.id) }]);
  });

  it('is refused while a disbursement of the closing fund is open (CONFLICT), writing nothing', async () => {
    const f = await fixture();
    const districtFund = f.funds['99001']!;
    ok(await donate(districtFund.id, 5_000_000));
    const draft = ok(await gql(server.graphqlUrl, DRAFT, { fundId: String(districtFund.id), amount: 1_000_000, k: randomUUID() }, officer)).data!.createDisbursement;
    const event = ok(await createEvent({ lines: abolition(f) })).data!.createUnitSuccessionEvent;
    const preview = ok(await gql(server.graphqlUrl, PREVIEW, { id: event.id }, admin)).data!.unitSuccessionPreview;
    expect(preview.blockers).toEqual([expect.objectContaining({ rule: 'OPEN_DISBURSEMENT', recordType: 'Disbursement', recordId: draft.id })]);
    const before = await sql("select count(*)::int as n from ledger_transaction");
    const res = await gql(server.graphqlUrl, APPLY, { id: event.id }, admin);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.message).toContain(`Disbursement ${draft.id}`);
    expect(await sql('select count(*)::int as n from ledger_transaction')).toEqual(before);
    const [unit] = await sql('select valid_to, parent_id from administrative_unit where id = ?', [f.communes[0]!.id]);
    expect(unit).toEqual({ valid_to: null, parent_id: f.district.id });
    const [fund] = await sql('select closed_on from fund where id = ?', [districtFund.id]);
    expect(fund.closed_on).toBeNull();
    const [e] = await sql('select status from unit_succession_event where id = ?', [event.id]);
    expect(e.status).toBe('DRAFT');
  });

  it('refuses bad events (BAD_USER_INPUT, nothing written) and non-ADMIN roles (FORBIDDEN)', async () => {
    const f = await fixture();
    const c1 = String(f.communes[0]!.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ lines: [{ kind: 'ABSORBED', predecessorId: String(f.district.id), successorId: c1 }] }, 'BAD_USER_INPUT'], // a district absorbed by a commune
      [{ lines: [{ kind: 'ABSORBED', predecessorId: c1, successorId: String(province.id) }] }, 'BAD_USER_INPUT'], // a commune absorbed by a province
      [{ lines: [...abolition(f), { kind: 'REPARENTED', predecessorId: String(f.district.id), successorId: String(province.id) }] }, 'BAD_USER_INPUT'], // twice
      [{ lines: [{ kind: 'ABSORBED', predecessorId: '999999', successorId: String(province.id) }] }, 'BAD_USER_INPUT'],
      [{ lines: [{ kind: 'ABSORBED', predecessorId: c1, newUnitCode: '99299' }], newUnits: [{ code: '99201', name: 'X', nameWithType: 'Xã X', type: 'xa', level: 'COMMUNE', parentId: String(f.district.id) }] }, 'BAD_USER_INPUT'],
      [{ lines: [{ kind: 'ABSORBED', predecessorId: c1, newUnitCode: '36' }], newUnits: [{ code: '36', name: 'X', nameWithType: 'Xã X', type: 'xa', level: 'COMMUNE', parentId: String(f.district.id) }] }, 'CONFLICT'],
    ];
    for (const [vars, code] of cases) expect(errorCode(await createEvent(vars))).toBe(code);
    await sql("update fund set locked_until = '2025-06-30' where id = ?", [f.funds['99001']!.id]);
    expect(errorCode(await createEvent({ lines: abolition(f) }))).toBe('BAD_USER_INPUT');
    await sql("update fund set locked_until = null where id = ?", [f.funds['99001']!.id]);
    expect(await sql('select count(*)::int as n from unit_succession_event')).toEqual([{ n: 0 }]);

    for (const token of [manager, officer, await signIn(server.graphqlUrl, 'thanhtra@soquy.example')]) expect(errorCode(await createEvent({ lines: abolition(f) }, token))).toBe('FORBIDDEN');
    const event = ok(await createEvent({ lines: abolition(f) })).data!.createUnitSuccessionEvent;
    expect(errorCode(await gql(server.graphqlUrl, APPLY, { id: event.id }, manager))).toBe('FORBIDDEN');
    // A commune user does not see an event about the district above it.
    const communeUser = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    expect(errorCode(await gql(server.graphqlUrl, `query($id: ID!) { UnitSuccessionEvent(id: $id) { id } }`, { id: event.id }, communeUser))).toBe('NOT_FOUND');
  });
});

describe('merging two communes into a new commune', () => {
  it('creates the unit and its fund, moves the balances and the open grant, and reports as recorded or mapped', async () => {
    const f = await fixture();
    const [c1, c2] = f.communes as [AdministrativeUnit, AdministrativeUnit];
    ok(await donate(f.funds['99101']!.id, 7_000_000));
    ok(await donate(f.funds['99102']!.id, 4_000_000, { e: 'HOUSING_REPAIR' }));
    const householdId = ok(await gql(server.graphqlUrl, HOUSEHOLD, { unitId: String(c1.id), n: '036052654321' }, officer)).data!.createBeneficiaryHousehold.id;
    const grant = ok(await gql(server.graphqlUrl, APPLY_GRANT, { householdId }, officer)).data!.applyHousingGrant;
    // A rejected grant is final: it stays with the commune it was recorded in.
    const otherHousehold = ok(await gql(server.graphqlUrl, HOUSEHOLD, { unitId: String(c1.id), n: '036052654322' }, officer)).data!.createBeneficiaryHousehold.id;
    const rejected = ok(await gql(server.graphqlUrl, APPLY_GRANT, { householdId: otherHousehold }, officer)).data!.applyHousingGrant;
    ok(await gql(server.graphqlUrl, 'mutation($id: ID!) { rejectHousingGrant(id: $id, reason: "Hộ không đủ điều kiện theo biên bản xác minh") { id } }', { id: rejected.id }, officer));

    const newUnit = { code: '99201', name: 'Thử Mới', nameWithType: 'Xã Thử Mới', type: 'xa', level: 'COMMUNE', parentId: String(f.district.id) };
    const event = ok(
      await createEvent({
        name: 'Sáp nhập xã Thử 1 và xã Thử 2',
        newUnits: [newUnit],
        lines: [c1, c2].map((c) => ({ kind: 'ABSORBED', predecessorId: String(c.id), newUnitCode: '99201' })),
      }),
    ).data!.createUnitSuccessionEvent;
    const preview = ok(await gql(server.graphqlUrl, PREVIEW, { id: event.id }, admin)).data!.unitSuccessionPreview;
    expect(preview.unitsCreated).toEqual([{ code: '99201', nameWithType: 'Xã Thử Mới' }]);
    expect(preview.fundsClosing.map((c: { createsSuccessorFund: boolean; successorFundName: string }) => [c.createsSuccessorFund, c.successorFundName])).toEqual([
      [true, 'Quỹ Đền ơn đáp nghĩa Xã Thử Mới'],
      [true, 'Quỹ Đền ơn đáp nghĩa Xã Thử Mới'],
    ]);
    expect(preview.housingGrants.map((g: { id: string }) => g.id)).toEqual([grant.id]);
    const applied = ok(await gql(server.graphqlUrl, APPLY, { id: event.id }, admin)).data!.applyUnitSuccessionEvent;
    const [created] = await sql("select id, parent_id, valid_from::text, path from administrative_unit where code = '99201'");
    expect(created).toMatchObject({ parent_id: f.district.id, valid_from: EFFECTIVE, path: `/${province.id}/${f.district.id}/${created.id}/` });
    expect(applied.lines.map((l: { successorId: string }) => l.successorId)).toEqual([String(created.id), String(created.id)]);
    const funds = await sql<{ id: number }>('select id from fund where unit_id = ?', [created.id]);
    expect(funds).toHaveLength(1);
    expect(await balances(funds[0]!.id)).toEqual({ 'CASH|': 7_000_000, 'CASH|HOUSING_REPAIR': 4_000_000 });
    for (const code of ['99101', '99102']) expect(Object.values(await balances(f.funds[code]!.id)).every((b) => b === 0)).toBe(true);
    expect(ok(await gql(server.graphqlUrl, VERIFY, { id: String(funds[0]!.id) }, admin)).data!.verifyLedger).toEqual({ ok: true, transactionsChecked: 2 });
    const [g] = await sql('select unit_id from housing_grant where id = ?', [grant.id]);
    expect(g.unit_id).toBe(created.id);

    const [r] = await sql('select unit_id from housing_grant where id = ?', [rejected.id]);
    expect(r.unit_id).toBe(c1.id);

    // As recorded: the rejected grant in its old commune, the open one in the new; mapped: both in the new commune.
    const recorded = ok(await gql(server.graphqlUrl, HOUSING_REPORT, { v: 'RECORDED' }, officer)).data!.housingReport;
    expect(recorded).toEqual([
      { communeId: String(c1.id), communeName: 'Xã Thử 1', count: 1 },
      { communeId: String(created.id), communeName: 'Xã Thử Mới', count: 1 },
    ]);
    const mapped = ok(await gql(server.graphqlUrl, HOUSING_REPORT, { v: 'MAPPED' }, officer)).data!.housingReport;
    expect(mapped).toEqual([{ communeId: String(created.id), communeName: 'Xã Thử Mới', count: 2 }]);
  });
});

import { AdministrativeUnit } from '../../api/src/modules/units/unit.entity';
import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { errorCode, gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

const CREATE = `mutation($personName: String!, $nationalId: String!, $meritCategoryCode: ID!, $unitId: ID!, $address: String!, $householdSize: Int!, $houseCondition: HouseCondition!) {
  createBeneficiaryHousehold(personName: $personName, nationalId: $nationalId, meritCategoryCode: $meritCategoryCode, unitId: $unitId, address: $address,
    householdSize: $householdSize, houseCondition: $houseCondition) { id personName nationalId meritCategoryCode unitId houseCondition }
}`;
const LIST = 'query($f: BeneficiaryHouseholdFilter) { allBeneficiaryHouseholds(filter: $f) { id personName nationalId } _allBeneficiaryHouseholdsMeta(filter: $f) { count } }';

let server: TestServer;
let officer: string;
let units: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  const found = await server.orm.em.fork().find(AdministrativeUnit, { code: { $in: ['13741', '13633', '359'] } });
  units = Object.fromEntries(found.map((u) => [u.code, String(u.id)]));
});
afterAll(() => server.close());
beforeEach(async () => {
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  officer = await signIn(server.graphqlUrl, 'canbo@soquy.example');
});

const household = (vars: Record<string, unknown> = {}, token = officer) =>
  gql(
    server.graphqlUrl,
    CREATE,
    { personName: 'Vũ Văn Thương', nationalId: '036052001234', meritCategoryCode: 'WAR_INVALID', unitId: units['13741'], address: 'Xóm 3, thị trấn Gôi', householdSize: 4, houseCondition: 'DILAPIDATED', ...vars },
    token,
  );

describe('beneficiary households (hộ người có công)', () => {
  it('registers a household and lists the merit categories of the Ordinance', async () => {
    const res = await household();
    expect(res.errors).toBeUndefined();
    expect(res.data!.createBeneficiaryHousehold).toMatchObject({ personName: 'Vũ Văn Thương', nationalId: '036052001234', meritCategoryCode: 'WAR_INVALID', unitId: units['13741'] });
    const categories = await gql(server.graphqlUrl, '{ allMeritCategories { code name source } }', {}, officer);
    expect(categories.data!.allMeritCategories).toHaveLength(12);
    expect(categories.data!.allMeritCategories.find((c: { code: string }) => c.code === 'HEROIC_MOTHER').name).toBe('Bà mẹ Việt Nam anh hùng');
  });

  it('refuses a second household with the same citizen ID, naming the first', async () => {
    const first = (await household()).data!.createBeneficiaryHousehold.id;
    const again = await household({ personName: 'Người khác', unitId: units['13633'] });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0]!.extensions!.existingId).toBe(first);
    expect(again.errors![0]!.message).toMatch(/Thị trấn Gôi/);
  });

  it.each([
    ['an invalid citizen ID', { nationalId: '123' }, 'BAD_USER_INPUT', /12 digits/],
    ['an unknown province code', { nationalId: '003052001234' }, 'BAD_USER_INPUT', /province code/],
    ['a district instead of a commune', { unitId: '3' }, 'BAD_USER_INPUT', /not a commune/],
    ['an unknown merit category', { meritCategoryCode: 'KING' }, 'BAD_USER_INPUT', /not a merit category/],
    ['a household of nobody', { householdSize: 0 }, 'BAD_USER_INPUT', /householdSize/],
  ])('refuses %s', async (_what, vars, code, message) => {
    const res = await household(vars);
    expect(errorCode(res)).toBe(code);
    expect(res.errors![0]!.message).toMatch(message);
    const [row] = await server.orm.em.getConnection().execute('select count(*) as n from beneficiary_household');
    expect(row.n).toBe('0');
  });

  it('shows citizen IDs masked to roles that do not need them, and refuses them a search by ID', async () => {
    await household();
    const admin = await signIn(server.graphqlUrl, 'admin@soquy.example');
    const seen = await gql(server.graphqlUrl, LIST, {}, admin);
    expect(seen.data!.allBeneficiaryHouseholds[0].nationalId).toBe('036*******34');
    expect(errorCode(await gql(server.graphqlUrl, LIST, { f: { nationalId: '036052001234' } }, admin))).toBe('FORBIDDEN');
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    const full = await gql(server.graphqlUrl, LIST, { f: { nationalId: '036052001234' } }, inspector);
    expect(full.data!.allBeneficiaryHouseholds[0].nationalId).toBe('036052001234');
    expect(errorCode(await household({ nationalId: '036052009999' }, inspector))).toBe('FORBIDDEN');
  });

  it('keeps households within the commune user’s scope and finds names without diacritics', async () => {
    await household();
    await household({ nationalId: '036190004321', personName: 'Trần Thị Hoà', unitId: units['13633'], meritCategoryCode: 'MARTYR', houseCondition: 'TEMPORARY' });
    const commune = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    const own = await gql(server.graphqlUrl, LIST, {}, commune);
    expect(own.data!.allBeneficiaryHouseholds.map((h: { personName: string }) => h.personName)).toEqual(['Vũ Văn Thương']);
    const byText = await gql(server.graphqlUrl, LIST, { f: { q: 'tran thi hoa' } }, officer);
    expect(byText.data!._allBeneficiaryHouseholdsMeta.count).toBe(1);
    const other = own.data!.allBeneficiaryHouseholds[0].id;
    const province = await gql(server.graphqlUrl, 'query($id: ID!) { BeneficiaryHousehold(id: $id) { personName } }', { id: String(Number(other) + 1) }, commune);
    expect(errorCode(province)).toBe('NOT_FOUND');
  });
});

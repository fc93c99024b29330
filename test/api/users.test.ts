import { AdministrativeUnit } from '../../api/src/modules/units/unit.entity';
import { resetDatabase } from '../support/database';
import { seedDemo } from '../../api/src/seed/demo';
import { errorCode, gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

const CREATE = `mutation Create($email: String!, $fullName: String!, $role: Role!, $unitId: ID!, $password: String!, $active: Boolean) {
  createUser(email: $email, fullName: $fullName, role: $role, unitId: $unitId, password: $password, active: $active) { id email fullName role unitId active }
}`;
const UPDATE = `mutation Update($id: ID!, $fullName: String, $role: Role, $unitId: ID, $active: Boolean) {
  updateUser(id: $id, fullName: $fullName, role: $role, unitId: $unitId, active: $active) { id fullName role unitId active }
}`;
const LIST = `query($filter: UserFilter, $sortField: String) { allUsers(filter: $filter, perPage: 100, sortField: $sortField) { id email role unitId } _allUsersMeta(filter: $filter) { count } }`;

let server: TestServer;
let admin: string;
let unitIds: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  const units = await server.orm.em.fork().find(AdministrativeUnit, { code: { $in: ['36', '359', '13741', '13633', '356'] } });
  unitIds = Object.fromEntries(units.map((u) => [u.code, String(u.id)]));
});
afterAll(() => server.close());
beforeEach(async () => {
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  admin = await signIn(server.graphqlUrl, 'admin@soquy.example');
});

const userCount = async () => Number((await server.orm.em.getConnection().execute('select count(*) as n from app_user'))[0].n);
const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: 'Can.Bo.Moi@SoQuy.example',
  fullName: 'Đỗ Thị Mới',
  role: 'GRANT_OFFICER',
  unitId: unitIds['13741'],
  password: 'MatKhau2026',
  ...overrides,
});

describe('user management (ADMIN)', () => {
  it('creates a user who can then sign in, with the email lower-cased', async () => {
    const res = await gql(server.graphqlUrl, CREATE, newUser(), admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createUser).toMatchObject({ email: 'can.bo.moi@soquy.example', role: 'GRANT_OFFICER', unitId: unitIds['13741'], active: true });
    await expect(signIn(server.graphqlUrl, 'can.bo.moi@soquy.example', 'MatKhau2026')).resolves.toEqual(expect.any(String));
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }, 'BAD_USER_INPUT', /email/],
    ['a weak password', { password: 'short1' }, 'BAD_USER_INPUT', /at least 10 characters/],
    ['a password without digits', { password: 'onlyletters' }, 'BAD_USER_INPUT', /letter and one digit/],
    ['an empty name', { fullName: ' ' }, 'BAD_USER_INPUT', /fullName/],
    ['an unknown unit', { unitId: '999999' }, 'BAD_USER_INPUT', /outside your scope/],
    ['a taken email', { email: 'KETOAN@soquy.example' }, 'CONFLICT', /already exists/],
  ])('refuses %s with %s and writes nothing', async (_what, overrides, code, message) => {
    const before = await userCount();
    const res = await gql(server.graphqlUrl, CREATE, newUser(overrides), admin);
    expect(errorCode(res)).toBe(code);
    expect(res.errors![0]!.message).toMatch(message);
    expect(await userCount()).toBe(before);
  });

  it('refuses an unknown role at the GraphQL layer', async () => {
    const res = await gql(server.graphqlUrl, CREATE, newUser({ role: 'ROOT' }), admin);
    expect(res.errors).toBeDefined();
    expect(res.status).toBe(400);
  });

  it('edits name, role, unit and active flag; lists with filters', async () => {
    const id = (await gql(server.graphqlUrl, CREATE, newUser(), admin)).data!.createUser.id;
    const res = await gql(server.graphqlUrl, UPDATE, { id, fullName: 'Đỗ Thị Đổi', role: 'INSPECTOR', unitId: unitIds['359'], active: false }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateUser).toEqual({ id, fullName: 'Đỗ Thị Đổi', role: 'INSPECTOR', unitId: unitIds['359'], active: false });
    const inspectors = await gql(server.graphqlUrl, LIST, { filter: { role: 'INSPECTOR' } }, admin);
    expect(inspectors.data!.allUsers.map((u: { email: string }) => u.email).sort()).toEqual(['can.bo.moi@soquy.example', 'thanhtra@soquy.example']);
    const inactive = await gql(server.graphqlUrl, LIST, { filter: { active: false } }, admin);
    expect(inactive.data!._allUsersMeta.count).toBe(1);
    const byText = await gql(server.graphqlUrl, LIST, { filter: { q: 'do thi doi' } }, admin);
    expect(byText.data!.allUsers).toHaveLength(1);
    const inVuBan = await gql(server.graphqlUrl, LIST, { filter: { unitId: unitIds['359'] } }, admin);
    expect(inVuBan.data!.allUsers.map((u: { email: string }) => u.email).sort()).toEqual(['can.bo.moi@soquy.example', 'xa13741@soquy.example']);
  });

  it('does not let an administrator lock themselves out', async () => {
    const me = await gql(server.graphqlUrl, '{ me { user { id } } }', {}, admin);
    const id = me.data!.me.user.id;
    for (const change of [{ active: false }, { role: 'INSPECTOR' }, { unitId: unitIds['13741'] }]) {
      const res = await gql(server.graphqlUrl, UPDATE, { id, ...change }, admin);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses to reset a password to a weak one', async () => {
    const id = (await gql(server.graphqlUrl, CREATE, newUser(), admin)).data!.createUser.id;
    const res = await gql(server.graphqlUrl, 'mutation($id: ID!) { resetUserPassword(id: $id, password: "abc") { id } }', { id }, admin);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    await expect(signIn(server.graphqlUrl, 'can.bo.moi@soquy.example', 'MatKhau2026')).resolves.toEqual(expect.any(String));
  });
});

describe('roles and scope', () => {
  it("refuses an INSPECTOR's createUser with FORBIDDEN and writes nothing", async () => {
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    const before = await userCount();
    const res = await gql(server.graphqlUrl, CREATE, newUser(), inspector);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors![0]!.message).toMatch(/INSPECTOR/);
    expect(await userCount()).toBe(before);
    const list = await gql(server.graphqlUrl, LIST, {}, inspector);
    expect(list.data!._allUsersMeta.count).toBe(6);
  });

  it('refuses user management to FUND_MANAGER and GRANT_OFFICER', async () => {
    for (const email of ['ketoan@soquy.example', 'canbo@soquy.example']) {
      const token = await signIn(server.graphqlUrl, email);
      expect(errorCode(await gql(server.graphqlUrl, LIST, {}, token))).toBe('FORBIDDEN');
      expect(errorCode(await gql(server.graphqlUrl, CREATE, newUser(), token))).toBe('FORBIDDEN');
    }
  });

  it('a district administrator manages only the users of the district and below', async () => {
    await gql(server.graphqlUrl, CREATE, newUser({ email: 'admin.vuban@soquy.example', role: 'ADMIN', unitId: unitIds['359'] }), admin);
    const district = await signIn(server.graphqlUrl, 'admin.vuban@soquy.example', 'MatKhau2026');
    const list = await gql(server.graphqlUrl, LIST, {}, district);
    expect(list.data!.allUsers.map((u: { email: string }) => u.email).sort()).toEqual(['admin.vuban@soquy.example', 'xa13741@soquy.example']);
    const provinceUser = await gql(server.graphqlUrl, LIST, { filter: { q: 'admin@soquy' } }, admin);
    const provinceAdminId = provinceUser.data!.allUsers[0].id;
    const foreign = await gql(server.graphqlUrl, 'query($id: ID!) { User(id: $id) { email } }', { id: provinceAdminId }, district);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    const edit = await gql(server.graphqlUrl, UPDATE, { id: provinceAdminId, active: false }, district);
    expect(errorCode(edit)).toBe('NOT_FOUND');
    const outside = await gql(server.graphqlUrl, CREATE, newUser({ email: 'x@soquy.example', unitId: unitIds['13633'] }), district);
    expect(errorCode(outside)).toBe('BAD_USER_INPUT');
  });
});

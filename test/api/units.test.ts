import { AdministrativeUnit } from '../../api/src/modules/units/unit.entity';
import { viFold } from '../../api/src/common/text';
import { errorCode, gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

const LIST = `query Units($filter: AdministrativeUnitFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
  allAdministrativeUnits(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { id code name nameWithType level type parentId }
  _allAdministrativeUnitsMeta(filter: $filter) { count }
}`;

type Unit = { id: string; code: string; name: string; nameWithType: string; level: string; parentId: string | null };
type ListResult = { allAdministrativeUnits: Unit[]; _allAdministrativeUnitsMeta: { count: number } };

let server: TestServer;
let admin: string;
let commune: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signIn(server.graphqlUrl, 'admin@soquy.example');
  commune = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
});
afterAll(() => server.close());

const list = (token: string, variables: Record<string, unknown> = {}) => gql<ListResult>(server.graphqlUrl, LIST, variables, token);
const idOf = async (code: string) => (await server.orm.em.fork().findOneOrFail(AdministrativeUnit, { code })).id;

describe('administrative units', () => {
  it('lists the 237 seeded units of Nam Định to a province user, 25 a page by default', async () => {
    const res = await list(admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!._allAdministrativeUnitsMeta.count).toBe(237);
    expect(res.data!.allAdministrativeUnits).toHaveLength(25);
    expect(res.data!.allAdministrativeUnits[0]).toMatchObject({ code: '36', nameWithType: 'Tỉnh Nam Định', level: 'PROVINCE', parentId: null });
  });

  it('filters by level and by parent', async () => {
    const districts = await list(admin, { filter: { level: 'DISTRICT' }, perPage: 100 });
    expect(districts.data!._allAdministrativeUnitsMeta.count).toBe(10);
    const communes = await list(admin, { filter: { level: 'COMMUNE' } });
    expect(communes.data!._allAdministrativeUnitsMeta.count).toBe(226);
    const vuBan = districts.data!.allAdministrativeUnits.find((u) => u.name === 'Vụ Bản')!;
    const children = await list(admin, { filter: { parentId: vuBan.id }, perPage: 100 });
    expect(children.data!.allAdministrativeUnits.length).toBeGreaterThan(5);
    expect(children.data!.allAdministrativeUnits.every((u) => u.parentId === vuBan.id)).toBe(true);
    expect(children.data!.allAdministrativeUnits.map((u) => u.nameWithType)).toContain('Thị trấn Gôi');
  });

  it('searches without diacritics: "hai hau" finds Hải Hậu, and with them too', async () => {
    for (const q of ['hai hau', 'HẢI HẬU', '  hải   hậu ']) {
      const res = await list(admin, { filter: { q } });
      expect(res.data!.allAdministrativeUnits.map((u) => u.nameWithType)).toContain('Huyện Hải Hậu');
    }
    const byCode = await list(admin, { filter: { q: '13741' } });
    expect(byCode.data!.allAdministrativeUnits.map((u) => u.nameWithType)).toEqual(['Thị trấn Gôi']);
    const wildcard = await list(admin, { filter: { q: '%' } });
    expect(wildcard.data!._allAdministrativeUnitsMeta.count).toBe(0);
  });

  it('folds text in PostgreSQL exactly as in JavaScript, for every unit name', async () => {
    const rows: { name_with_type: string; code: string; search_text: string }[] = await server.orm.em
      .getConnection()
      .execute('select name_with_type, code, search_text from administrative_unit');
    expect(rows).toHaveLength(237);
    for (const row of rows) expect(row.search_text).toBe(viFold(`${row.name_with_type} ${row.code}`));
  });

  it('sorts by an allowed column and pages, and refuses an unknown sort column', async () => {
    const page0 = await list(admin, { sortField: 'name', sortOrder: 'DESC', perPage: 10, page: 0 });
    const page1 = await list(admin, { sortField: 'name', sortOrder: 'DESC', perPage: 10, page: 1 });
    const names = [...page0.data!.allAdministrativeUnits, ...page1.data!.allAdministrativeUnits].map((u) => u.name);
    expect(names).toHaveLength(20);
    expect(new Set(names.map((n, i) => `${n}#${i}`)).size).toBe(20);
    const bad = await list(admin, { sortField: 'passwordHash' });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toMatch(/sort by one of/);
    const tooMany = await list(admin, { perPage: 100000 });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
  });

  it('shows one unit and its ancestors from the top down', async () => {
    const goi = await idOf('13741');
    const res = await gql(server.graphqlUrl, 'query($id: ID!) { AdministrativeUnit(id: $id) { code nameWithType } administrativeUnitAncestors(id: $id) { code nameWithType level } }', { id: String(goi) }, admin);
    expect(res.data!.AdministrativeUnit).toEqual({ code: '13741', nameWithType: 'Thị trấn Gôi' });
    expect(res.data!.administrativeUnitAncestors.map((u: Unit) => u.level)).toEqual(['PROVINCE', 'DISTRICT']);
    expect(res.data!.administrativeUnitAncestors[1].nameWithType).toBe('Huyện Vụ Bản');
  });

  it('a commune user sees only its commune; other units answer NOT_FOUND', async () => {
    const res = await list(commune, { perPage: 500 });
    expect(res.data!._allAdministrativeUnitsMeta.count).toBe(1);
    expect(res.data!.allAdministrativeUnits.map((u) => u.code)).toEqual(['13741']);
    const province = await idOf('36');
    const neighbour = await idOf('13633');
    for (const id of [province, neighbour]) {
      const one = await gql(server.graphqlUrl, 'query($id: ID!) { AdministrativeUnit(id: $id) { code } }', { id: String(id) }, commune);
      expect(errorCode(one)).toBe('NOT_FOUND');
      expect(one.data).toBeNull();
    }
    const ancestors = await gql(server.graphqlUrl, 'query($id: ID!) { administrativeUnitAncestors(id: $id) { code } }', { id: String(await idOf('13741')) }, commune);
    expect(ancestors.data!.administrativeUnitAncestors).toEqual([]);
    const byIds = await list(commune, { filter: { ids: [String(province), String(neighbour)] } });
    expect(byIds.data!.allAdministrativeUnits).toEqual([]);
  });

  it('answers UNAUTHENTICATED without a token and BAD_USER_INPUT for a malformed id', async () => {
    expect(errorCode(await list(''))).toBe('UNAUTHENTICATED');
    const bad = await gql(server.graphqlUrl, 'query { AdministrativeUnit(id: "abc") { code } }', {}, admin);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it('keeps materialised paths in the database, including when a unit moves', async () => {
    const em = server.orm.em.fork();
    const conn = em.getConnection();
    const goi = await idOf('13741');
    const [before] = await conn.execute('select path from administrative_unit where id = ?', [goi]);
    const namDinhCity = await idOf('356');
    await conn.execute('begin');
    try {
      // Move the district Vụ Bản below the city (a reorganisation would): its communes follow.
      const vuBan = (await conn.execute('select parent_id from administrative_unit where id = ?', [goi]))[0].parent_id;
      await conn.execute('update administrative_unit set parent_id = ? where id = ?', [namDinhCity, vuBan]);
      const [after] = await conn.execute('select path from administrative_unit where id = ?', [goi]);
      expect(after.path).toMatch(new RegExp(`/${namDinhCity}/${vuBan}/${goi}/$`));
      await expect(conn.execute('update administrative_unit set parent_id = ? where id = ?', [goi, vuBan])).rejects.toThrow(/below itself/);
    } finally {
      await conn.execute('rollback');
    }
    const [restored] = await conn.execute('select path from administrative_unit where id = ?', [goi]);
    expect(restored.path).toBe(before.path);
  });
});

import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  GraphQLEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { hasPermission, Permission, Role } from '../../api/src/common/permissions';
import { TokenService } from '../../api/src/modules/auth/token';
import { FundKind } from '../../api/src/modules/funds/fund.entity';
import { buildAppSchema } from '../../api/src/schema';
import { demoAccounts } from '../../api/src/seed/demo';
import { gql, signIn, type GraphQLResponse } from './graphql';
import { fundOf } from './funds';
import { startTestServer, type TestServer } from './server';

/**
 * The harness of test/api/input-hardening.test.ts and list-filters-hardening.test.ts: odd and
 * malformed values per GraphQL input type, what an acceptable answer is (data or a stable code,
 * BAD_USER_INPUT for a value malformed for its type; never INTERNAL_SERVER_ERROR, a stack trace or
 * SQL in a message), and row counts of every table to show that a refused request wrote nothing.
 */

export const TEN_KB = 'Nguyễn Văn Ả '.repeat(800).slice(0, 10_240);
/** Text that is odd but valid: accepted or refused with BAD_USER_INPUT, never a 500. (NUL and 10 kB: always BAD_USER_INPUT.) */
export const ODD_STRINGS = ["' or 1=1 --", '%_\\', '<script>alert(1)</script>', '\u202Eevil\u200B\uFEFF Ｈà Nội e\u0301 🏠 ${7*7}{{7*7}}'];
export const NUL = 'a\u0000b';
/** Malformed for their type: must be BAD_USER_INPUT. */
export const BAD_IDS = ["' or 1=1 --", '-1', '1.5', '99999999999999999999', NUL];
/** Well-formed ids of records that do not exist: data, NOT_FOUND or BAD_USER_INPUT. */
export const ABSENT_IDS = ['0', '2147483648'];
export const BAD_DATES = ['2025-02-30', '0000-01-01', '2025-2-3', "' or 1=1 --"];
export const BAD_AMOUNTS: unknown[] = [-1, 0, 1.5, 2 ** 53, 1e21, '1000', -9007199254740991];
export const BAD_INTS: unknown[] = [1.5, 2 ** 31, -(2 ** 31) - 1, '3', 1e21];

/** The server of the calling test file and what its fixture made (set in `setUpHardening`'s beforeAll). */
export const h = {} as { server: TestServer; schema: GraphQLSchema };
export const tokens: Partial<Record<Role, string>> = {};
export const ids: Record<string, string> = {};

/** Every business table (login_throttle is written by failed sign-ins on purpose, outside their transaction). */
let tables: string[] = [];
export const sql = <T>(query: string, params: unknown[] = []) => h.server.orm.em.fork().getConnection().execute<T[]>(query, params);
export async function rowCounts(): Promise<string> {
  const [row] = await sql<{ counts: string }>(`select concat_ws(',', ${tables.map((t) => `(select count(*) from "${t}")`).join(', ')}) as counts`);
  return row!.counts;
}

export const leakPatterns = [
  /\bat \S+ \(/, // a stack frame
  /node_modules|\.ts:\d+|\.js:\d+/,
  /\b(select|insert|update|delete)\b[^.]*\b(from|into|set|where)\b/i,
  /syntax error at|invalid input syntax|out of range for type|violates|constraint "|relation "|column "|DriverException|mikro-orm|postgres/i,
];

/** The answer's problems (an empty list when it is acceptable); `strict` requires BAD_USER_INPUT. */
export function problems(res: GraphQLResponse, allowed: readonly string[]): string[] {
  const found: string[] = [];
  if (res.status >= 500) found.push(`HTTP ${res.status}`);
  for (const error of res.errors ?? []) {
    const code = error.extensions?.code ?? 'none';
    if (!allowed.includes(code)) found.push(`code ${code}: ${error.message.slice(0, 200)}`);
    for (const pattern of leakPatterns) if (pattern.test(error.message)) found.push(`leak ${pattern}: ${error.message.slice(0, 200)}`);
    if (error.extensions && ('stacktrace' in error.extensions || 'exception' in error.extensions)) found.push('stacktrace in extensions');
  }
  return found;
}

export const permissionOf = (kind: 'queries' | 'mutations', name: string): Permission => {
  const storage = getMetadataStorage();
  const handler = storage[kind].find((q) => q.schemaName === name)!;
  return storage.authorizedFields.find((a) => a.target === handler.target && a.fieldName === handler.methodName)!.roles[0] as Permission;
};
/** A province user whose role may run the operation (FUND_MANAGER first, who reads children in full). */
export const tokenFor = (permission: Permission): string | undefined => {
  const role = [Role.FUND_MANAGER, Role.GRANT_OFFICER, Role.ADMIN, Role.INSPECTOR].find((r) => hasPermission(r, permission));
  return role && tokens[role];
};

/** Values to try for one input type: [value, whether only BAD_USER_INPUT is acceptable]. */
export function badValues(type: GraphQLInputType): [unknown, boolean][] {
  const named = getNamedType(type);
  const wrap = (v: unknown) => (isListType(isNonNullType(type) ? type.ofType : type) ? [v] : v);
  let values: [unknown, boolean][] = [];
  if (named instanceof GraphQLEnumType) values = [["' or 1=1 --", true], [NUL, true]];
  else if (!isScalarType(named)) values = [];
  else if (named.name === 'String') values = [...ODD_STRINGS.map((v): [unknown, boolean] => [v, false]), [NUL, true], ['\uD800', true], [TEN_KB, true]];
  // Not strict: some ID filters hold codes (circumstances, merit categories), where an odd code simply matches nothing.
  else if (named.name === 'ID') values = [...[...BAD_IDS, ...ABSENT_IDS].map((v): [unknown, boolean] => [v, v === NUL])];
  else if (named.name === 'LocalDate') values = BAD_DATES.map((v) => [v, true]);
  else if (named.name === 'DateTimeISO') values = [['2025-02-30T00:00:00Z', true], ["' or 1=1 --", true], [NUL, true]];
  else if (named.name === 'SafeInt') values = [[1.5, true], [2 ** 53, true], [1e21, true], ['1000', true], [-1, false], [0, false]];
  else if (named.name === 'Int') values = [...BAD_INTS.map((v): [unknown, boolean] => [v, true]), [-1, false], [0, false]];
  return values.map(([v, strict]) => [wrap(v), strict]);
}

/** Starts the server and builds the fixture (funds with money, a campaign, a donor). */
export function setUpHardening(): void {
beforeAll(async () => {
  h.server = await startTestServer();
  h.schema = await buildAppSchema(new TokenService('x'.repeat(32), 60));
  for (const role of [Role.ADMIN, Role.FUND_MANAGER, Role.GRANT_OFFICER, Role.INSPECTOR]) {
    tokens[role] = await signIn(h.server.graphqlUrl, demoAccounts.find((a) => a.role === role && a.unitCode === '36')!.email);
  }
  tables = (
    await sql<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('login_throttle', 'mikro_orm_migrations') order by 1")
  ).map((r) => r.name);
  ids.fund = String((await fundOf(h.server.orm.em, '36')).id);
  ids.childFund = String((await fundOf(h.server.orm.em, '36', FundKind.CHILD_PROTECTION)).id);
  const [commune] = await sql<{ id: number }>("select id from administrative_unit where code = '13741'");
  ids.commune = String(commune!.id);
  const donate = 'mutation($f: ID!, $k: String!) { createDonation(fundId: $f, donorName: "Nhà hảo tâm", amount: 100000000, receivedOn: "2025-07-01", method: CASH, idempotencyKey: $k) { id } }';
  for (const f of [ids.fund, ids.childFund]) expect((await gql(h.server.graphqlUrl, donate, { f, k: randomUUID() }, tokens.FUND_MANAGER)).errors).toBeUndefined();
  const campaign = await gql(h.server.graphqlUrl, 'mutation($f: ID!) { createCampaign(fundId: $f, name: "Tháng tri ân", startsOn: "2025-06-28", endsOn: "2025-07-27", target: 100000000) { id } }', { f: ids.fund }, tokens.FUND_MANAGER);
  ids.campaign = campaign.data!.createCampaign.id;
  ids.donor = (await gql(h.server.graphqlUrl, 'mutation { createDonor(type: AGENCY, name: "Sở Tài chính") { id } }', {}, tokens.FUND_MANAGER)).data!.createDonor.id;
}, 120_000);
afterAll(() => h.server.close());
}

/** Tries each bad value in each place; returns the problems found, one line each. */
export async function attempt(
  label: string,
  query: string,
  variables: () => Record<string, unknown>,
  token: string,
  places: { path: string[]; type: GraphQLInputType }[],
  allowed: readonly string[],
  checkWrites = true,
): Promise<string[]> {
  const found: string[] = [];
  const one = async ({ path }: { path: string[] }, value: unknown, strict: boolean) => {
    const vars = variables();
    let target: Record<string, unknown> = vars;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]!] = value;
    const before = checkWrites ? await rowCounts() : '';
    const res = await gql(h.server.graphqlUrl, query, vars, token);
    const shown = `${label} ${path.join('.')}=${JSON.stringify(value).slice(0, 40)}`;
    for (const p of problems(res, strict ? ['BAD_USER_INPUT'] : allowed)) found.push(`${shown}: ${p}`);
    if (strict && !res.errors) found.push(`${shown}: accepted`);
    if (checkWrites && res.errors && (await rowCounts()) !== before) found.push(`${shown}: refused but wrote rows`);
  };
  for (const place of places) {
    const values = badValues(place.type);
    // Reads (no row counts to compare) go a place at a time, its values together; writes one by one.
    if (!checkWrites) await Promise.all(values.map(([value, strict]) => one(place, value, strict)));
    else for (const [value, strict] of values) await one(place, value, strict);
  }
  return found;
}

export const inputPlaces = (args: readonly GraphQLArgument[], onlyText = false): { path: string[]; type: GraphQLInputType }[] =>
  args.flatMap((arg) => {
    const named = getNamedType(arg.type);
    if (isInputObjectType(named)) {
      if (isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type)) return []; // lists of inputs: covered by the main mutations below
      return Object.values(named.getFields())
        .filter((f) => !onlyText || getNamedType(f.type).name === 'String')
        .map((f) => ({ path: [arg.name, f.name], type: f.type }));
    }
    if (onlyText && named.name !== 'String' && named.name !== 'ID') return [];
    return [{ path: [arg.name], type: arg.type }];
  });


import { randomUUID } from 'node:crypto';
import { getNamedType, GraphQLEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { todayVn } from '../../api/src/common/dates';
import { Role } from '../../api/src/common/permissions';
import { gql } from '../support/graphql';
import { ABSENT_IDS, BAD_AMOUNTS, BAD_DATES, BAD_IDS, BAD_INTS, h, ids, NUL, ODD_STRINGS, problems, rowCounts, setUpHardening, sql, TEN_KB, tokens } from '../support/hardening';

/**
 * The nested inputs (FundingLineInput, GiftCriteria, SuccessionLineInput, NewUnitInput,
 * StatementInput) get what the top-level arguments get in input-hardening.test.ts: in each field
 * of each line, oversized text, NUL and unpaired surrogates, bad amounts, malformed ids and dates,
 * out-of-range numbers; and for the lists, none, the same line twice, and more lines than allowed.
 * Each is a clear error with a stable code (BAD_USER_INPUT for a malformed value), never an
 * internal error, and a refused request writes nothing (row counts of every table).
 */
setUpHardening();

const today = todayVn();
const HOUSEHOLD = `mutation($n: String!, $u: ID!) { createBeneficiaryHousehold(personName: "Vũ Văn Thương", nationalId: $n, meritCategoryCode: "WAR_INVALID", unitId: $u,
  address: "Xóm 3", householdSize: 4, houseCondition: DILAPIDATED) { id } }`;
const APPLY = 'mutation($h: ID!) { applyHousingGrant(householdId: $h, type: NEW_BUILD, program: DECISION_22_2013, appliedOn: "2024-03-01") { id } }';
const VERIFY = 'mutation($id: ID!) { verifyHousingGrant(id: $id, occurredOn: "2024-03-15", document: "XN 12/UBND-TT") { id } }';
const CHILD = `mutation($u: ID!) { createChild(fullName: "Phạm Minh Tâm", birthDate: "2019-05-05", gender: FEMALE, unitId: $u, circumstanceCode: "DISABLED",
  guardianName: "Trần Văn Bố", address: "Xóm 3") { id } }`;
const SURGERY = `mutation($c: ID!, $f: ID!, $d: LocalDate!) { createSurgeryCase(childId: $c, fundId: $f, condition: CONGENITAL_HEART, hospital: "Bệnh viện Nhi Trung ương",
  totalCost: 120000000, referredOn: $d) { id } }`;

const SUCCESSION = `mutation($lines: [SuccessionLineInput!]!, $newUnits: [NewUnitInput!]) { createUnitSuccessionEvent(name: "Sáp nhập xã",
  legalBasis: "Nghị quyết 1674/NQ-UBTVQH15", effectiveOn: "2025-01-01", lines: $lines, newUnits: $newUnits) { id } }`;

const must = async (query: string, variables: Record<string, unknown>, role: Role): Promise<Record<string, { id: string }>> => {
  const res = await gql(h.server.graphqlUrl, query, variables, tokens[role]);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, { id: string }>;
};

/** The values to try in one field: [value, acceptable codes]; a value malformed for its type is BAD_USER_INPUT only. */
function nestedValues(type: GraphQLInputType): [unknown, readonly string[]][] {
  const named = getNamedType(type);
  const bad = ['BAD_USER_INPUT'] as const;
  const any = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'POLICY_LIMIT', 'INSUFFICIENT_FUNDS'] as const;
  const wrap = (v: unknown) => (isListType(isNonNullType(type) ? type.ofType : type) ? [v] : v);
  let values: [unknown, readonly string[]][] = [];
  if (named instanceof GraphQLEnumType) values = [["' or 1=1 --", bad], [NUL, bad]];
  else if (named.name === 'String') values = [...ODD_STRINGS.map((v): [unknown, readonly string[]] => [v, any]), [NUL, bad], ['\uD800', bad], [TEN_KB, bad]];
  else if (named.name === 'ID') values = [...BAD_IDS.map((v): [unknown, readonly string[]] => [v, bad]), ...ABSENT_IDS.map((v): [unknown, readonly string[]] => [v, any])];
  else if (named.name === 'LocalDate') values = BAD_DATES.map((v) => [v, bad]);
  else if (named.name === 'SafeInt') values = BAD_AMOUNTS.map((v) => [v, bad]);
  else if (named.name === 'Int') values = [...BAD_INTS, -1].map((v) => [v, bad]);
  else if (named.name === 'Boolean') values = [['yes', bad], [1, bad]];
  return values.map(([v, allowed]) => [wrap(v), allowed]);
}

interface Case {
  name: string;
  kind: 'mutation' | 'query';
  role: Role;
  /** The argument holding the nested input, and its GraphQL type. */
  arg: string;
  query: string;
  /** A valid request; for a mutation that consumes its record, `last` runs it after the bad ones. */
  variables: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** For a list argument: a valid line, a line of the same kind that differs, and the cap. */
  list?: { line: () => Record<string, unknown>; cap: number };
  /** For a mutation that uses up its record (an approval): makes a new one after a request that succeeded. */
  renew?: () => Promise<void>;
}

let grantId = '';
let surgeryId = '';
let children: string[] = [];
let communes: { a: string; b: string; district: string } = { a: '', b: '', district: '' };

const cases: Case[] = [
  {
    name: 'approveHousingGrant',
    kind: 'mutation',
    role: Role.GRANT_OFFICER,
    arg: 'lines',
    query: 'mutation($id: ID!, $lines: [FundingLineInput!]!) { approveHousingGrant(id: $id, approvedOn: "2024-12-31", decisionNumber: "QĐ 215/QĐ-UBND", fundingLines: $lines) { id } }',
    variables: () => ({ id: grantId, lines: [{ source: 'CENTRAL_BUDGET', amount: 40_000_000 }] }),
    list: { line: () => ({ source: 'CENTRAL_BUDGET', amount: 40_000_000 }), cap: 20 },
    renew: () => newGrant(),
  },
  {
    name: 'approveSurgeryCase',
    kind: 'mutation',
    role: Role.GRANT_OFFICER,
    arg: 'lines',
    query: 'mutation($id: ID!, $d: LocalDate!, $lines: [FundingLineInput!]!) { approveSurgeryCase(id: $id, occurredOn: $d, document: "QĐ 12", fundingLines: $lines) { id } }',
    variables: () => ({ id: surgeryId, d: today, lines: [{ source: 'FUND', fundId: ids.childFund, amount: 40_000_000 }, { source: 'FAMILY', amount: 80_000_000 }] }),
    list: { line: () => ({ source: 'FAMILY', amount: 80_000_000 }), cap: 20 },
    renew: () => newSurgeryCase(),
  },
  {
    name: 'createMemorialWork',
    kind: 'mutation',
    role: Role.GRANT_OFFICER,
    arg: 'lines',
    query: 'mutation($u: ID!, $lines: [FundingLineInput!]!) { createMemorialWork(name: "Nhà bia ghi tên liệt sĩ", kind: NAME_STELE, scope: NEW, unitId: $u, approvedCost: 100000000, fundingLines: $lines) { id } }',
    variables: () => ({ u: ids.commune, lines: [{ source: 'LOCAL_BUDGET', amount: 60_000_000 }, { source: 'FUND', fundId: ids.fund, amount: 40_000_000 }] }),
    list: { line: () => ({ source: 'LOCAL_BUDGET', amount: 60_000_000 }), cap: 20 },
  },
  {
    name: 'createGiftCampaign',
    kind: 'mutation',
    role: Role.FUND_MANAGER,
    arg: 'c',
    query: `mutation($f: ID!, $c: GiftCriteria!, $d: LocalDate!, $ids: [ID!]!, $k: String!) { createGiftCampaign(fundId: $f, name: "Quà Tết cho trẻ em", occasion: TET, giftDate: $d,
      form: CASH, amountPerChild: 500000, criteria: $c, childIds: $ids, idempotencyKey: $k) { id } }`,
    variables: () => ({ f: ids.childFund, c: { unitIds: [ids.commune], circumstances: ['DISABLED'], maxAge: 15 }, d: today, ids: children, k: randomUUID() }),
  },
  {
    name: 'giftCampaignPreview',
    kind: 'query',
    role: Role.FUND_MANAGER,
    arg: 'c',
    query: 'query($f: ID!, $c: GiftCriteria!, $d: LocalDate!) { giftCampaignPreview(fundId: $f, criteria: $c, giftDate: $d, form: CASH, amountPerChild: 500000) { count } }',
    variables: () => ({ f: ids.childFund, c: { unitIds: [ids.commune], circumstances: ['DISABLED'], maxAge: 15 }, d: today }),
  },
  {
    name: 'giftEligibleChildren',
    kind: 'query',
    role: Role.FUND_MANAGER,
    arg: 'c',
    query: 'query($f: ID!, $c: GiftCriteria!, $d: LocalDate!) { giftEligibleChildren(fundId: $f, criteria: $c, giftDate: $d, form: CASH, amountPerChild: 500000) { id } }',
    variables: () => ({ f: ids.childFund, c: { unitIds: [ids.commune], circumstances: ['DISABLED'], maxAge: 15 }, d: today }),
  },
  {
    name: 'createUnitSuccessionEvent (lines)',
    kind: 'mutation',
    role: Role.ADMIN,
    arg: 'lines',
    query: SUCCESSION,
    variables: () => ({ lines: [{ kind: 'ABSORBED', predecessorId: communes.a, successorId: communes.b }], newUnits: null }),
    list: { line: () => ({ kind: 'ABSORBED', predecessorId: communes.a, successorId: communes.b }), cap: 1000 },
  },
  {
    name: 'createUnitSuccessionEvent (newUnits)',
    kind: 'mutation',
    role: Role.ADMIN,
    arg: 'newUnits',
    query: SUCCESSION,
    variables: () => ({
      lines: [
        { kind: 'ABSORBED', predecessorId: communes.a, newUnitCode: '99901' },
        { kind: 'ABSORBED', predecessorId: communes.b, newUnitCode: '99901' },
      ],
      newUnits: [{ code: '99901', name: 'Thử Mới', nameWithType: 'Xã Thử Mới', type: 'xa', level: 'COMMUNE', parentId: communes.district }],
    }),
    list: { line: () => ({ code: '99901', name: 'Thử Mới', nameWithType: 'Xã Thử Mới', type: 'xa', level: 'COMMUNE', parentId: communes.district }), cap: 200 },
  },
  {
    name: 'fundStatement',
    kind: 'query',
    role: Role.INSPECTOR,
    arg: 'input',
    query: 'query($input: StatementInput!) { fundStatement(input: $input) { __typename } }',
    variables: () => ({ input: { fundId: ids.fund, from: '2025-01-01', to: '2025-12-31' } }),
  },
];

let households = 0;
/** A VERIFIED housing grant of a new household (one household is never supported twice). */
async function newGrant(): Promise<void> {
  households += 1;
  const household = (await must(HOUSEHOLD, { n: `036052${100_700 + households}`, u: ids.commune }, Role.GRANT_OFFICER)).createBeneficiaryHousehold!.id;
  grantId = (await must(APPLY, { h: household }, Role.GRANT_OFFICER)).applyHousingGrant!.id;
  await must(VERIFY, { id: grantId }, Role.GRANT_OFFICER);
}
async function newSurgeryCase(): Promise<void> {
  surgeryId = (await must(SURGERY, { c: children[0], f: ids.childFund, d: today }, Role.GRANT_OFFICER)).createSurgeryCase!.id;
}

beforeAll(async () => {
  await newGrant();
  children = [];
  for (let i = 0; i < 3; i++) children.push((await must(CHILD, { u: ids.commune }, Role.GRANT_OFFICER)).createChild!.id);
  await newSurgeryCase();
  const [a] = await sql<{ id: number; parent_id: number }>("select id, parent_id from administrative_unit where code = '13741'");
  const [b] = await sql<{ id: number }>("select id from administrative_unit where parent_id = ? and code <> '13741' and valid_to is null order by code limit 1", [a!.parent_id]);
  communes = { a: String(a!.id), b: String(b!.id), district: String(a!.parent_id) };
}, 60_000);

/** Sends `variables`; returns the problems of the answer against `allowed`, and whether a refused request wrote rows. */
async function tryOne(c: Case, shown: string, variables: Record<string, unknown>, allowed: readonly string[], message?: RegExp): Promise<string[]> {
  const before = c.kind === 'mutation' ? await rowCounts() : '';
  const res = await gql(h.server.graphqlUrl, c.query, variables, tokens[c.role]);
  const found = problems(res, allowed).map((p) => `${shown}: ${p}`);
  if (message && res.errors && !message.test(res.errors[0]!.message)) found.push(`${shown}: says "${res.errors[0]!.message.slice(0, 120)}", not ${message}`);
  if (allowed.length === 1 && !res.errors) found.push(`${shown}: accepted`);
  if (c.kind === 'mutation' && res.errors && (await rowCounts()) !== before) found.push(`${shown}: refused but wrote rows`);
  if (!res.errors && c.renew) await c.renew();
  return found;
}

describe('nested inputs', () => {
  it.each(cases)('$name: every field of the nested input refuses malformed values, the lists refuse none, twins and too many; nothing written', async (c) => {
    const found: string[] = [];
    const field = h.schema.getMutationType()!.getFields()[c.name.split(' ')[0]!] ?? h.schema.getQueryType()!.getFields()[c.name.split(' ')[0]!]!;
    const base = await c.variables();
    const argName = Object.keys(base).find((k) => k === c.arg)!;
    const graphqlArg = field.args.find((a) => getNamedType(a.type) === getNamedType(field.args.find((x) => isInputObjectType(getNamedType(x.type)) && (c.list ? isListType(isNonNullType(x.type) ? x.type.ofType : x.type) : true) && (c.arg !== 'newUnits' || getNamedType(x.type).name === 'NewUnitInput'))!.type))!;
    const input = getNamedType(graphqlArg.type);
    if (!isInputObjectType(input)) throw new Error(`${c.name}: ${graphqlArg.name} is not an input object`);
    const fresh = async () => structuredClone(await c.variables());
    for (const f of Object.values(input.getFields())) {
      for (const [value, allowed] of nestedValues(f.type)) {
        const vars = await fresh();
        const holder = (c.list ? (vars[argName] as Record<string, unknown>[])[0] : vars[argName]) as Record<string, unknown>;
        holder[f.name] = value;
        found.push(...(await tryOne(c, `${c.name} ${argName}${c.list ? '.0' : ''}.${f.name}=${JSON.stringify(value).slice(0, 30)}`, vars, allowed)));
      }
    }
    if (c.arg === 'c') {
      for (const twin of [{ unitIds: [ids.commune, ids.commune] }, { unitIds: [ids.commune], circumstances: ['DISABLED', 'DISABLED'] }]) {
        found.push(...(await tryOne(c, `${c.name} criteria ${JSON.stringify(twin)}`, { ...(await fresh()), c: twin }, ['BAD_USER_INPUT'], /twice/)));
      }
      found.push(...(await tryOne(c, `${c.name} criteria.unitIds=[]`, { ...(await fresh()), c: { unitIds: [] } }, ['BAD_USER_INPUT'])));
      found.push(...(await tryOne(c, `${c.name} criteria of 20,000 units`, { ...(await fresh()), c: { unitIds: Array.from({ length: 20_000 }, () => ids.commune) } }, ['BAD_USER_INPUT'])));
    }
    if (c.list) {
      const bad = ['BAD_USER_INPUT'];
      const extra = (vars: Record<string, unknown>, lines: unknown[]) => ({ ...vars, [argName]: lines });
      if (c.arg !== 'newUnits') found.push(...(await tryOne(c, `${c.name} ${argName}=[]`, extra(await fresh(), []), bad)));
      const vars = await fresh();
      const lines = vars[argName] as Record<string, unknown>[];
      found.push(...(await tryOne(c, `${c.name} ${argName} with a line twice`, extra(vars, [...lines, structuredClone(lines[0])]), bad, /twice|same|two lines/)));
      found.push(...(await tryOne(c, `${c.name} ${argName} of ${c.list.cap + 1} lines`, extra(await fresh(), Array.from({ length: c.list.cap + 1 }, c.list.line)), bad)));
      found.push(...(await tryOne(c, `${c.name} ${argName} of 20,000 lines`, extra(await fresh(), Array.from({ length: 20_000 }, c.list.line)), bad)));
    }
    // Last, the valid request: it succeeds (for the approvals, it uses up the grant or the case).
    expect(found).toEqual([]);
    const valid = await gql(h.server.graphqlUrl, c.query, await c.variables(), tokens[c.role]);
    expect(valid.errors).toBeUndefined();
  }, 85_000);
});

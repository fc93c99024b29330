import type { GraphQLResolveInfo } from 'graphql';
import { queryLimits } from '../../api/src/common/security';
import { DEMO_PASSWORD } from '../../api/src/seed/demo';
import { errorCode, gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Documents over a limit, and batched requests, are refused before any resolver runs: the server is
 * started with a probe (createApp's `onResolve`, a type-graphql global middleware) that counts every
 * resolver call. Each refused document is a valid GraphQL document on the real schema (only the
 * limit refuses it), and the same shape under the limit does run resolvers (the control).
 */
let server: TestServer;
let token: string;
const calls: string[] = [];
beforeAll(async () => {
  server = await startTestServer({}, {}, { onResolve: (info: GraphQLResolveInfo) => calls.push(`${info.parentType.name}.${info.fieldName}`) });
  token = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
}, 60_000);
afterAll(() => server.close());
beforeEach(() => {
  calls.length = 0;
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });

/** `n` nested inline fragments on Viewer around `permissions`: depth n + 2 (graphql-armor counts inline fragments). */
const nestedFragments = (n: number): string => `{ me { ${'... on Viewer { '.repeat(n)}permissions${' }'.repeat(n)} } }`;
/** A fragment spread `n` times: each spread is priced again by the cost limit, and GraphQL merges them on execution. */
const spreads = (n: number) => `fragment F on Viewer { permissions user { id email fullName role active } unit { code name level } } { me { ${'...F '.repeat(n)}} }`;
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { permissions }`).join(' ')} }`;
/** About n tokens in a list of ids (a field repeated n times would trip graphql-js's own overlap budget first). */
const tokens = (n: number) => `{ allFunds(filter: { ids: [${'"1" '.repeat(n - 14)}] }) { id } }`;
const directives = (n: number) => `{ me { ${'... on Viewer @include(if: true) { permissions } '.repeat(n)}} }`;

const cases: { limit: string; under: string; over: string; message: RegExp }[] = [
  { limit: 'depth', under: nestedFragments(queryLimits.maxDepth - 2), over: nestedFragments(queryLimits.maxDepth), message: /depth limit/i },
  { limit: 'aliases', under: aliases(queryLimits.maxAliases), over: aliases(queryLimits.maxAliases + 1), message: /aliases/i },
  { limit: 'tokens', under: tokens(queryLimits.maxTokens - 20), over: tokens(queryLimits.maxTokens), message: /token/i },
  { limit: 'directives', under: directives(queryLimits.maxDirectives), over: directives(queryLimits.maxDirectives + 1), message: /directive/i },
  { limit: 'cost', under: spreads(10), over: spreads(200), message: /cost limit/i },
];

describe('limits on a document, checked before any resolver runs', () => {
  it.each(cases)('$limit: a valid document over the limit is refused and runs no resolver; under it, it runs', async ({ under, over, message }) => {
    const accepted = await gql(server.graphqlUrl, under, {}, token);
    expect(accepted.errors).toBeUndefined();
    expect(calls.length).toBeGreaterThan(0);
    calls.length = 0;
    const refused = await gql(server.graphqlUrl, over, {}, token);
    expect(refused.errors?.[0]?.message).toMatch(message);
    // A client's error: 400, not a server error.
    expect(refused.status).toBe(400);
    expect(refused.data).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('refuses a mutation of many aliased sign-ins before any attempt is made or counted', async () => {
    const logins = Array.from({ length: queryLimits.maxAliases + 1 }, (_, i) => `a${i}: login(email: "admin@soquy.example", password: "guess-${i}") { token }`);
    const res = await gql(server.graphqlUrl, `mutation { ${logins.join(' ')} }`);
    expect(res.errors?.[0]?.message).toMatch(/aliases/i);
    expect(calls).toEqual([]);
    const rows = await server.orm.em.getConnection().execute("select count(*)::int as n from login_throttle where key = 'email:admin@soquy.example'");
    expect(rows[0].n).toBe(0);
    // The right password still works: nothing was counted against the account.
    expect((await gql(server.graphqlUrl, 'mutation($p: String!) { login(email: "admin@soquy.example", password: $p) { token } }', { p: DEMO_PASSWORD })).errors).toBeUndefined();
  });

  it('refuses batched requests (two operations in one HTTP request) without running either', async () => {
    const res = await post([{ query: '{ me { permissions } }' }, { query: '{ me { permissions } }' }]);
    expect(res.status).toBe(400);
    expect(calls).toEqual([]);
    const mutations = await post([{ query: 'mutation { login(email: "a@b.example", password: "x") { token } }' }]);
    expect(mutations.status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('refuses a body over 1 MB before parsing it', async () => {
    const res = await post({ query: '{ me { permissions } }', variables: { padding: 'x'.repeat(1_100_000) } });
    expect(res.status).toBe(413);
    expect(await res.text()).not.toMatch(/\bat \w+ \(|node_modules/);
    expect(calls).toEqual([]);
  });

  it('runs no resolver for a document that does not parse or does not validate', async () => {
    // A syntax error answered HTTP 500 while graphql-armor's token plugin re-parsed documents in a hook.
    const syntax = await gql(server.graphqlUrl, '{ me { permissions ', {}, token);
    expect([syntax.status, errorCode(syntax)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    const invalid = await gql(server.graphqlUrl, '{ me { permissions } allFunds(perPage: "x") { id } }', {}, token);
    expect([invalid.status, errorCode(invalid)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    expect(calls).toEqual([]);
  });
});

describe('CSRF prevention and GET requests', () => {
  const query = encodeURIComponent('{ me { permissions } }');
  it('refuses the simple requests a foreign page can send without a preflight', async () => {
    const get = await fetch(`${server.graphqlUrl}?query=${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(get.status).toBe(400);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { permissions } }' }) });
      expect(`${type} ${res.status}`).toBe(`${type} 400`);
    }
    const none = await fetch(server.graphqlUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { permissions } }' }) });
    expect(none.status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('answers a GET query that carries a non-simple header, and never runs a mutation over GET', async () => {
    const get = await fetch(`${server.graphqlUrl}?query=${query}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { me: { permissions: string[] } } }).data.me.permissions).toContain('FundRead');
    calls.length = 0;
    const mutation = encodeURIComponent('mutation { login(email: "admin@soquy.example", password: "x") { token } }');
    const res = await fetch(`${server.graphqlUrl}?query=${mutation}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(405);
    expect(calls).toEqual([]);
  });
});

describe('security headers', () => {
  it('are sent on the API, the console, the exports, the public pages and a 404', async () => {
    for (const path of ['/graphql', '/', '/units', '/export/disbursements.csv', '/public/campaigns/none', '/healthz']) {
      const res = await fetch(`${server.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(`${path} ${res.headers.get('x-content-type-options')}`).toBe(`${path} nosniff`);
      expect(`${path} ${res.headers.get('x-frame-options')}`).toBe(`${path} DENY`);
      expect(`${path} ${res.headers.get('referrer-policy')}`).toBe(`${path} no-referrer`);
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('tell caches not to store GraphQL answers: signed-in data, an error, a refused document', async () => {
    const ask = (query: string, auth = true) =>
      fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
    for (const [what, res] of [
      ['data', await ask('{ allFunds(perPage: 2) { id name } }')],
      ['unauthenticated', await ask('{ allFunds(perPage: 2) { id } }', false)],
      ['syntax error', await ask('{ allFunds(')],
    ] as const) {
      expect(`${what} ${res.headers.get('cache-control')}`).toBe(`${what} no-store`);
    }
  });
});

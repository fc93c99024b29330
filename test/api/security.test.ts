import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { armor, queryLimits } from '../../api/src/common/security';
import { errorCode, gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
});
afterAll(() => server.close());

const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(server.graphqlUrl, { method: 'POST', headers: { ...headers, authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

describe('query limits', () => {
  it('refuses a document deeper than the limit (checked on a recursive schema: ours is still shallow)', () => {
    const recursive = buildSchema('type Query { node: Node } type Node { id: ID, next: Node }');
    const nested = (n: number): string => (n === 0 ? 'id' : `next { ${nested(n - 1)} }`);
    const rules = armor().validationRules;
    const ok = validate(recursive, parse(`{ node { ${nested(queryLimits.maxDepth - 2)} } }`), rules);
    expect(ok).toEqual([]);
    const deep = validate(recursive, parse(`{ node { ${nested(queryLimits.maxDepth + 1)} } }`), rules);
    expect(deep[0]?.message).toMatch(/depth limit/i);
  });

  it('answers the standard introspection query outside production', async () => {
    const standard = await gql(server.graphqlUrl, getIntrospectionQuery(), {}, token);
    expect(standard.errors).toBeUndefined();
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: queryLimits.maxAliases + 1 }, (_, i) => `a${i}: me { permissions }`).join(' ');
    const res = await gql(server.graphqlUrl, `{ ${aliases} }`, {}, token);
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
    expect(res.data).toBeUndefined();
  });

  it('refuses too many tokens and too many directives', async () => {
    const long = `{ me { ${'permissions '.repeat(queryLimits.maxTokens)} } }`;
    expect((await gql(server.graphqlUrl, long, {}, token)).errors?.[0]?.message).toMatch(/token/i);
    const directives = `{ me { permissions ${'@skip(if: false) '.repeat(queryLimits.maxDirectives + 1)} } }`;
    expect((await gql(server.graphqlUrl, directives, {}, token)).errors?.[0]?.message).toMatch(/directive/i);
  });

  it('refuses batched requests', async () => {
    const res = await post([{ query: '{ me { permissions } }' }, { query: '{ me { permissions } }' }]);
    expect(res.status).toBe(400);
  });
});

describe('HTTP hardening', () => {
  it('refuses a simple cross-site request (CSRF prevention)', async () => {
    const get = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent('{ me { permissions } }')}`, { headers: { authorization: `Bearer ${token}` } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    const form = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(form.status).toBeGreaterThanOrEqual(400);
  });

  it('sends security headers and a request id', async () => {
    const res = await post({ query: '{ me { permissions } }' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    const page = await fetch(`${server.url}/units`);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });

  it('hides field suggestions and internal details in errors', async () => {
    const res = await gql(server.graphqlUrl, '{ me { permission } }', {}, token);
    expect(res.errors![0]!.message).not.toMatch(/Did you mean/);
  });
});

describe('production mode', () => {
  it('turns introspection and the sandbox off unless configured', async () => {
    const production = await startTestServer({ NODE_ENV: 'production' });
    try {
      const res = await gql(production.graphqlUrl, '{ __schema { queryType { name } } }');
      expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors![0]!.message).toMatch(/introspection/i);
      const landing = await fetch(production.graphqlUrl, { headers: { accept: 'text/html' } });
      expect(await landing.text()).not.toMatch(/sandbox/i);
      expect(landing.headers.get('strict-transport-security')).toMatch(/max-age/);
    } finally {
      await production.close();
    }
    const configured = await startTestServer({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: '1' });
    try {
      const res = await gql(configured.graphqlUrl, '{ __schema { queryType { name } } }');
      expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await configured.close();
    }
  });
});

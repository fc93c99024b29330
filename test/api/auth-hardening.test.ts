import jwt from 'jsonwebtoken';
import { setLogLevel } from '../../api/src/common/logger';
import { THROTTLE } from '../../api/src/modules/auth/login-throttle';
import { DEMO_PASSWORD } from '../../api/src/seed/demo';
import { errorCode, gql, LOGIN, signIn } from '../support/graphql';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server';

/**
 * Extends test/api/auth.test.ts: the sign-in throttle under concurrency, aliases, email variants and a
 * spoofed X-Forwarded-For; forged tokens of every kind; and passwords kept out of the log and the
 * audit trail through sign-ins, a user's creation, a password reset and refused attempts.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());
beforeEach(async () => {
  await server.orm.em.getConnection().execute('truncate login_throttle');
});

const login = (email: string, password: string, headers: Record<string, string> = {}) => gql(server.graphqlUrl, LOGIN, { email, password }, undefined, headers);
const LOCKED = /Too many failed sign-in attempts/;

describe('the sign-in throttle', () => {
  it(`locks an account after ${THROTTLE.perEmail} concurrent failures, and no more attempts are checked`, async () => {
    const attempts = await Promise.all(Array.from({ length: THROTTLE.perEmail * 3 }, (_, i) => login('ketoan2@soquy.example', `wrong-password-${i}`)));
    expect(attempts.every((r) => errorCode(r) === 'UNAUTHENTICATED')).toBe(true);
    const [row] = await server.orm.em.getConnection().execute("select failures, locked_until from login_throttle where key = 'email:ketoan2@soquy.example'");
    expect(row.failures).toBeGreaterThanOrEqual(THROTTLE.perEmail);
    expect(row.locked_until).not.toBeNull();
    expect((await login('ketoan2@soquy.example', DEMO_PASSWORD)).errors![0]!.message).toMatch(LOCKED);
  });

  it('makes one attempt of a request of aliased sign-ins (a refused one ends the mutation), and counts it', async () => {
    const aliases = Array.from({ length: THROTTLE.perEmail + 3 }, (_, i) => `a${i}: login(email: "ketoan2@soquy.example", password: "guess-${i}") { token }`).join(' ');
    const res = await gql(server.graphqlUrl, `mutation { ${aliases} }`);
    expect(res.errors).toHaveLength(1);
    expect(res.data).toBeNull();
    const [row] = await server.orm.em.getConnection().execute("select failures from login_throttle where key = 'email:ketoan2@soquy.example'");
    expect(row.failures).toBe(1);
  });

  it('shares one lock between the spellings of an email', async () => {
    const spellings = ['ketoan2@soquy.example', 'KETOAN2@SOQUY.EXAMPLE', ' Ketoan2@SoQuy.example ', 'ketoan2@soquy.example\t'];
    for (let i = 0; i < THROTTLE.perEmail; i += 1) await login(spellings[i % spellings.length]!, `wrong-password-${i}`);
    for (const spelling of spellings) expect((await login(spelling, DEMO_PASSWORD)).errors![0]!.message).toMatch(LOCKED);
  });

  it('does not let a client escape the address lock with X-Forwarded-For (no proxy is trusted by default)', async () => {
    expect(server.config.trustProxy).toBe(false);
    await server.orm.em.getConnection().execute(`insert into login_throttle (key, failures, window_started_at) values ('ip:127.0.0.1', ${THROTTLE.perAddress - 1}, now())`);
    await login('someone@soquy.example', 'wrong-password-1', { 'x-forwarded-for': '203.0.113.7' });
    const spoofed = await login('thanhtra@soquy.example', DEMO_PASSWORD, { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 200)}` });
    expect(spoofed.errors![0]!.message).toMatch(LOCKED);
    const keys = await server.orm.em.getConnection().execute<{ key: string }[]>("select key from login_throttle where key like 'ip:%'");
    expect(keys.map((k) => k.key)).toEqual(['ip:127.0.0.1']);
  });

  it('answers an oversized or odd email and password as a wrong sign-in, without an internal error', async () => {
    for (const [email, password] of [
      ['x'.repeat(10_000), 'y'],
      ["admin@soquy.example' or 1=1 --", "' or '1'='1"],
      ['admin@soquy.example', 'p'.repeat(100_000)],
      ['%@%', '%'],
    ]) {
      const res = await login(email!, password!);
      expect(['UNAUTHENTICATED', 'BAD_USER_INPUT']).toContain(errorCode(res));
    }
  });
});

describe('tokens', () => {
  const ME = '{ me { user { email } } }';
  const me = (token: string) => gql(server.graphqlUrl, ME, {}, token);
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses forged, altered, expired, premature and foreign tokens with UNAUTHENTICATED', async () => {
    const token = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    const claims = jwt.decode(token) as jwt.JwtPayload;
    const [, payload, signature] = token.split('.');
    const forged: Record<string, string> = {
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      'alg none, admin': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: '1' })}.`,
      'another user, same signature': `${token.split('.')[0]}.${b64({ ...claims, sub: '1' })}.${signature}`,
      'no signature': `${token.split('.')[0]}.${payload}.`,
      'wrong secret': jwt.sign({ tv: claims.tv }, 'another-secret-of-at-least-thirty-two-chars', { subject: claims.sub, issuer: 'so-quy', expiresIn: 60 }),
      'HS512 with the secret': jwt.sign({ tv: claims.tv }, TEST_JWT_SECRET, { algorithm: 'HS512', subject: claims.sub, issuer: 'so-quy', expiresIn: 60 }),
      expired: jwt.sign({ tv: claims.tv, exp: now() - 1 }, TEST_JWT_SECRET, { subject: claims.sub, issuer: 'so-quy' }),
      'not yet valid': jwt.sign({ tv: claims.tv }, TEST_JWT_SECRET, { subject: claims.sub, issuer: 'so-quy', expiresIn: 600, notBefore: 300 }),
      'other issuer': jwt.sign({ tv: claims.tv }, TEST_JWT_SECRET, { subject: claims.sub, issuer: 'someone-else', expiresIn: 60 }),
      'no token version': jwt.sign({}, TEST_JWT_SECRET, { subject: claims.sub, issuer: 'so-quy', expiresIn: 60 }),
      'an old token version': jwt.sign({ tv: Number(claims.tv) - 1 }, TEST_JWT_SECRET, { subject: claims.sub, issuer: 'so-quy', expiresIn: 60 }),
      'a user that does not exist': jwt.sign({ tv: 0 }, TEST_JWT_SECRET, { subject: '999999', issuer: 'so-quy', expiresIn: 60 }),
      'a subject that is not an id': jwt.sign({ tv: 0 }, TEST_JWT_SECRET, { subject: "1 or 1=1", issuer: 'so-quy', expiresIn: 60 }),
      'a huge subject': jwt.sign({ tv: 0 }, TEST_JWT_SECRET, { subject: '99999999999999999999', issuer: 'so-quy', expiresIn: 60 }),
      garbage: 'a.b.c',
      'not a JWT': 'x'.repeat(5_000),
    };
    for (const [what, bad] of Object.entries(forged)) {
      const res = await me(bad);
      expect(`${what}: ${res.status < 500 ? errorCode(res) : res.status}`).toBe(`${what}: UNAUTHENTICATED`);
      expect(res.data ?? null).toBeNull();
    }
    expect((await me(token)).data!.me.user.email).toBe('thanhtra@soquy.example');
  });

  it('refuses the token of a user deactivated after signing in, also for a mutation', async () => {
    const admin = await signIn(server.graphqlUrl, 'admin@soquy.example');
    const userToken = await signIn(server.graphqlUrl, 'ketoan@soquy.example');
    const id = (jwt.decode(userToken) as jwt.JwtPayload).sub!;
    expect((await gql(server.graphqlUrl, 'mutation($id: ID!) { updateUser(id: $id, active: false) { id } }', { id }, admin)).errors).toBeUndefined();
    try {
      expect(errorCode(await me(userToken))).toBe('UNAUTHENTICATED');
      const write = await gql(server.graphqlUrl, 'mutation { createDonor(type: ANONYMOUS, name: "x") { id } }', {}, userToken);
      expect(errorCode(write)).toBe('UNAUTHENTICATED');
      // Even a token minted with the user's current version (a stolen secret) does not revive a deactivated user.
      const [row] = await server.orm.em.getConnection().execute('select token_version from app_user where id = ?', [id]);
      const minted = jwt.sign({ tv: row.token_version }, TEST_JWT_SECRET, { subject: id, issuer: 'so-quy', expiresIn: 60 });
      expect(errorCode(await me(minted))).toBe('UNAUTHENTICATED');
    } finally {
      await server.orm.em.getConnection().execute('update app_user set active = true where id = ?', [id]);
    }
  });
});

describe('passwords', () => {
  it('never reach the log or the audit trail: sign-ins, a refused sign-in, a user created, a password reset, refused input', async () => {
    const secrets = ['Wrong-Guess-Of-2026', 'Created-Password-2026', 'Reset-Password-2026', 'short', 'Rejected-Long-Password-2026'];
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const auditBefore = (await server.orm.em.getConnection().execute('select coalesce(max(id), 0) as id from audit_event'))[0].id;
    try {
      setLogLevel('debug');
      await login('admin@soquy.example', secrets[0]!);
      const admin = await signIn(server.graphqlUrl, 'admin@soquy.example');
      const [unit] = await server.orm.em.getConnection().execute("select id from administrative_unit where code = '13741'");
      const created = await gql(
        server.graphqlUrl,
        'mutation($p: String!, $u: ID!) { createUser(email: "moi.tao@soquy.example", fullName: "Người Mới", role: GRANT_OFFICER, unitId: $u, password: $p) { id } }',
        { p: secrets[1], u: String(unit.id) },
        admin,
      );
      expect(created.errors).toBeUndefined();
      const id = created.data!.createUser.id;
      expect((await gql(server.graphqlUrl, 'mutation($id: ID!, $p: String!) { resetUserPassword(id: $id, password: $p) { id } }', { id, p: secrets[2] }, admin)).errors).toBeUndefined();
      await signIn(server.graphqlUrl, 'moi.tao@soquy.example', secrets[2]);
      const weak = await gql(server.graphqlUrl, 'mutation($id: ID!, $p: String!) { resetUserPassword(id: $id, password: $p) { id } }', { id, p: secrets[3] }, admin);
      expect(errorCode(weak)).toBe('BAD_USER_INPUT');
      expect(weak.errors![0]!.message).not.toContain(secrets[3]);
      // Refused by the inspector's role: the variables are not logged either.
      const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
      await gql(server.graphqlUrl, 'mutation($id: ID!, $p: String!) { resetUserPassword(id: $id, password: $p) { id } }', { id, p: secrets[4] }, inspector);
      await gql(server.graphqlUrl, 'mutation($p: String!) { login(email: "admin@soquy.example", password: $p) { token } }', { p: `${secrets[4]}\u0000` });
    } finally {
      setLogLevel('error');
      spy.mockRestore();
    }
    const log = written.join('');
    expect(log).toContain('sign-in refused');
    expect(log).toContain('signed in');
    for (const secret of [...secrets, DEMO_PASSWORD]) expect(log).not.toContain(secret);
    const events: { operation: string; changes: string }[] = await server.orm.em.getConnection().execute('select operation, changes::text as changes from audit_event where id > ? order by id', [auditBefore]);
    expect(events.map((e) => e.operation)).toEqual(expect.arrayContaining(['login', 'createUser', 'resetUserPassword']));
    for (const event of events) {
      for (const secret of [...secrets, DEMO_PASSWORD]) expect(`${event.operation} ${event.changes.includes(secret)}`).toBe(`${event.operation} false`);
      expect(event.changes).not.toMatch(/\$argon2/);
    }
  });
});

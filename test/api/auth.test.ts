import jwt from 'jsonwebtoken';
import { setLogLevel } from '../../api/src/common/logger';
import { THROTTLE } from '../../api/src/modules/auth/login-throttle';
import { DEMO_PASSWORD } from '../../api/src/seed/demo';
import { errorCode, gql, LOGIN, signIn } from '../support/graphql';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server';

const ME = '{ me { user { email fullName role unitId active } unit { code } permissions } }';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await server.orm.em.getConnection().execute('truncate login_throttle');
});

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  gql(server.graphqlUrl, LOGIN, { email, password }, undefined, headers);

describe('sign-in', () => {
  it('returns a token, the user and their permissions; me answers with the same user', async () => {
    const res = await login('Admin@SoQuy.example ', DEMO_PASSWORD);
    expect(res.errors).toBeUndefined();
    const { token, user, permissions } = res.data!.login;
    expect(user).toMatchObject({ email: 'admin@soquy.example', role: 'ADMIN' });
    expect(permissions).toEqual(expect.arrayContaining(['UserCreate', 'UnitRead']));
    const claims = jwt.decode(token) as jwt.JwtPayload;
    expect(claims.exp! - claims.iat!).toBe(8 * 3600);
    const me = await gql(server.graphqlUrl, ME, {}, token);
    expect(me.data!.me.user).toMatchObject({ email: 'admin@soquy.example', fullName: 'Nguyễn Văn Quản', active: true });
    expect(me.data!.me.unit.code).toBe('36');
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await login('admin@soquy.example', 'not-the-password-1');
    const unknown = await login('nobody@soquy.example', 'not-the-password-1');
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(wrong.data).toBeNull();
  });

  it('refuses a deactivated user with the same answer', async () => {
    await server.orm.em.getConnection().execute("update app_user set active = false where email = 'canbo@soquy.example'");
    try {
      const res = await login('canbo@soquy.example', DEMO_PASSWORD);
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      expect(res.errors![0]!.message).toBe('The email or the password is wrong');
    } finally {
      await server.orm.em.getConnection().execute("update app_user set active = true where email = 'canbo@soquy.example'");
    }
  });

  it(`locks an account after ${THROTTLE.perEmail} failures, even for the right password, and not others`, async () => {
    for (let i = 0; i < THROTTLE.perEmail; i += 1) expect(errorCode(await login('ketoan2@soquy.example', `wrong-password-${i}`))).toBe('UNAUTHENTICATED');
    const locked = await login('ketoan2@soquy.example', DEMO_PASSWORD);
    expect(errorCode(locked)).toBe('UNAUTHENTICATED');
    expect(locked.errors![0]!.message).toMatch(/Too many failed sign-in attempts/);
    expect(locked.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(60);
    // The same lock for an email that does not exist: no hint whether an account exists.
    for (let i = 0; i < THROTTLE.perEmail; i += 1) await login('ghost@soquy.example', `wrong-password-${i}`);
    expect((await login('ghost@soquy.example', 'x')).errors![0]!.message).toBe(locked.errors![0]!.message);
    expect((await login('ketoan@soquy.example', DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it('unlocks an account when its lock has passed, and a success clears its count', async () => {
    for (let i = 0; i < THROTTLE.perEmail; i += 1) await login('ketoan2@soquy.example', `wrong-password-${i}`);
    await server.orm.em.getConnection().execute("update login_throttle set locked_until = now() - interval '1 second', window_started_at = now() - interval '1 hour'");
    expect((await login('ketoan2@soquy.example', DEMO_PASSWORD)).errors).toBeUndefined();
    const rows = await server.orm.em.getConnection().execute("select * from login_throttle where key = 'email:ketoan2@soquy.example'");
    expect(rows).toHaveLength(0);
  });

  it(`locks a client address after ${THROTTLE.perAddress} failures across accounts`, async () => {
    const conn = server.orm.em.getConnection();
    await conn.execute(`insert into login_throttle (key, failures, window_started_at) values ('ip:127.0.0.1', ${THROTTLE.perAddress - 1}, now())`);
    expect(errorCode(await login('someone@soquy.example', 'wrong-password-1'))).toBe('UNAUTHENTICATED');
    const res = await login('thanhtra@soquy.example', DEMO_PASSWORD);
    expect(res.errors![0]!.message).toMatch(/Too many failed sign-in attempts/);
  });
});

describe('tokens', () => {
  const me = (token: string, header = `Bearer ${token}`) =>
    fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: header }, body: JSON.stringify({ query: ME }) }).then(
      (r) => r.json() as Promise<{ errors?: { message: string; extensions: { code: string } }[] }>,
    );

  it('refuses no token, a malformed header, a tampered, a foreign and an expired token', async () => {
    const token = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...(jwt.decode(token) as object), sub: '1' })).toString('base64url')}.${signature}`;
    const foreign = jwt.sign({ tv: 0 }, 'another-secret-of-at-least-thirty-two-chars', { subject: '1', issuer: 'so-quy', expiresIn: 60 });
    const expired = jwt.sign({ tv: 0, exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET, { subject: '1', issuer: 'so-quy' });
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect((await gql(server.graphqlUrl, ME)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await me(token, `Token ${token}`)).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    for (const bad of [tampered, foreign, none]) {
      const res = await me(bad);
      expect(res.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
      expect(res.errors![0]!.message).toMatch(/not valid/);
    }
    const old = await me(expired);
    expect(old.errors![0]!.message).toMatch(/expired/);
    expect((await me(token)).errors).toBeUndefined();
  });

  it('ends earlier sessions when the password is reset or the user is deactivated', async () => {
    const admin = await signIn(server.graphqlUrl, 'admin@soquy.example');
    const userToken = await signIn(server.graphqlUrl, 'canbo@soquy.example');
    const id = (jwt.decode(userToken) as jwt.JwtPayload).sub!;
    const reset = await gql(server.graphqlUrl, 'mutation($id: ID!) { resetUserPassword(id: $id, password: "NewPassword2026") { id } }', { id }, admin);
    expect(reset.errors).toBeUndefined();
    expect((await me(userToken)).errors![0]!.message).toMatch(/no longer valid/);
    const fresh = await signIn(server.graphqlUrl, 'canbo@soquy.example', 'NewPassword2026');
    await gql(server.graphqlUrl, 'mutation($id: ID!) { updateUser(id: $id, active: false) { id } }', { id }, admin);
    expect((await me(fresh)).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('passwords', () => {
  it('are stored as argon2id hashes and never written to the log', async () => {
    const rows: { password_hash: string }[] = await server.orm.em.getConnection().execute('select password_hash from app_user');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      setLogLevel('debug');
      await login('admin@soquy.example', 'Secret-Attempt-123');
      await login('admin@soquy.example', DEMO_PASSWORD);
      setLogLevel('error');
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toContain('sign-in refused');
    expect(written.join('')).not.toContain('Secret-Attempt-123');
    expect(written.join('')).not.toContain(DEMO_PASSWORD);
  });
});

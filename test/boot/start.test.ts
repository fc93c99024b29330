import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../api/src/seed/demo';
import { gql, signIn } from '../support/graphql';
import { ready, root, runApi, scratchRun } from '../support/process';

/**
 * `npm start` as a user runs it: the built API on the embedded PostgreSQL, from an empty data
 * folder, stopped by a signal, started again. Needs `npm run build` (npm test does it).
 */
let dir: string;
let port: number;
let pgPort: number;
const env = () => ({ PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), PGDATA_DIR: path.join(dir, 'postgres') });

beforeAll(async () => {
  ({ dir, port, pgPort } = await scratchRun('soquy-start-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm start on the embedded PostgreSQL', () => {
  jest.setTimeout(180_000);

  it('starts from nothing, seeds once, refuses a taken port, stops on a signal and keeps the data', async () => {
    const first = runApi(env());
    try {
      const banner = await ready(first, 90_000);
      expect(banner).toContain(`Sổ Quỹ is running at http://localhost:${port}/`);
      expect(banner).toContain('demo data seeded now');
      expect(banner).toContain(`Demo accounts, password ${DEMO_PASSWORD}`);
      expect(banner).toMatch(/xa13741@soquy\.example\s+FUND_MANAGER\s+unit 13741/);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const page = await fetch(`${base}/units`);
      expect(page.status).toBe(fs.existsSync(path.join(root, 'admin/dist/index.html')) ? 200 : 503);

      const admin = await signIn(`${base}/graphql`, 'admin@soquy.example');
      const created = await gql(
        `${base}/graphql`,
        'mutation { createUser(email: "luu@soquy.example", fullName: "Người Lưu", role: INSPECTOR, unitId: "1", password: "GiuLai2026") { id } }',
        {},
        admin,
      );
      expect(created.errors).toBeUndefined();

      const clash = runApi(env());
      expect(await clash.exited).toBe(1);
      const lines = clash.err.join('').trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toBe(`Error: Port ${port} is already in use: another program is listening there (set PORT to use another port)`);
    } finally {
      first.child.kill('SIGINT');
    }
    expect(await first.exited).toBe(0);
    expect(first.out.join('')).toContain('Sổ Quỹ stopped.');
    expect(fs.existsSync(path.join(dir, 'postgres/postmaster.pid'))).toBe(false);

    const second = runApi(env());
    try {
      const banner = await ready(second, 90_000);
      expect(banner).not.toContain('seeded now');
      const url = `http://127.0.0.1:${port}/graphql`;
      await expect(signIn(url, 'luu@soquy.example', 'GiuLai2026')).resolves.toEqual(expect.any(String));
      const admin = await signIn(url, 'admin@soquy.example');
      const count = await gql(url, '{ _allUsersMeta { count } _allAdministrativeUnitsMeta { count } }', {}, admin);
      expect(count.data).toEqual({ _allUsersMeta: { count: 7 }, _allAdministrativeUnitsMeta: { count: 237 } });
    } finally {
      second.child.kill('SIGTERM');
    }
    expect(await second.exited).toBe(0);
  });

  it('stops a PostgreSQL orphaned by a killed API and starts again', async () => {
    const first = runApi(env());
    await ready(first, 90_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = runApi(env());
    try {
      await ready(second, 90_000);
      await expect(signIn(`http://127.0.0.1:${port}/graphql`, 'luu@soquy.example', 'GiuLai2026')).resolves.toEqual(expect.any(String));
    } finally {
      second.child.kill('SIGINT');
    }
    expect(await second.exited).toBe(0);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a bad environment variable', { PORT: 'abc' }, /^Error: PORT="abc" is not valid: expected a port number from 1 to 65535$/],
    ['a data folder of another PostgreSQL version', { PGDATA_DIR: 'OLD' }, /^Error: .* holds a PostgreSQL 16 cluster, but the embedded server is PostgreSQL 18: /],
  ])('refuses %s in one clear line', async (_what, overrides, message) => {
    const old = path.join(dir, 'old-cluster');
    fs.mkdirSync(old, { recursive: true });
    fs.writeFileSync(path.join(old, 'PG_VERSION'), '16\n');
    const r = runApi({ ...env(), ...overrides, ...(overrides.PGDATA_DIR ? { PGDATA_DIR: old } : {}) });
    expect(await r.exited).toBe(1);
    const lines = r.err.join('').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

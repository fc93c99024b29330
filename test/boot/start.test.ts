import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../api/src/seed/demo';
import { gql, signIn } from '../support/graphql';

/**
 * `npm start` as a user runs it: the built API on the embedded PostgreSQL, from an empty data
 * folder, stopped by a signal, started again. Needs `npm run build` (npm test does it).
 */
const root = path.resolve(__dirname, '../..');
const main = path.join(root, 'dist/api/src/main.js');

interface Run {
  child: ChildProcess;
  out: string[];
  err: string[];
  exited: Promise<number | null>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(env: Record<string, string>): Run {
  const base = { ...process.env };
  for (const key of ['DATABASE_URL', 'JWT_SECRET', 'SEED_DEMO', 'NODE_ENV', 'PORT']) delete base[key];
  const child = spawn(process.execPath, [main], { cwd: root, env: { ...base, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, err, exited };
}

async function ready(r: Run): Promise<string> {
  for (let waited = 0; waited < 90_000; waited += 100) {
    const text = r.out.join('');
    if (text.includes('Press Ctrl-C to stop.')) return text;
    if (r.child.exitCode !== null) throw new Error(`exited ${r.child.exitCode}: ${r.err.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready: ${r.out.join('')} ${r.err.join('')}`);
}

let dir: string;
let port: number;
let pgPort: number;
const env = () => ({ PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), PGDATA_DIR: path.join(dir, 'postgres') });

beforeAll(async () => {
  if (!fs.existsSync(main)) throw new Error('dist/api/src/main.js is missing: run `npm run build` first (npm test does)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soquy-start-'));
  fs.chmodSync(dir, 0o755); // PostgreSQL runs as the user postgres when we are root
  port = await freePort();
  pgPort = await freePort();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm start on the embedded PostgreSQL', () => {
  jest.setTimeout(180_000);

  it('starts from nothing, seeds once, refuses a taken port, stops on a signal and keeps the data', async () => {
    const first = run(env());
    try {
      const banner = await ready(first);
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

      const clash = run(env());
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

    const second = run(env());
    try {
      const banner = await ready(second);
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
    const first = run(env());
    await ready(first);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = run(env());
    try {
      await ready(second);
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
    const r = run({ ...env(), ...overrides, ...(overrides.PGDATA_DIR ? { PGDATA_DIR: old } : {}) });
    expect(await r.exited).toBe(1);
    const lines = r.err.join('').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

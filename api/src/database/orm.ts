import path from 'node:path';
import { DataloaderType, MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { logger } from '../common/logger';
import { AuditSubscriber } from '../modules/audit/audit.recorder';
import { migrationsList } from '../migrations';
import { entities } from './entities';

export type Orm = MikroORM;

export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return {
    clientUrl,
    entities,
    extensions: [Migrator],
    subscribers: [new AuditSubscriber()],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    pool: { min: 0, max: 10 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: path.resolve(__dirname, '../migrations'),
      pathTs: path.resolve(__dirname, '../../../api/src/migrations').replace(`${path.sep}dist${path.sep}`, path.sep),
      migrationsList,
      transactional: true,
      allOrNothing: true,
      // The snapshot (the entities' schema at the last migration) is written only when a migration
      // is created (cli/migration-create.ts), never when migrations run.
      snapshot: false,
      snapshotName: '.snapshot-soquy',
      emit: 'ts',
    },
    debug: process.env.SQL_DEBUG === '1',
    logger: (message) => logger.debug(message),
    ...overrides,
  };
}

export async function connectOrm(clientUrl: string, overrides: Partial<Options> = {}): Promise<Orm> {
  return MikroORM.init(ormOptions(clientUrl, overrides));
}

/** Any fixed number: the advisory lock that lets one replica at a time migrate. */
const MIGRATION_LOCK = 7_240_601;

/**
 * Applies pending migrations, the only way the schema changes, in one transaction under an
 * advisory lock, so replicas starting together migrate once.
 */
export async function migrate(orm: Orm): Promise<string[]> {
  return orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    const applied = await orm.getMigrator().up({ transaction: em.getTransactionContext() });
    return applied.map((m) => m.name);
  });
}

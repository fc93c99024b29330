import 'reflect-metadata';
import { ormOptions } from '../database/orm';
import { withDatabase } from './with-database';

/** Writes a migration for the difference between the entities and the last snapshot. */
void withDatabase(async (orm) => {
  const result = await orm.getMigrator().createMigration(undefined, false, process.argv.includes('--initial'));
  if (!result.fileName) {
    console.log('No changes: the entities match the last migration snapshot.');
    return;
  }
  console.log(`Wrote api/src/migrations/${result.fileName}: review it, then add it to api/src/migrations/index.ts`);
}, { migrations: { ...ormOptions('').migrations, snapshot: true } });

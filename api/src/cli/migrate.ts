import 'reflect-metadata';
import { migrate } from '../database/orm';
import { withDatabase } from './with-database';

void withDatabase(async (orm) => {
  const applied = await migrate(orm);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
});

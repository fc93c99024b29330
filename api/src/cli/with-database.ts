import { loadConfig, type Config } from '../config';
import type { Options } from '@mikro-orm/postgresql';
import { openDatabase, type Database } from '../database/database';
import type { Orm } from '../database/orm';

/** Runs a command-line task against the configured database, then stops it; errors in one line. */
export async function withDatabase(task: (orm: Orm, config: Config) => Promise<void>, ormOverrides: Partial<Options> = {}): Promise<void> {
  let db: Database | undefined;
  try {
    const config = loadConfig();
    db = await openDatabase(config, ormOverrides);
    await task(db.orm, config);
  } catch (error) {
    process.exitCode = 1;
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await db?.close();
  }
}

import type { Config } from '../config';
import type { Options } from '@mikro-orm/postgresql';
import { connectOrm, type Orm } from './orm';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';

export interface Database {
  orm: Orm;
  /** Set when the embedded PostgreSQL was started by this process. */
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL and connects to it. */
export async function openDatabase(config: Config, ormOverrides: Partial<Options> = {}): Promise<Database> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.embedded.dataDir, config.embedded.port);
  try {
    const orm = await connectOrm(config.databaseUrl ?? embedded!.url, ormOverrides);
    return {
      orm,
      embedded,
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

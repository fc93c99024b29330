import type { AddressInfo } from 'node:net';
import type { Options } from '@mikro-orm/postgresql';
import { createApp, type App, type AppOptions } from '../../api/src/app';
import { loadConfig, type Config } from '../../api/src/config';
import { setLogLevel } from '../../api/src/common/logger';
import type { Orm } from '../../api/src/database/orm';
import { seedDemo } from '../../api/src/seed/demo';
import { createTestDatabase } from './database';

export const TEST_JWT_SECRET = 'test-secret-of-at-least-thirty-two-characters';

export interface TestServer {
  url: string;
  graphqlUrl: string;
  orm: Orm;
  config: Config;
  close(): Promise<void>;
}

/**
 * The real API over real HTTP on a free port, on a fresh database of this test file with the
 * demo data (237 units, the demo accounts), serving the built console from admin/dist.
 */
export async function startTestServer(env: Record<string, string> = {}, ormOverrides: Partial<Options> = {}, appOptions: AppOptions = {}): Promise<TestServer> {
  const { orm, url: databaseUrl } = await createTestDatabase(ormOverrides);
  await seedDemo(orm.em.fork(), { activity: false });
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'error', ...env });
  setLogLevel(config.logLevel);
  const app: App = await createApp(config, orm, TEST_JWT_SECRET, appOptions);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    orm,
    config,
    async close() {
      await app.close();
      await orm.close(true);
    },
  };
}

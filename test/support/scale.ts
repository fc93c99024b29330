import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from './database';
import { inProcessClient, type Client } from './in-process';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from './server';

/** The server of the calling test file, an in-process client of its API, and its connection for SQL checks (set in beforeAll). */
export interface ScaleHarness {
  server: TestServer;
  client: Client;
  conn: () => ReturnType<TestServer['orm']['em']['getConnection']>;
}

/**
 * The set-up of the tests at scale (bank.test.ts, idempotency.test.ts): a fresh demo database with
 * a pool larger than the default 10 (an operation waiting for its fund's lock holds a connection),
 * and the API executed in process for the thousands of operations (`client`), over HTTP for the rest.
 */
export function setUpScaleTest(): ScaleHarness {
  const t = { conn: () => t.server.orm.em.getConnection() } as ScaleHarness;
  beforeAll(async () => {
    t.server = await startTestServer({}, { pool: { min: 0, max: 24 } });
    await resetDatabase(t.server.orm);
    await seedDemo(t.server.orm.em.fork(), { activity: false });
    t.client = await inProcessClient(t.server.orm, t.server.config, TEST_JWT_SECRET);
  });
  afterAll(() => t.server.close());
  return t;
}

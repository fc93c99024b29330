import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { connectOrm, migrate, type Orm } from '../../api/src/database/orm';

function serverUrl(): string {
  const url = process.env.TEST_PG_SERVER_URL;
  if (!url) throw new Error('TEST_PG_SERVER_URL is not set: run the tests with jest (test/support/global-setup.mjs)');
  return url;
}

/**
 * A fresh, migrated database for the calling test file (one per jest worker, recreated per file),
 * on the run's PostgreSQL: the real engine, never a mock.
 */
export async function createTestDatabase(ormOverrides: Partial<Options> = {}): Promise<{ orm: Orm; url: string }> {
  const name = `soquy_test_${process.env.JEST_WORKER_ID ?? '0'}`;
  const admin = await MikroORM.init({ clientUrl: serverUrl(), dbName: undefined, entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: true });
  const conn = admin.em.getConnection();
  await conn.execute(`drop database if exists ${name} with (force)`);
  await conn.execute(`create database ${name}`);
  await admin.close(true);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  const orm = await connectOrm(url.toString(), ormOverrides);
  await migrate(orm);
  return { orm, url: url.toString() };
}

/**
 * Empties the tables a test may have written, keeping the reference data (administrative units).
 * TRUNCATE, not DELETE: the ledger's tables refuse DELETE by trigger.
 */
export async function resetDatabase(orm: Orm): Promise<void> {
  await orm.em
    .getConnection()
    .execute(
      'truncate app_user, login_throttle, app_meta, fund, ledger_account, ledger_transaction, ledger_entry, ledger_daily_total, document_counter, donor, campaign, pledge, donation, audit_event, disbursement, beneficiary_household, housing_grant, memorial_work, memorial_progress, funding_line, project_event, policy_rate, child, gift_campaign, gift_recipient, scholarship, surgery_case, unit_succession_event, unit_succession_line restart identity cascade',
      // policy_rate is reference data like the units, seeded again by seedDemo; truncated as tests revise rates.
    );
}

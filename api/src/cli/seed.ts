import 'reflect-metadata';
import { migrate } from '../database/orm';
import { seedDemo, seedReference } from '../seed/demo';
import { withDatabase } from './with-database';

/** `npm run db:seed`: reference data (administrative units, their funds, policy rates); with SEED_DEMO=1 or --demo, demo data too. */
void withDatabase(async (orm, config) => {
  await migrate(orm);
  const em = orm.em.fork();
  const demo = process.argv.includes('--demo') || (config.databaseUrl !== undefined && config.seedDemo);
  const { units, funds, rates, categories } = await em.transactional((tx) => seedReference(tx));
  console.log(`Reference data: ${units} administrative unit(s), ${funds} fund(s), ${rates} policy rate(s) and ${categories} merit categories added.`);
  if (demo) console.log((await seedDemo(em)).seeded ? 'Demo data seeded.' : 'Demo data was already seeded: nothing done.');
});

/**
 * Model-based test at scale (test/support/model.ts): deposits, payments through their workflow,
 * voids, transfers and housing-grant tranches against a model of the balances, on its own embedded
 * PostgreSQL (fsync on, as installed). Prints runs, commands, time and what happened; fails (exit 1)
 * with fast-check's shrunk counterexample if the database ever disagrees with the model.
 * Run: npm run bench:model [-- --runs 10000 --commands 8 --seed N]
 */
import 'reflect-metadata';
import { loadConfig } from '../api/src/config';
import { setLogLevel } from '../api/src/common/logger';
import { TokenService } from '../api/src/modules/auth/token';
import { verifyFundLedger } from '../api/src/modules/ledger/ledger.verify';
import { inProcessClient } from '../test/support/in-process';
import { checkModel, type ModelEnv } from '../test/support/model';
import { arg, scratchDatabase, SECRET } from './common';

const runs = arg('runs', 10_000);
const maxCommands = arg('commands', 8);
const seed = arg('seed', Date.now() % 2 ** 31);

async function main() {
  setLogLevel('error');
  const db = await scratchDatabase('model');
  const { orm } = db;
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.pg.url, JWT_SECRET: SECRET, LOG_LEVEL: 'error' });
    const tokens = new TokenService(SECRET, config.jwt.ttlSeconds);
    const conn = orm.em.getConnection();
    const token = async (email: string) => {
      const [u] = await conn.execute('select id, token_version from app_user where email = ?', [email]);
      return tokens.sign(u.id, u.token_version).token;
    };
    const fund = async (code: string) => String((await conn.execute("select f.id from fund f join administrative_unit u on u.id = f.unit_id where u.code = ? and f.kind = 'GRATITUDE'", [code]))[0].id);
    const [unit] = await conn.execute("select id from administrative_unit where code = '13741'");
    const env: ModelEnv = {
      client: await inProcessClient(orm, config, SECRET),
      em: () => orm.em.fork(),
      tokens: { officer: await token('canbo@soquy.example'), approver: await token('ketoan2@soquy.example'), payer: await token('ketoan@soquy.example') },
      funds: [await fund('13741'), await fund('13633')],
      grantUnitId: String(unit.id),
      outcomes: new Map(),
    };
    console.log(`model runs: ${runs.toLocaleString('en')}, at most ${maxCommands} commands each, seed ${seed}`);
    const t0 = process.hrtime.bigint();
    await checkModel(env, { runs, maxCommands, seed });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const commands = [...env.outcomes.values()].reduce((s, n) => s + n, 0);
    const [ops] = await conn.execute("select count(*)::int as n from audit_event");
    console.log(`passed in ${seconds.toFixed(1)} s: ${(runs / seconds).toFixed(0)} runs/s, ${commands.toLocaleString('en')} commands (${(commands / seconds).toFixed(0)}/s), ${ops.n.toLocaleString('en')} mutations`);
    for (const [outcome, n] of [...env.outcomes].sort()) console.log(`  ${outcome.padEnd(34)} ${n.toLocaleString('en').padStart(8)}`);
    for (const f of env.funds) {
      const check = await verifyFundLedger(orm.em.fork(), Number(f));
      console.log(`verifyLedger fund ${f}: ok=${check.ok}, ${check.transactionsChecked.toLocaleString('en')} transactions`);
      if (!check.ok) process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

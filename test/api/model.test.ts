import { AdministrativeUnit } from '../../api/src/modules/units/unit.entity';
import { verifyFundLedger } from '../../api/src/modules/ledger/ledger.verify';
import { fundOf } from '../support/funds';
import { signIn } from '../support/graphql';
import { inProcessClient } from '../support/in-process';
import { checkModel, type ModelEnv } from '../support/model';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server';

/**
 * The fast-check model test of deposits, payments, voids, transfers and tranches (issue 8,
 * Reliability; test/support/model.ts): 1,000 short runs on one database, each command through the
 * API's schema in process. `npm run bench:model -- --runs N` runs more and prints figures.
 */
let server: TestServer;
let env: ModelEnv;

beforeAll(async () => {
  server = await startTestServer();
  const [officer, approver, payer] = await Promise.all(['canbo@soquy.example', 'ketoan2@soquy.example', 'ketoan@soquy.example'].map((e) => signIn(server.graphqlUrl, e)));
  const unit = await server.orm.em.fork().findOneOrFail(AdministrativeUnit, { code: '13741' });
  env = {
    client: await inProcessClient(server.orm, server.config, TEST_JWT_SECRET),
    em: () => server.orm.em.fork(),
    tokens: { officer: officer!, approver: approver!, payer: payer! },
    funds: [String((await fundOf(server.orm.em, '13741')).id), String((await fundOf(server.orm.em, '13633')).id)],
    grantUnitId: String(unit.id),
    outcomes: new Map(),
  };
});
afterAll(() => server.close());

it('keeps the database balances equal to a model of them through 1,000 runs of deposits, payments, voids, transfers and tranches', async () => {
  await checkModel(env, { runs: Number(process.env.MODEL_RUNS ?? 1_000), maxCommands: 3, seed: 20261128 });
  // Every kind of outcome was met, the refusals included (a void refused because its money was spent is
  // rare here, as balances build up from run to run: donations.test.ts covers it).
  const kinds = ['deposit IN_KIND earmarked', 'void', 'payment', 'payment refused: insufficient', 'transfer', 'transfer refused: insufficient', 'tranche', 'tranche refused: policy limit', 'tranche refused: insufficient'];
  expect(kinds.filter((k) => !env.outcomes.get(k))).toEqual([]);
  // And the two funds' ledgers are whole after it all.
  for (const fund of env.funds) expect(await verifyFundLedger(server.orm.em.fork(), Number(fund))).toMatchObject({ ok: true, firstMismatch: null });
  const [sum] = await server.orm.em.getConnection().execute('select coalesce(sum(amount), 0)::text as s from ledger_entry');
  expect(sum.s).toBe('0');
}, 600_000);

/**
 * Statement benchmark: a province of about 1,000,000 ledger entries over 10 years (bench/generate.ts)
 * on its own embedded PostgreSQL, then the yearly provincial statement of the Gratitude funds (province
 * unit, last full year, compared with the year before) through the service and through HTTP GraphQL,
 * cold and warm. Prints p50/p99, the entry count and whether the statement balances.
 * Run: npm run bench:statement [-- --entries 1000000 --runs 30]
 */
import 'reflect-metadata';
import type { SignedInContext } from '../api/src/common/context';
import { Role } from '../api/src/common/permissions';
import { Scope } from '../api/src/common/scope';
import { FundKind } from '../api/src/modules/funds/fund.entity';
import { statementService } from '../api/src/modules/statements/statement.service';
import { arg, ms, openProvince, pct, signIn, startApi } from './common';

const runs = arg('runs', 30);

async function main() {
  // openProvince: --entries N (default 1,000,000); --data DIR keeps the generated database and reuses it.
  const db = await openProvince();
  const { orm, pg } = db;
  try {
    const conn = orm.em.getConnection();
    const [count] = await conn.execute('select (select count(*)::int from ledger_daily_total) as days');
    console.log(`ledger_daily_total rows: ${count.days.toLocaleString('en')}`);

    const [province] = await conn.execute("select id, path from administrative_unit where code = '36'");
    const year = new Date().getFullYear() - 1;
    const input = { unitId: String(province.id), kind: FundKind.GRATITUDE, from: `${year}-01-01`, to: `${year}-12-31` };
    const [user] = await conn.execute("select id, email from app_user where email = 'thanhtra@soquy.example'");
    const ctx = () =>
      ({ requestId: 'bench', ip: '127.0.0.1', loaders: new Map(), em: orm.em.fork(), user: { id: user.id, email: user.email, role: Role.INSPECTOR, unitId: province.id }, scope: new Scope(province.id, province.path) }) as unknown as SignedInContext;

    await conn.execute('discard all');
    let t = process.hrtime.bigint();
    const first = await statementService.statement(ctx(), input);
    const cold = ms(t);
    const service: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      t = process.hrtime.bigint();
      await statementService.statement(ctx(), input);
      service.push(ms(t));
    }
    console.log(`statement ${input.from}..${input.to}, ${first.funds.length} Gratitude funds, compare with ${year - 1}: balanced=${first.balanced}`);
    console.log(`  receipts ${first.current.receipts.total.toLocaleString('en')} đ, disbursements ${first.current.disbursements.total.toLocaleString('en')} đ, closing ${first.current.closing.total.toLocaleString('en')} đ = ledger ${first.current.ledgerClosing.toLocaleString('en')} đ`);
    console.log(`service: cold ${cold.toFixed(0)} ms; warm p50 ${pct(service, 50).toFixed(0)} ms, p99 ${pct(service, 99).toFixed(0)} ms (${runs} runs)`);

    const app = await startApi(orm, pg.url);
    const { base } = app;
    const token = await signIn(base, 'thanhtra@soquy.example');
    const query = `query($input: StatementInput!) { fundStatement(input: $input) { balanced current { closing { total } receipts { total byMethod { method amount } byDonorType { donorType amount } } disbursements { total byCategory { category amount } } } previous { closing { total } } byLevel { level closing } byUnit { unitName closing } } }`;
    const http: number[] = [];
    for (let i = 0; i <= runs; i += 1) {
      t = process.hrtime.bigint();
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables: { input } }) });
      const body = (await res.json()) as { data?: { fundStatement: { balanced: boolean } }; errors?: unknown };
      if (!body.data?.fundStatement.balanced) throw new Error(`HTTP statement failed: ${JSON.stringify(body.errors ?? body)}`);
      http.push(ms(t));
    }
    console.log(`HTTP GraphQL: first ${http[0]!.toFixed(0)} ms; then p50 ${pct(http.slice(1), 50).toFixed(0)} ms, p99 ${pct(http.slice(1), 99).toFixed(0)} ms (${runs} runs)`);
    await app.close();
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * Statement benchmark: a province of about 1,000,000 ledger entries over 10 years (bench/generate.ts)
 * on its own embedded PostgreSQL, then the yearly provincial statement of the Gratitude funds (province
 * unit, last full year, compared with the year before) through the service and through HTTP GraphQL,
 * cold and warm. Prints p50/p99, the entry count and whether the statement balances.
 * Run: npm run bench:statement [-- --entries 1000000 --runs 30]
 */
import 'reflect-metadata';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../api/src/app';
import { loadConfig } from '../api/src/config';
import type { SignedInContext } from '../api/src/common/context';
import { setLogLevel } from '../api/src/common/logger';
import { Role } from '../api/src/common/permissions';
import { Scope } from '../api/src/common/scope';
import { startEmbeddedPostgres } from '../api/src/database/embedded';
import { connectOrm, migrate } from '../api/src/database/orm';
import { FundKind } from '../api/src/modules/funds/fund.entity';
import { statementService } from '../api/src/modules/statements/statement.service';
import { seedDemo } from '../api/src/seed/demo';
import { generateProvince } from './generate';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const entries = arg('entries', 1_000_000);
const runs = arg('runs', 30);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function main() {
  setLogLevel('warn');
  // --data DIR keeps the generated database in DIR and reuses it on the next run (to study plans).
  const at = process.argv.indexOf('--data');
  const keep = at > 0 ? path.resolve(process.argv[at + 1]!) : undefined;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'soquy-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
  const orm = await connectOrm(pg.url);
  try {
    await migrate(orm);
    await seedDemo(orm.em.fork(), { activity: false });
    const conn = orm.em.getConnection();
    const [existing] = await conn.execute('select count(*)::int as n from ledger_entry');
    if (existing.n === 0) {
      const t0 = process.hrtime.bigint();
      const generated = await orm.em.fork().transactional((em) => generateProvince(em, { entries, log: (l) => console.log(`  ${l}`) }));
      console.log(`generated in ${(ms(t0) / 1000).toFixed(1)} s: ${JSON.stringify(generated)}`);
      await conn.execute('vacuum analyze');
    } else console.log(`reusing the database in ${dir}`);
    const [count] = await conn.execute('select count(*)::int as n, (select count(*)::int from ledger_daily_total) as days from ledger_entry');
    console.log(`ledger_entry rows: ${count.n.toLocaleString('en')}, ledger_daily_total rows: ${count.days.toLocaleString('en')}`);

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

    const secret = 'bench-secret-of-at-least-thirty-two-chars';
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: pg.url, JWT_SECRET: secret, LOG_LEVEL: 'warn' });
    const app = await createApp(config, orm, secret);
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(email: "thanhtra@soquy.example", password: "SoQuy@2025") { token } }' }),
    });
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
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
    await orm.close(true);
    await pg.stop();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

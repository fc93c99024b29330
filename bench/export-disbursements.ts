/**
 * Export benchmark: 100,000 disbursements streamed as CSV and XLSX from the real server on the
 * embedded PostgreSQL. Prints rows, bytes, seconds and the process's resident memory before and at
 * its peak. Run: npm run bench:export [-- --rows 100000]
 */
import 'reflect-metadata';
import { setLogLevel } from '../api/src/common/logger';
import { scratchDatabase, signIn, startApi } from './common';

const at = process.argv.indexOf('--rows');
const rows = at > 0 ? Number(process.argv[at + 1]) : 100_000;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

async function main() {
  setLogLevel('warn');
  const db = await scratchDatabase('export');
  const { orm } = db;
  try {
    const conn = orm.em.getConnection();
    const started = Date.now();
    await conn.execute(
      `insert into disbursement (fund_id, amount, category, payee_name, payee_id_number, purpose, status, created_by_id, idempotency_key)
       select (select id from fund order by id limit 1) + (g % 200), 1000000 + (g % 5000) * 1000,
              (array['HOUSING_NEW','HOUSING_REPAIR','HARDSHIP','SURGERY'])[1 + g % 4]::disbursement_category,
              'Người nhận số ' || g, lpad((g % 1000000000)::text, 12, '0'), 'Nội dung chi thử nghiệm số ' || g, 'DRAFT', 1, 'bench-' || g
         from generate_series(1, ?) g`,
      [rows],
    );
    console.log(`prepared ${rows.toLocaleString('en')} disbursements in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const app = await startApi(orm, db.pg.url);
    const { base } = app;
    const token = await signIn(base, 'thanhtra@soquy.example');
    global.gc?.();
    for (const format of ['csv', 'xlsx']) {
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
      const t0 = Date.now();
      const res = await fetch(`${base}/export/disbursements.${format}`, { headers: { authorization: `Bearer ${token}` } });
      let bytes = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
      clearInterval(sampler);
      const seconds = (Date.now() - t0) / 1000;
      console.log(`${format.padEnd(4)} ${rows.toLocaleString('en')} rows  ${mb(bytes).padStart(7)}  ${seconds.toFixed(1)} s  ${Math.round(rows / seconds).toLocaleString('en')} rows/s  RSS ${mb(before)} → peak ${mb(peak)} (+${mb(peak - before)})`);
    }
    await app.close();
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * Export benchmark: 100,000 disbursements streamed as CSV and XLSX from the real server on the
 * embedded PostgreSQL. Prints rows, bytes, seconds and the process's resident memory before and at
 * its peak. Run: npm run bench:export [-- --rows 100000]
 */
import 'reflect-metadata';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../api/src/app';
import { loadConfig } from '../api/src/config';
import { setLogLevel } from '../api/src/common/logger';
import { startEmbeddedPostgres } from '../api/src/database/embedded';
import { connectOrm, migrate } from '../api/src/database/orm';
import { seedDemo } from '../api/src/seed/demo';

const at = process.argv.indexOf('--rows');
const rows = at > 0 ? Number(process.argv[at + 1]) : 100_000;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function main() {
  setLogLevel('warn');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soquy-bench-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
  const secret = 'bench-secret-of-at-least-thirty-two-chars';
  const orm = await connectOrm(pg.url);
  try {
    await migrate(orm);
    await seedDemo(orm.em.fork(), { activity: false });
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
    await orm.close(true);
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();

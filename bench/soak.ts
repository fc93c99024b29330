/**
 * Soak: mixed traffic against the real API (in a child process) on the generated province for a
 * while (default 2 minutes): the inspectors' list with fund and unit, a disbursement by id, the funds
 * with balances, the dashboard-like fund list and donations (createDonation with idempotency keys,
 * some replayed). Every `--every` seconds it prints the server's RSS and heap (after a full GC), and
 * at the end the growth after the warm-up (the first quarter), which should be flat.
 * Run: npm run bench:soak [-- --data DIR --seconds 120 --every 10 --clients 10]
 */
import 'reflect-metadata';
import { todayVn } from '../api/src/common/dates';
import { arg, load, machine, n0, openProvince, postJson, runBench, serve, serveApi, signIn } from './common';

const seconds = arg('seconds', 120);
const every = arg('every', 10);
const clients = arg('clients', 10);
const mb = (bytes: number) => bytes / 2 ** 20;

interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

async function serveSoakApi(db: string) {
  await serveApi(db, (message) => {
    if (message !== 'memory') return null;
    global.gc?.();
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external } satisfies Memory;
  });
}

async function main() {
  console.log(`soak: ${machine()}, ${clients} clients, ${seconds} s, a sample every ${every} s`);
  const province = await openProvince();
  try {
    const conn = province.orm.em.getConnection();
    const funds = ((await conn.execute("select id from fund where kind = 'GRATITUDE' and closed_on is null order by id")) as { id: number }[]).map((f) => String(f.id));
    const disbursements = ((await conn.execute('select id from disbursement order by id desc limit 1000')) as { id: string }[]).map((d) => d.id);
    const api = await serve(__filename, 'api', province.pg.url, [], ['--expose-gc']);
    const inspector = { authorization: `Bearer ${await signIn(api.base, 'thanhtra@soquy.example')}` };
    const manager = { authorization: `Bearer ${await signIn(api.base, 'ketoan@soquy.example')}` };
    const url = `${api.base}/graphql`;
    const today = todayVn();
    const run = `${Date.now()}`;
    const list = 'query($page: Int) { allDisbursements(page: $page, perPage: 50, sortField: "createdAt", sortOrder: "DESC") { id voucherNumber status amount payeeName projectType projectId flags fund { name unit { nameWithType } } } _allDisbursementsMeta { count totalAmount } }';
    const one = 'query($id: ID!) { Disbursement(id: $id) { id amount amountInWords createdByName permissions { canPay } fund { name balance unit { name } } } }';
    const fundList = 'query { allFunds(perPage: 100) { id name balance freeBalance inKindHeld receiptsThisYear spendingThisYear unit { nameWithType } } }';
    const donate = 'mutation($fundId: ID!, $amount: SafeInt!, $on: LocalDate!, $key: String!) { createDonation(fundId: $fundId, donorName: "Nhà hảo tâm soak", amount: $amount, receivedOn: $on, method: CASH, idempotencyKey: $key) { id receiptNumber } }';
    const counts = { list: 0, one: 0, funds: 0, donate: 0 };
    const step = async (i: number) => {
      const k = i % 20;
      const r =
        k < 10
          ? (counts.list++, await postJson(url, { query: list, variables: { page: i % 200 } }, inspector))
          : k < 14
            ? (counts.one++, await postJson(url, { query: one, variables: { id: disbursements[i % disbursements.length] } }, inspector))
            : k < 16
              ? (counts.funds++, await postJson(url, { query: fundList }, inspector))
              : (counts.donate++, await postJson(url, { query: donate, variables: { fundId: funds[Math.floor(i / 2) % funds.length], amount: 200_000, on: today, key: `soak-${run}-${Math.floor(i / 2)}` } }, manager));
      if (r.status !== 200 || r.json.errors) throw new Error(`${r.status} ${JSON.stringify(r.json.errors).slice(0, 300)}`);
    };

    const samples: { at: number; memory: Memory }[] = [];
    const t0 = Date.now();
    const sample = async () => {
      const memory = await api.ask<Memory>('memory');
      const at = (Date.now() - t0) / 1000;
      samples.push({ at, memory });
      console.log(`  ${at.toFixed(0).padStart(4)} s  RSS ${mb(memory.rss).toFixed(0).padStart(4)} MB  heap ${mb(memory.heapUsed).toFixed(1).padStart(6)} MB of ${mb(memory.heapTotal).toFixed(0)} MB  external ${mb(memory.external).toFixed(1)} MB`);
    };
    await sample();
    const timer = setInterval(() => void sample(), every * 1000);
    const result = await load(clients, { seconds }, step);
    clearInterval(timer);
    await sample();
    console.log(`traffic: ${n0(result.done)} requests (${n0(result.rate)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms), ${result.failed} failed${result.firstError ? `: ${result.firstError}` : ''}; mix ${JSON.stringify(counts)}`);

    const warm = samples.find((s) => s.at >= seconds / 4) ?? samples[0]!;
    const last = samples[samples.length - 1]!;
    const minutes = (last.at - warm.at) / 60;
    const heap = mb(last.memory.heapUsed - warm.memory.heapUsed);
    const rss = mb(last.memory.rss - warm.memory.rss);
    console.log(`growth after warm-up (${warm.at.toFixed(0)} s → ${last.at.toFixed(0)} s): heap ${heap >= 0 ? '+' : ''}${heap.toFixed(1)} MB (${(heap / minutes).toFixed(2)} MB/min), RSS ${rss >= 0 ? '+' : ''}${rss.toFixed(0)} MB`);
    const [check] = await conn.execute('select count(*)::int as n, count(distinct idempotency_key)::int as keys from donation where idempotency_key like ?', [`soak-${run}-%`]);
    console.log(`donations: ${check.n} recorded for ${check.keys} keys (each key sent twice)`);
    await api.stop();
  } finally {
    await province.close();
  }
}

runBench(main, { api: serveSoakApi });

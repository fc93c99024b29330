/**
 * The inspectors' list query on the generated province: `allDisbursements` (newest first, 50 a
 * page, pages spread over the first 100) with each disbursement's fund and the fund's unit, payee
 * and project, through the real API over HTTP (signed in as the province inspector), against a
 * baseline serving the same data from one hand-written SQL query with plain graphql-js on a bare
 * http server. Both run in a child process with the same pool size; N clients in a closed loop.
 * Prints requests/s, p50/p99, the ratio to the baseline, and the SQL statements per API request
 * for 10, 50 and 200 a page.
 * Run: npm run bench:list [-- --data DIR --clients 20 --seconds 15 --cpu-prof]
 */
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, graphql } from 'graphql';
import { setLogLevel } from '../api/src/common/logger';
import { connectOrm } from '../api/src/database/orm';
import { arg, cpuMicros, describeLoad, load, machine, openProvince, postJson, ratio, runBench, serve, served, serveCountingApi, signIn, type LoadResult } from './common';

const clients = arg('clients', 20);
const seconds = arg('seconds', 15);
const PROVINCE_INSPECTOR = 'thanhtra@soquy.example';

const fields = 'id voucherNumber status category amount paidOn payeeName payeeIdNumber projectType projectId fund { id name kind unit { id nameWithType level } }';
const apiQuery = `query List($page: Int, $perPage: Int) { allDisbursements(page: $page, perPage: $perPage, sortField: "createdAt", sortOrder: "DESC") { ${fields} } }`;
const baselineQuery = `query List($page: Int, $perPage: Int) { allDisbursements(page: $page, perPage: $perPage) { ${fields} } }`;

/** The baseline: a hand-written schema, one SQL query per request, graphql-js on node:http. */
async function serveBaseline(db: string) {
  setLogLevel('warn');
  const orm = await connectOrm(db);
  const knex = orm.em.getConnection().getKnex();
  const [province] = (await knex.raw("select path from administrative_unit where code = '36'")).rows as { path: string }[];
  const schema = buildSchema(`
    type Unit { id: ID! nameWithType: String! level: String! }
    type Fund { id: ID! name: String! kind: String! unit: Unit! }
    type Disbursement { id: ID! voucherNumber: String status: String! category: String! amount: Float! paidOn: String payeeName: String! payeeIdNumber: String projectType: String projectId: ID fund: Fund! }
    type Query { allDisbursements(page: Int, perPage: Int): [Disbursement!]! }
  `);
  const rootValue = {
    async allDisbursements({ page = 0, perPage = 25 }: { page?: number; perPage?: number }) {
      const result = await knex.raw(
        `select d.id, d.voucher_number, d.status, d.category, d.amount, d.paid_on::text as paid_on, d.payee_name, d.payee_id_number, d.project_type, d.project_id,
                f.id as fund_id, f.name as fund_name, f.kind as fund_kind, u.id as unit_id, u.name_with_type, u.level
           from disbursement d join fund f on f.id = d.fund_id join administrative_unit u on u.id = f.unit_id
          where u.path like ? order by d.created_at desc, d.id desc limit ? offset ?`,
        [`${province!.path}%`, perPage, page * perPage],
      );
      return (result.rows as Record<string, string | null>[]).map((r) => ({
        id: r.id, voucherNumber: r.voucher_number, status: r.status, category: r.category, amount: Number(r.amount), paidOn: r.paid_on,
        payeeName: r.payee_name, payeeIdNumber: r.payee_id_number, projectType: r.project_type, projectId: r.project_id,
        fund: { id: r.fund_id, name: r.fund_name, kind: r.fund_kind, unit: { id: r.unit_id, nameWithType: r.name_with_type, level: r.level } },
      }));
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
      void graphql({ schema, source: query, rootValue, variableValues: variables }).then((result) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  served((server.address() as AddressInfo).port, (message) => (message === 'cpu' ? cpuMicros() : null), async () => {
    server.close();
    await orm.close(true);
  });
}

async function main() {
  console.log(`list query benchmark: ${machine()}, ${clients} clients, ${seconds} s a side`);
  const province = await openProvince();
  try {
    // Both servers run as the Dockerfile runs the API (NODE_ENV=production): graphql-js, which both use,
    // leaves out its development checks (a cross-realm test on every instanceof of its types).
    process.env.NODE_ENV = 'production';
    const api = await serve(__filename, 'api', province.pg.url);
    const baseline = await serve(__filename, 'baseline', province.pg.url);
    const token = await signIn(api.base, PROVINCE_INSPECTOR);
    const auth = { authorization: `Bearer ${token}` };

    // Both answer the same rows.
    const a = await postJson(`${api.base}/graphql`, { query: apiQuery, variables: { page: 3, perPage: 50 } }, auth);
    const b = await postJson(`${baseline.base}/graphql`, { query: baselineQuery, variables: { page: 3, perPage: 50 } });
    if (a.json.errors || JSON.stringify(a.json.data) !== JSON.stringify(b.json.data)) {
      throw new Error(`the API and the baseline answer differently: ${JSON.stringify(a.json).slice(0, 400)} / ${JSON.stringify(b.json).slice(0, 400)}`);
    }
    console.log(`same 50 rows from both (first: ${JSON.stringify((a.json.data!.allDisbursements as unknown[])[0])})`);

    await api.ask('statements');
    const perPage: string[] = [];
    for (const n of [10, 50, 200]) {
      const r = await postJson(`${api.base}/graphql`, { query: apiQuery, variables: { page: 0, perPage: n } }, auth);
      if (r.json.errors) throw new Error(JSON.stringify(r.json.errors));
      perPage.push(`${n} a page: ${await api.ask<number>('statements')}`);
    }
    console.log(`SQL statements per API request (sign-in check included): ${perPage.join(', ')}; baseline: 1`);

    const run = (base: string, query: string, headers: Record<string, string>) => (i: number) =>
      postJson(`${base}/graphql`, { query, variables: { page: i % 100, perPage: 50 } }, headers).then((r) => {
        if (r.status !== 200 || r.json.errors || (r.json.data?.allDisbursements as unknown[]).length !== 50) throw new Error(`${r.status} ${JSON.stringify(r.json.errors)}`);
      });
    const results: Record<string, LoadResult> = {};
    const cpu: Record<string, number> = {};
    for (const [name, server, query, headers] of [
      ['baseline', baseline, baselineQuery, {}],
      ['api', api, apiQuery, auth],
    ] as const) {
      await load(clients, { seconds: 3 }, run(server.base, query, headers)); // warm-up
      const before = await server.ask<number>('cpu');
      results[name] = await load(clients, { seconds }, run(server.base, query, headers));
      cpu[name] = ((await server.ask<number>('cpu')) - before) / 1000 / results[name]!.done;
    }
    console.log(`baseline (graphql-js + 1 SQL query): ${describeLoad(results.baseline!)}`);
    console.log(`API (Apollo + type-graphql + MikroORM): ${describeLoad(results.api!)}`);
    console.log(`ratio API / baseline: ${ratio(results.api!.rate, results.baseline!.rate)} requests/s (target ≥ 0.50×)`);
    // Less dependent on the machine's load than the rates: what one request costs the server's process.
    console.log(`server CPU per request: baseline ${cpu.baseline!.toFixed(1)} ms, API ${cpu.api!.toFixed(1)} ms`);
    await api.stop();
    await baseline.stop();
  } finally {
    await province.close();
  }
}

runBench(main, { api: serveCountingApi, baseline: serveBaseline });

/**
 * Bank statement import benchmark: a generated CSV of 100,000 transfers (sao kê) imported into the
 * province's Gratitude Fund through POST /import/donations/preview and /commit, against the same
 * kind of rows recorded one by one through createDonation over HTTP GraphQL (one client, a sample
 * of 2,000 rows, extrapolated to the file's size), on the same embedded PostgreSQL in the same run.
 * Then the same file again (idempotent: nothing written) and verifyLedger on both funds.
 * Run: npm run bench:import [-- --rows 100000 --sample 2000]
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { addDays, formatDateVi, todayVn } from '../api/src/common/dates';
import { setLogLevel } from '../api/src/common/logger';
import { arg, ms, scratchDatabase, startApi } from './common';

const rows = arg('rows', 100_000);
const sample = arg('sample', 2_000);

const rate = (n: number, millis: number) => Math.round((n * 1000) / millis);

/** A statement as a Vietnamese bank exports it: header, dd/mm/yyyy dates over the last year, amounts with dots. */
function statementCsv(count: number): string {
  const today = todayVn();
  const lines = ['Mã giao dịch;Ngày giao dịch;Số tiền ghi có;Tên người chuyển;Nội dung'];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < count; i++) {
    const date = addDays(today, -(next() % 365));
    const amount = (1 + (next() % 500)) * 10_000;
    lines.push(`FT${String(i).padStart(9, '0')};${formatDateVi(date)};${amount.toLocaleString('vi-VN')};NGUOI UNG HO ${i % 997};Ung ho Quy Den on dap nghia`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function main() {
  // info: the import logs the time of its phases.
  setLogLevel('info');
  const db = await scratchDatabase('import');
  const { orm } = db;
  try {
    const conn = orm.em.getConnection();
    const app = await startApi(orm, db.pg.url, 'info');
    const { base } = app;
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: Record<string, any>; errors?: unknown }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const login = async (email: string) => (await gql('mutation($e: String!) { login(email: $e, password: "SoQuy@2025") { token } }', { e: email })).data!.login.token as string;
    const token = await login('ketoan@soquy.example');
    const [province] = await conn.execute("select f.id from fund f join administrative_unit u on u.id = f.unit_id where u.code = '36' and f.kind = 'GRATITUDE'");
    const [other] = await conn.execute("select f.id from fund f join administrative_unit u on u.id = f.unit_id where u.code = '13741' and f.kind = 'GRATITUDE'");

    const csv = statementCsv(rows);
    const bytes = Buffer.byteLength(csv);
    console.log(`CSV: ${rows.toLocaleString('en')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
    const upload = async (step: 'preview' | 'commit') => {
      const t = process.hrtime.bigint();
      const res = await fetch(`${base}/import/donations/${step}?fundId=${province.id}`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: csv });
      const body = (await res.json()) as { ok: number; alreadyImported: number; errorCount: number; firstReceipt: string; lastReceipt: string; errors?: unknown };
      if (res.status !== 200) throw new Error(`${step} failed: ${JSON.stringify(body)}`);
      return { millis: ms(t), body };
    };
    const preview = await upload('preview');
    console.log(`preview: ${preview.millis.toFixed(0)} ms (${rate(rows, preview.millis).toLocaleString('en')} rows/s), ok ${preview.body.ok}, errors ${preview.body.errorCount}`);
    const commit = await upload('commit');
    const importRate = rate(commit.body.ok, commit.millis);
    console.log(`commit: ${commit.millis.toFixed(0)} ms for ${commit.body.ok.toLocaleString('en')} donations: ${importRate.toLocaleString('en')} rows/s (${commit.body.firstReceipt} … ${commit.body.lastReceipt})`);
    const again = await upload('commit');
    console.log(`same file again: ${again.millis.toFixed(0)} ms, written ${again.body.ok}, already imported ${again.body.alreadyImported.toLocaleString('en')}`);

    // Baseline: single createDonation calls, one client, the same shape of rows, another fund.
    const create = `mutation($fundId: ID!, $amount: SafeInt!, $receivedOn: LocalDate!, $name: String!, $note: String!, $key: String!) {
      createDonation(fundId: $fundId, donorName: $name, amount: $amount, receivedOn: $receivedOn, method: BANK_TRANSFER, note: $note, idempotencyKey: $key) { id } }`;
    const today = todayVn();
    for (let i = 0; i < 50; i++) await gql(create, { fundId: String(other.id), amount: 10_000, receivedOn: today, name: 'WARM UP', note: 'x', key: randomUUID() }, token);
    const t = process.hrtime.bigint();
    for (let i = 0; i < sample; i++) {
      const res = await gql(create, { fundId: String(other.id), amount: (1 + (i % 500)) * 10_000, receivedOn: addDays(today, -(i % 365)), name: `NGUOI UNG HO ${i % 997}`, note: `Sao kê FT${i}: Ung ho`, key: randomUUID() }, token);
      if (!res.data?.createDonation) throw new Error(`createDonation failed: ${JSON.stringify(res.errors)}`);
    }
    const singleMillis = ms(t);
    const singleRate = rate(sample, singleMillis);
    console.log(
      `single createDonation (HTTP, one client): ${sample.toLocaleString('en')} in ${singleMillis.toFixed(0)} ms: ${singleRate.toLocaleString('en')} rows/s; ` +
        `${rows.toLocaleString('en')} rows would take about ${((rows / singleRate)).toFixed(0)} s (extrapolated from the sample)`,
    );
    console.log(`ratio import / single inserts: ${(importRate / singleRate).toFixed(1)}× (target ≥ 20×)`);

    const inspector = await login('thanhtra@soquy.example');
    for (const id of [province.id, other.id]) {
      const res = await gql('query($id: ID!) { verifyLedger(fundId: $id) { ok } }', { id: String(id) }, inspector);
      console.log(`verifyLedger fund ${id}: ${JSON.stringify(res.data?.verifyLedger ?? res.errors)}`);
    }
    const [check] = await conn.execute(
      "select count(*)::int n, sum(amount)::bigint total, count(distinct (receipt_year, receipt_seq))::int receipts from donation where fund_id = ?",
      [province.id],
    );
    const [balance] = await conn.execute("select balance::bigint b from ledger_account where fund_id = ? and code = 'CASH' and purpose is null", [province.id]);
    console.log(`province fund: ${check.n.toLocaleString('en')} donations, ${check.receipts.toLocaleString('en')} distinct receipt numbers, total ${Number(check.total).toLocaleString('en')} đ, cash balance ${Number(balance.b).toLocaleString('en')} đ`);
    await app.close();
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

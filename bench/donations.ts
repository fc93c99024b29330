/**
 * Money in and out under concurrency, on the generated province:
 * - donations (default): `createDonation` with idempotency keys from N concurrent clients (default 50)
 *   through the real API over HTTP, spread over the province's Gratitude funds, against a raw-SQL
 *   transfer of the same shape from the same number of clients and the same pool size (one
 *   transaction: lock the fund row, insert the transaction and its two entries, update the two
 *   account balances with a guarded update), on scratch tables of the ledger's shape (schema
 *   `bench_raw`, dropped afterwards) so the real ledger's hash chain stays whole;
 * - `--payments`: `payDisbursement` of approved disbursements of ONE hot fund (the province's
 *   Gratitude fund) from N concurrent clients, against a raw guarded UPDATE of one row
 *   (`update … set balance = balance - x where balance >= x`).
 * Prints the rates, p50/p99 and the ratio, and the API process's CPU time and SQL statements per
 * request of the measured run. The API's writes stay in the database (dated today).
 * Run: npm run bench:donations [-- --data DIR --clients 50 --seconds 15 --cpu-prof]
 *      npm run bench:payments [-- --data DIR --clients 50 --count 3000]
 */
import 'reflect-metadata';
import { todayVn } from '../api/src/common/dates';
import { arg, describeLoad, flag, load, machine, openProvince, postJson, ratio, runBench, serve, serveCountingApi, signIn, usageMeter, type Province } from './common';

const clients = arg('clients', 50);
const seconds = arg('seconds', 15);
const MANAGER = 'ketoan@soquy.example';

/** Scratch copies of fund, ledger_account, ledger_transaction and ledger_entry (columns, keys, checks; no triggers). */
async function rawTables(province: Province) {
  const conn = province.orm.em.getConnection();
  await conn.execute('drop schema if exists bench_raw cascade');
  await conn.execute('create schema bench_raw');
  await conn.execute('create table bench_raw.fund (id int primary key, last_seq int not null default 0, last_hash text)');
  await conn.execute(`create table bench_raw.account (id serial primary key, fund_id int not null references bench_raw.fund, code text not null, balance bigint not null default 0 check (code <> 'CASH' or balance >= 0), unique (fund_id, code))`);
  await conn.execute(
    `create table bench_raw.transaction (id bigserial primary key, fund_id int not null references bench_raw.fund, seq int not null, kind text not null, occurred_on date not null,
       description text not null, source_type text not null, source_id bigint not null, created_by_id int, created_at timestamptz not null default now(), prev_hash text, hash text not null, unique (fund_id, seq))`,
  );
  await conn.execute('create table bench_raw.entry (id bigserial primary key, transaction_id bigint not null references bench_raw.transaction, account_id int not null references bench_raw.account, amount bigint not null)');
  await conn.execute('create index on bench_raw.entry (transaction_id)');
  await conn.execute('create index on bench_raw.entry (account_id)');
  await conn.execute("insert into bench_raw.fund (id) select id from fund where kind = 'GRATITUDE' and closed_on is null");
  await conn.execute("insert into bench_raw.account (fund_id, code, balance) select id, c, case when c = 'CASH' then 1000000000000 else 0 end from bench_raw.fund, unnest(array['CASH', 'DONATION_INCOME']) c");
}

async function donations(province: Province) {
  const conn = province.orm.em.getConnection();
  const funds = ((await conn.execute("select id from fund where kind = 'GRATITUDE' and closed_on is null order by id")) as { id: number }[]).map((f) => f.id);
  const today = todayVn();
  const api = await serve(__filename, 'api', province.pg.url);
  const token = await signIn(api.base, MANAGER);
  const run = `${Date.now()}`;
  const mutation = `mutation($fundId: ID!, $amount: SafeInt!, $on: LocalDate!, $key: String!) {
    createDonation(fundId: $fundId, donorName: "Nhà hảo tâm thử tải", amount: $amount, receivedOn: $on, method: CASH, idempotencyKey: $key) { id receiptNumber amount } }`;
  // Fresh keys in each phase (warm-up, measure): a replayed key would be answered without writing.
  let phase = 'warm';
  const viaApi = (i: number) =>
    postJson(`${api.base}/graphql`, { query: mutation, variables: { fundId: String(funds[i % funds.length]), amount: 100_000 + (i % 50) * 10_000, on: today, key: `bench-${run}-${phase}-${i}` } }, { authorization: `Bearer ${token}` }).then((r) => {
      if (r.json.errors || !r.json.data?.createDonation) throw new Error(JSON.stringify(r.json.errors));
    });

  await rawTables(province);
  const knex = conn.getKnex();
  const viaSql = (i: number) =>
    knex.transaction(async (trx) => {
      const fundId = funds[i % funds.length]!;
      const amount = 100_000 + (i % 50) * 10_000;
      const [head] = (await trx.raw('update bench_raw.fund set last_seq = last_seq + 1 where id = ? returning last_seq, last_hash', [fundId])).rows as { last_seq: number; last_hash: string | null }[];
      const [tx] = (
        await trx.raw(
          `insert into bench_raw.transaction (fund_id, seq, kind, occurred_on, description, source_type, source_id, created_by_id, prev_hash, hash)
           values (?, ?, 'DONATION', ?, ?, 'donation', ?, 1, ?, md5(random()::text)) returning id, hash`,
          [fundId, head!.last_seq, today, `PT-raw-${i} Nhà hảo tâm thử tải`, i, head!.last_hash],
        )
      ).rows as { id: string; hash: string }[];
      await trx.raw(
        `insert into bench_raw.entry (transaction_id, account_id, amount)
         select ?, a.id, case when a.code = 'CASH' then ? else -?::bigint end from bench_raw.account a where a.fund_id = ?`,
        [tx!.id, amount, amount, fundId],
      );
      // Guarded: the cash account never below zero (for a donation the guard always holds).
      const updated = await trx.raw(
        `update bench_raw.account set balance = balance + case when code = 'CASH' then ?::bigint else -?::bigint end
          where fund_id = ? and (code <> 'CASH' or balance + ?::bigint >= 0)`,
        [amount, amount, fundId, amount],
      );
      if (updated.rowCount !== 2) throw new Error('guarded update refused');
      await trx.raw('update bench_raw.fund set last_hash = ? where id = ?', [tx!.hash, fundId]);
    });

  console.log(`donations: ${clients} clients, ${funds.length} Gratitude funds, ${seconds} s a side`);
  await load(clients, { seconds: 3 }, viaSql);
  const raw = await load(clients, { seconds }, viaSql);
  console.log(`raw SQL transfer (lock fund, transaction + 2 entries, guarded balance update): ${describeLoad(raw, 'donations')}`);
  await load(clients, { seconds: 3 }, viaApi);
  phase = 'measure';
  const meter = await usageMeter(api);
  const viaApiResult = await load(clients, { seconds }, viaApi);
  console.log(`API createDonation (receipt number, hash chain, daily totals, audit event): ${describeLoad(viaApiResult, 'donations')}`);
  console.log(await meter.per(viaApiResult.done, 'donation'));
  console.log(`ratio API / raw SQL: ${ratio(viaApiResult.rate, raw.rate)} donations/s (target ≥ 0.50×)`);

  // Every acknowledged donation is there once.
  const [check] = await conn.execute("select count(*)::int as n, count(distinct idempotency_key)::int as keys from donation where idempotency_key like ?", [`bench-${run}-measure-%`]);
  console.log(`check: ${check.n} donations recorded for ${check.keys} keys of the measured run; ${viaApiResult.done} acknowledged`);
  await conn.execute('drop schema bench_raw cascade');
  await api.stop();
}

async function payments(province: Province) {
  const conn = province.orm.em.getConnection();
  const count = arg('count', 3000);
  const [fund] = await conn.execute("select f.id, f.name from fund f join administrative_unit u on u.id = f.unit_id where u.code = '36' and f.kind = 'GRATITUDE'");
  const [officer] = await conn.execute("select id from app_user where email = 'canbo@soquy.example'");
  const [approver] = await conn.execute("select id from app_user where email = 'ketoan2@soquy.example'");
  const run = `${Date.now()}`;
  const ids = ((await conn.execute(
    `insert into disbursement (fund_id, amount, category, payee_name, purpose, idempotency_key, status, created_by_id, approved_by_id, approved_at)
     select ?, 100000 + (g % 10) * 10000, 'HARDSHIP', 'Hộ thử tải ' || g, 'Hỗ trợ khó khăn', ? || g, 'APPROVED', ?, ?, now() from generate_series(1, ?) g returning id`,
    [fund.id, `bench-pay-${run}-`, officer.id, approver.id, count + 200],
  )) as { id: string }[]).map((r) => r.id);
  const [before] = await conn.execute("select sum(balance)::bigint as balance from ledger_account where fund_id = ? and code = 'CASH'", [fund.id]);
  console.log(`payments: ${clients} clients, ${ids.length} approved disbursements of ${fund.name} (cash ${Number(before.balance).toLocaleString('en')} đ)`);

  // The baseline: a guarded update of one hot row, each in its own (autocommit) transaction.
  await conn.execute('drop schema if exists bench_raw cascade');
  await conn.execute('create schema bench_raw');
  await conn.execute('create table bench_raw.account (id int primary key, balance bigint not null check (balance >= 0))');
  await conn.execute('insert into bench_raw.account values (1, 1000000000000)');
  const knex = conn.getKnex();
  const guarded = (i: number) =>
    knex.raw('update bench_raw.account set balance = balance - ? where id = 1 and balance >= ?', [100_000 + (i % 10) * 10_000, 100_000 + (i % 10) * 10_000]).then((r) => {
      if (r.rowCount !== 1) throw new Error('refused');
    });
  await load(clients, { total: 500 }, guarded);
  const raw = await load(clients, { total: count }, guarded);
  console.log(`raw guarded UPDATE of one row: ${describeLoad(raw, 'payments')}`);

  const api = await serve(__filename, 'api', province.pg.url);
  const token = await signIn(api.base, MANAGER);
  const today = todayVn();
  const mutation = 'mutation($id: ID!, $on: LocalDate!) { payDisbursement(id: $id, paidOn: $on) { id status voucherNumber } }';
  const pay = (i: number) =>
    postJson(`${api.base}/graphql`, { query: mutation, variables: { id: ids[i], on: today } }, { authorization: `Bearer ${token}` }).then((r) => {
      if (r.json.errors || (r.json.data?.payDisbursement as { status: string }).status !== 'PAID') throw new Error(JSON.stringify(r.json.errors));
    });
  await load(clients, { total: 200 }, pay); // warm-up: the first 200
  const meter = await usageMeter(api);
  const viaApi = await load(clients, { total: count }, (i) => pay(i + 200));
  console.log(`API payDisbursement on one fund (voucher number, ledger posting, audit event): ${describeLoad(viaApi, 'payments')}`);
  console.log(await meter.per(viaApi.done, 'payment'));
  console.log(`ratio API / raw guarded UPDATE: ${ratio(viaApi.rate, raw.rate)} payments/s (target ≥ 0.50×)`);
  const [after] = await conn.execute("select sum(balance)::bigint as balance from ledger_account where fund_id = ? and code = 'CASH'", [fund.id]);
  const [paid] = await conn.execute("select count(*)::int as n, coalesce(sum(amount), 0)::bigint as total, count(distinct voucher_number)::int as vouchers from disbursement where idempotency_key like ? and status = 'PAID'", [`bench-pay-${run}-%`]);
  const [sum] = await conn.execute('select sum(amount)::bigint as s from ledger_entry');
  console.log(`check: ${paid.n} paid, ${paid.vouchers} distinct vouchers, cash (free and earmarked) fell by ${(Number(before.balance) - Number(after.balance)).toLocaleString('en')} đ = paid ${Number(paid.total).toLocaleString('en')} đ; ledger sums to ${sum.s}`);
  await conn.execute('drop schema bench_raw cascade');
  await api.stop();
}

async function main() {
  console.log(`${flag('payments') ? 'payments' : 'donations'} benchmark: ${machine()}`);
  const province = await openProvince();
  try {
    if (flag('payments')) await payments(province);
    else await donations(province);
  } finally {
    await province.close();
  }
}

runBench(main, { api: serveCountingApi });

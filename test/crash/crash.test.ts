import fs from 'node:fs';
import path from 'node:path';
import { connectOrm, type Orm } from '../../api/src/database/orm';
import { todayVn } from '../../api/src/common/dates';
import { seedDemo } from '../../api/src/seed/demo';
import { gql, signIn } from '../support/graphql';
import { alive, ready, runApi, scratchRun, untilDead, type Run } from '../support/process';

/**
 * Crash test (issue 8, Reliability): the built API on its own embedded PostgreSQL (a persistent data
 * folder, fsync on: the app's own start, not the tests' fast server), under donation load from
 * concurrent clients. Three times: the API is killed with SIGKILL and PostgreSQL stopped at once
 * (SIGQUIT to the postmaster, `pg_ctl stop -m immediate`: no checkpoint, WAL recovery on the next
 * start). After each restart every acknowledged donation (HTTP 200 with an id) is there once, with
 * the receipt number it was acknowledged with; the requests cut off are retried with their key and
 * land once; receipt numbers are gapless and verifyLedger is ok on every fund.
 */
const ROUNDS = 3;
const CLIENTS = 8;
/** Acknowledged donations each round waits for before the crash. */
const ACKS_BEFORE_CRASH = 40;

const DONATE = `mutation($f: ID!, $a: SafeInt!, $k: String!, $d: LocalDate!) {
  createDonation(fundId: $f, donorName: "Nhà hảo tâm", amount: $a, receivedOn: $d, method: BANK_TRANSFER, idempotencyKey: $k) { id receiptNumber amount }
}`;
const VERIFY = 'query($id: ID!) { verifyLedger(fundId: $id) { ok transactionsChecked firstMismatch { reason } } }';

interface Sent {
  key: string;
  fund: string;
  amount: number;
}
interface Ack extends Sent {
  id: string;
  receiptNumber: string;
}

let dir: string;
let port: number;
let pgPort: number;
let api: Run | undefined;
const env = () => ({ PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), PGDATA_DIR: path.join(dir, 'postgres'), SEED_DEMO: 'false' });
const graphqlUrl = () => `http://127.0.0.1:${port}/graphql`;
const pgUrl = () => `postgres://postgres:postgres@127.0.0.1:${pgPort}/soquy`;
const postmasterPid = () => Number(fs.readFileSync(path.join(dir, 'postgres/postmaster.pid'), 'utf8').split('\n')[0]);

beforeAll(async () => {
  ({ dir, port, pgPort } = await scratchRun('soquy-crash-'));
});
afterAll(async () => {
  // Whatever happened, stop what this file started: the API, then its PostgreSQL.
  if (api && api.child.exitCode === null) {
    api.child.kill('SIGINT');
    await api.exited;
  }
  if (fs.existsSync(path.join(dir, 'postgres/postmaster.pid'))) {
    const pid = postmasterPid();
    if (alive(pid)) {
      process.kill(pid, 'SIGQUIT');
      await untilDead(pid);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

async function withDatabase<T>(task: (orm: Orm) => Promise<T>): Promise<T> {
  const orm = await connectOrm(pgUrl(), { pool: { min: 0, max: 2 } });
  try {
    return await task(orm);
  } finally {
    await orm.close(true);
  }
}

/**
 * Clients sending donations, each with a fresh key, until told to stop. Answers are sorted as the
 * client sees them: acknowledged (HTTP 200 with an id), or unknown (cut off, or an error): those a
 * client retries with the same key.
 */
function load(token: string, funds: string[], round: number, acked: Ack[], unknown: Sent[]) {
  let stop = false;
  let n = 0;
  const clients = Array.from({ length: CLIENTS }, async (_, c) => {
    while (!stop) {
      n += 1;
      const sent: Sent = { key: `crash-${round}-${c}-${n}`, fund: funds[n % funds.length]!, amount: 100_000 + n * 1_000 };
      try {
        const res = await gql(graphqlUrl(), DONATE, { f: sent.fund, a: sent.amount, k: sent.key, d: todayVn() }, token);
        const donation = res.status === 200 ? (res.data?.createDonation as { id: string; receiptNumber: string } | undefined) : undefined;
        if (donation?.id) acked.push({ ...sent, id: donation.id, receiptNumber: donation.receiptNumber });
        else unknown.push(sent);
      } catch {
        unknown.push(sent); // the connection was cut: the client does not know whether it was recorded
      }
    }
  });
  return {
    stop: async () => {
      stop = true;
      await Promise.all(clients);
    },
  };
}

async function start(): Promise<void> {
  api = runApi(env());
  await ready(api);
}

/** SIGKILL the API and, at once, an immediate stop of PostgreSQL (SIGQUIT to the postmaster). */
async function crash(): Promise<void> {
  const pg = postmasterPid();
  api!.child.kill('SIGKILL');
  process.kill(pg, 'SIGQUIT');
  await api!.exited;
  await untilDead(pg);
}

it('keeps every acknowledged donation exactly once through three crashes of the API and PostgreSQL', async () => {
  // First start: a new cluster, migrations and the reference data; the demo accounts are added directly.
  await start();
  await withDatabase((orm) => seedDemo(orm.em.fork(), { activity: false }));
  const funds = await withDatabase(async (orm) =>
    (
      await orm.em.getConnection().execute<{ id: number }[]>(
        `select f.id from fund f join administrative_unit u on u.id = f.unit_id
          where f.kind = 'GRATITUDE' and f.closed_on is null and u.level in ('PROVINCE', 'COMMUNE') order by u.level desc, f.id limit 3`,
      )
    ).map((f) => String(f.id)),
  );
  expect(funds).toHaveLength(3);

  const acked: Ack[] = [];
  const retried: Ack[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const manager = await signIn(graphqlUrl(), 'ketoan@soquy.example');
    const unknown: Sent[] = [];
    const before = acked.length;
    const clients = load(manager, funds, round, acked, unknown);
    // Wait for enough acknowledged donations (a condition, not a delay), then crash under load.
    for (let waited = 0; acked.length - before < ACKS_BEFORE_CRASH; waited += 20) {
      if (waited > 120_000) throw new Error(`only ${acked.length - before} donations acknowledged in round ${round}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const stopping = clients.stop();
    await crash();
    await stopping;
    const inFlight = unknown.length;

    await start();
    // A client retries what it does not know with the same key: each lands once, old or new.
    const token = await signIn(graphqlUrl(), 'ketoan@soquy.example');
    for (const sent of unknown) {
      const res = await gql(graphqlUrl(), DONATE, { f: sent.fund, a: sent.amount, k: sent.key, d: todayVn() }, token);
      expect(res.errors).toBeUndefined();
      retried.push({ ...sent, id: res.data!.createDonation.id, receiptNumber: res.data!.createDonation.receiptNumber });
    }

    await withDatabase(async (orm) => {
      const conn = orm.em.getConnection();
      const rows = await conn.execute<{ id: string; idempotency_key: string; receipt_number: string; amount: string }[]>(
        "select id, idempotency_key, receipt_number, amount from donation where idempotency_key like 'crash-%'",
      );
      const byKey = new Map<string, typeof rows>();
      for (const r of rows) byKey.set(r.idempotency_key, [...(byKey.get(r.idempotency_key) ?? []), r]);
      // Every acknowledged donation is there once, as it was acknowledged (id, receipt number, amount).
      for (const a of [...acked, ...retried]) {
        const found = byKey.get(a.key) ?? [];
        expect([a.key, found.map((r) => [String(r.id), r.receipt_number, Number(r.amount)])]).toEqual([a.key, [[a.id, a.receiptNumber, a.amount]]]);
      }
      // Nothing else: no donation the clients never got an answer for after their retries, none twice.
      expect(rows).toHaveLength(acked.length + retried.length);
      expect(byKey.size).toBe(rows.length);

      // Receipt numbers gapless per fund and year, and the counters where the receipts end.
      const series = await conn.execute<{ fund_id: number; n: number; max: number; distinct: number; counter: number | null }[]>(
        `select d.fund_id, count(*)::int as n, max(d.receipt_seq) as max, count(distinct d.receipt_seq)::int as distinct,
                (select c.last_number from document_counter c where c.fund_id = d.fund_id and c.doc_type = 'PT' and c.year = d.receipt_year) as counter
           from donation d group by d.fund_id, d.receipt_year`,
      );
      for (const s of series) expect(s).toEqual({ fund_id: s.fund_id, n: s.n, max: s.n, distinct: s.n, counter: s.n });
      const [sum] = await conn.execute('select coalesce(sum(amount), 0)::text as s from ledger_entry');
      expect(sum.s).toBe('0');
    });
    const inspector = await signIn(graphqlUrl(), 'thanhtra@soquy.example');
    const posted = await withDatabase((orm) => orm.em.getConnection().execute<{ fund_id: number }[]>('select distinct fund_id from ledger_transaction order by fund_id'));
    expect(posted.map((p) => String(p.fund_id)).sort()).toEqual([...funds].sort());
    for (const { fund_id } of posted) {
      const check = await gql(graphqlUrl(), VERIFY, { id: String(fund_id) }, inspector);
      expect(check.data!.verifyLedger).toMatchObject({ ok: true, firstMismatch: null });
    }
    process.stdout.write(`crash round ${round}: ${acked.length - before} acknowledged, ${inFlight} cut off and retried\n`);
  }
  api!.child.kill('SIGINT');
  expect(await api!.exited).toBe(0);
}, 600_000);

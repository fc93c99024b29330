import { todayVn } from '../../api/src/common/dates';
import { gql, signIn, type GraphQLResponse } from '../support/graphql';
import { setUpScaleTest } from '../support/scale';

/**
 * Idempotency at scale (issue 8, Reliability): every key sent 10 times at once, as a client
 * retrying over a bad network would, through the API's schema, middleware and transactions in
 * process (20,000 operations: over HTTP the parsing alone would take the test's time budget). One record per key, the same answer to all ten, receipt
 * numbers gapless per fund, one ledger transaction per donation.
 */
const KEYS = Number(process.env.IDEMPOTENCY_KEYS ?? 1_000);
const REPLAYS = 10;
/** Keys in flight together: 20 keys × 10 replays = 200 requests. */
const KEYS_AT_ONCE = 20;

const DONATE = `mutation($f: ID!, $a: SafeInt!, $k: String!, $d: LocalDate!, $m: DonationMethod!, $e: ProgramCategory, $g: String) {
  createDonation(fundId: $f, donorName: "Nhà hảo tâm", amount: $a, receivedOn: $d, method: $m, earmark: $e, inKindDescription: $g, idempotencyKey: $k) {
    id receiptNumber amount method earmark fundId status createdAt
  }
}`;
const DRAFT = `mutation($f: ID!, $a: SafeInt!, $k: String!) {
  createDisbursement(fundId: $f, amount: $a, category: HARDSHIP, payeeName: "Nguyễn Thị Lan", purpose: "Hỗ trợ hộ khó khăn", idempotencyKey: $k) { id status amount fundId createdAt }
}`;
const VERIFY = 'query($id: ID!) { verifyLedger(fundId: $id) { ok transactionsChecked } }';

const t = setUpScaleTest();
const today = todayVn();
const conn = () => t.conn();

async function inBatches(count: number, size: number, task: (i: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < count; start += size) {
    await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, j) => task(start + j)));
  }
}

/** Sends the same operation REPLAYS times at once and checks that every answer is the same success. */
async function replayed(query: string, variables: Record<string, unknown>, token: string, field: string): Promise<Record<string, unknown>> {
  const answers: GraphQLResponse[] = await Promise.all(Array.from({ length: REPLAYS }, () => t.client(query, variables, token)));
  for (const a of answers) expect(a.errors).toBeUndefined();
  const first = answers[0]!.data![field] as Record<string, unknown>;
  for (const a of answers) expect(a.data![field]).toEqual(first);
  return first;
}

async function threeFunds(): Promise<number[]> {
  const rows: { id: number }[] = await conn().execute(
    `select f.id from fund f join administrative_unit u on u.id = f.unit_id
      where f.kind = 'GRATITUDE' and f.closed_on is null and u.level in ('PROVINCE', 'COMMUNE') order by u.level desc, f.id limit 3`,
  );
  return rows.map((r) => Number(r.id));
}

it('answers 1,000 donation keys replayed 10 times at once with one donation each, the same answer, gapless receipts', async () => {
  const manager = await signIn(t.server.graphqlUrl, 'ketoan@soquy.example');
  const funds = await threeFunds();
  expect(funds).toHaveLength(3);
  const methods = ['CASH', 'BANK_TRANSFER', 'IN_KIND'] as const;
  const sent = new Map<string, { fund: number; amount: number }>();
  const answered = new Map<string, Record<string, unknown>>();
  await inBatches(KEYS, KEYS_AT_ONCE, async (i) => {
    const key = `idem-donation-${String(i).padStart(5, '0')}`;
    const method = methods[i % 3]!;
    const variables = {
      f: String(funds[i % funds.length]!),
      a: 100_000 + i * 1_000,
      k: key,
      d: today,
      m: method,
      e: i % 5 === 0 ? 'HOUSING_NEW' : null,
      g: method === 'IN_KIND' ? 'Gạo và nhu yếu phẩm' : null,
    };
    const answer = await replayed(DONATE, variables, manager, 'createDonation');
    expect(answer).toMatchObject({ amount: variables.a, method, fundId: variables.f, status: 'POSTED' });
    sent.set(key, { fund: funds[i % funds.length]!, amount: variables.a });
    answered.set(key, answer);
  });

  // One row per key, carrying the id that all ten answers gave.
  const rows: { id: string; idempotency_key: string; fund_id: number; amount: string; receipt_seq: number }[] = await conn().execute(
    "select id, idempotency_key, fund_id, amount, receipt_seq from donation where idempotency_key like 'idem-donation-%'",
  );
  expect(rows).toHaveLength(KEYS);
  expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(KEYS);
  for (const r of rows) expect([r.idempotency_key, String(r.id), Number(r.amount)]).toEqual([r.idempotency_key, answered.get(r.idempotency_key)!.id, sent.get(r.idempotency_key)!.amount]);
  expect(new Set([...answered.values()].map((a) => `${a.fundId} ${a.receiptNumber}`)).size).toBe(KEYS);

  // Receipt numbers per fund are exactly 1..n: none skipped by the losing replays, none given twice.
  for (const fund of funds) {
    const seqs = rows.filter((r) => r.fund_id === fund).map((r) => r.receipt_seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, j) => j + 1));
  }
  const [counter] = await conn().execute("select sum(last_number)::int as n from document_counter where doc_type = 'PT'");
  expect(counter.n).toBe(KEYS);

  // One ledger transaction per donation, and the fund's assets are what was given once.
  const [tx] = await conn().execute("select count(*)::int as n from ledger_transaction where kind = 'DONATION'");
  expect(tx.n).toBe(KEYS);
  const [assets] = await conn().execute("select sum(balance)::text as s from ledger_account where code in ('CASH', 'GOODS')");
  expect(assets.s).toBe(String([...sent.values()].reduce((s, x) => s + x.amount, 0)));
  const inspector = await signIn(t.server.graphqlUrl, 'thanhtra@soquy.example');
  for (const fund of funds) {
    expect((await gql(t.server.graphqlUrl, VERIFY, { id: String(fund) }, inspector)).data!.verifyLedger).toEqual({ ok: true, transactionsChecked: rows.filter((r) => r.fund_id === fund).length });
  }
}, 600_000);

it('answers 1,000 disbursement keys replayed 10 times at once with one draft each and the same answer', async () => {
  const officer = await signIn(t.server.graphqlUrl, 'canbo@soquy.example');
  const funds = await threeFunds();
  const answered = new Map<string, Record<string, unknown>>();
  await inBatches(KEYS, KEYS_AT_ONCE, async (i) => {
    const key = `idem-disbursement-${String(i).padStart(5, '0')}`;
    const answer = await replayed(DRAFT, { f: String(funds[i % funds.length]!), a: 200_000 + i, k: key }, officer, 'createDisbursement');
    expect(answer).toMatchObject({ status: 'DRAFT', amount: 200_000 + i });
    answered.set(key, answer);
  });
  const rows: { id: string; idempotency_key: string }[] = await conn().execute("select id, idempotency_key from disbursement where idempotency_key like 'idem-disbursement-%'");
  expect(rows).toHaveLength(KEYS);
  for (const r of rows) expect(String(r.id)).toBe(answered.get(r.idempotency_key)!.id);
  // Drafting posts nothing.
  const [tx] = await conn().execute("select count(*)::int as n from ledger_transaction where kind <> 'DONATION'");
  expect(tx.n).toBe(0);
}, 600_000);

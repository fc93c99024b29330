import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { EntityManager } from '@mikro-orm/postgresql';
import { todayVn } from '../../api/src/common/dates';
import type { GraphQLResponse } from './graphql';
import type { Client } from './in-process';

/**
 * A model-based test of the money (issue 8, Reliability), shared by test/api/model.test.ts and
 * bench/model.ts: deposits (donations in cash, by transfer, in kind, earmarked), payments
 * (disbursements through DRAFT → SUBMITTED → APPROVED → PAID), voids, transfers between two funds and
 * housing-grant tranches, each sent through the API, against a model that is only a map of
 * balances. After every command the database's cash and goods balances of both funds equal the
 * model's, and no balance anywhere is below zero.
 *
 * A run starts from whatever the database holds (read into the model): runs share one database
 * and nothing is reset between them. A payment's amount is a share of what the model says it may
 * use, so every run meets both sides of the line (paid, and refused for want of money).
 */

export interface ModelEnv {
  client: Client;
  em: () => EntityManager;
  /** Signed-in tokens: the officer drafts, the second manager approves, the first manager pays and voids. */
  tokens: { officer: string; approver: string; payer: string };
  /** Two Gratitude funds: A (with the housing grants of `grantUnitId`), and B. */
  funds: [string, string];
  grantUnitId: string;
  /** The housing grant the tranches pay, kept from run to run until its first tranche is nearly used up. */
  grantId?: string;
  /** Outcomes seen, for the bench's figures. */
  outcomes: Map<string, number>;
}

type Asset = 'CASH' | 'GOODS';
const key = (fund: string, code: Asset, purpose: string | null) => `${fund}|${code}|${purpose ?? ''}`;

export interface Model {
  balances: Map<string, number>;
  donations: { id: string; fund: string; code: Asset; purpose: string | null; amount: number; voided: boolean }[];
  /** The housing grant of this run, once a tranche needs one: what its tranches may still reach. */
  grant?: { id: string; room: number };
}

const EARMARKS = [null, 'HOUSING_NEW', 'HARDSHIP'] as const;
const PAY_CATEGORIES = ['HARDSHIP', 'HOUSING_NEW'] as const;

const DONATE = `mutation($f: ID!, $a: SafeInt!, $k: String!, $d: LocalDate!, $m: DonationMethod!, $e: ProgramCategory, $g: String) {
  createDonation(fundId: $f, donorName: "Nhà hảo tâm", amount: $a, receivedOn: $d, method: $m, earmark: $e, inKindDescription: $g, idempotencyKey: $k) { id status }
}`;
const VOID = 'mutation($id: ID!) { voidDonation(id: $id, reason: "Ghi nhầm số tiền, lập lại phiếu") { id status } }';
const DRAFT = `mutation($f: ID!, $a: SafeInt!, $c: DisbursementCategory!, $k: String!, $t: ID, $pt: ProjectType, $pi: ID) {
  createDisbursement(fundId: $f, amount: $a, category: $c, payeeName: "Trần Văn Hùng", purpose: "Chi theo quyết định", idempotencyKey: $k,
    targetFundId: $t, projectType: $pt, projectId: $pi) { id status }
}`;
const STEP = (name: string, extra = '') => `mutation($id: ID!${extra ? `, ${extra}` : ''}) { ${name}(id: $id${extra ? `, ${extra.split(':')[0]!.slice(1)}: ${extra.split(':')[0]}` : ''}) { id status } }`;
const SUBMIT = STEP('submitDisbursement');
const APPROVE = STEP('approveDisbursement');
const PAY = STEP('payDisbursement', '$paidOn: LocalDate!');
const CANCEL = STEP('cancelDisbursement', '$reason: String!');
const HOUSEHOLD = `mutation($n: String!, $id: String!, $u: ID!) {
  createBeneficiaryHousehold(personName: $n, nationalId: $id, meritCategoryCode: "WAR_INVALID", unitId: $u, address: "Xóm 3", householdSize: 4, houseCondition: DILAPIDATED) { id }
}`;
const APPLY = 'mutation($h: ID!) { applyHousingGrant(householdId: $h, type: NEW_BUILD, program: DECISION_22_2013, appliedOn: "2024-03-01", description: "Nhà cấp 4 xuống cấp, mái dột") { id } }';
const VERIFY_GRANT = 'mutation($id: ID!) { verifyHousingGrant(id: $id, occurredOn: "2024-03-15", document: "XN 12/UBND-TT") { id } }';
const APPROVE_GRANT = `mutation($id: ID!, $lines: [FundingLineInput!]!) {
  approveHousingGrant(id: $id, approvedOn: "2024-04-01", decisionNumber: "QĐ 215/QĐ-UBND", fundingLines: $lines) { id firstTrancheLimit }
}`;

const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
function ok<T>(res: GraphQLResponse, field: string): T {
  if (res.errors) throw new Error(`${field}: ${JSON.stringify(res.errors)}`);
  return res.data![field] as T;
}
function count(env: ModelEnv, outcome: string): void {
  env.outcomes.set(outcome, (env.outcomes.get(outcome) ?? 0) + 1);
}
const get = (m: Model, k: string) => m.balances.get(k) ?? 0;
const add = (m: Model, k: string, amount: number) => m.balances.set(k, get(m, k) + amount);

/** The model as the database holds it now: every cash and goods sub-balance of both funds. */
export async function readModel(env: ModelEnv): Promise<Model> {
  const model: Model = { balances: await readBalances(env), donations: [] };
  if (env.grantId) {
    // What its tranches may still reach before completion: the limit less every payment not rejected or cancelled.
    const [grant] = await env.em().execute<{ room: string }[]>(
      `select g.first_tranche_limit - coalesce((select sum(d.amount) from disbursement d
          where d.project_type = 'HOUSING_GRANT' and d.project_id = g.id and d.status not in ('REJECTED', 'CANCELLED')), 0) as room
         from housing_grant g where g.id = ?`,
      [env.grantId],
    );
    model.grant = { id: env.grantId, room: Number(grant!.room) };
  }
  return model;
}

async function readBalances(env: ModelEnv): Promise<Map<string, number>> {
  const rows = await env
    .em()
    .execute<{ fund_id: number; code: Asset; purpose: string | null; balance: string }[]>(
      "select fund_id, code, purpose, balance from ledger_account where fund_id in (?) and code in ('CASH', 'GOODS') and balance <> 0",
      [env.funds.map(Number)],
    );
  return new Map(rows.map((r) => [key(String(r.fund_id), r.code, r.purpose), Number(r.balance)]));
}

/** After every command: the database's balances are the model's, and none anywhere is below zero. */
async function assertAgrees(m: Model, env: ModelEnv, after: string): Promise<void> {
  const actual = await readBalances(env);
  const expected = new Map([...m.balances].filter(([, v]) => v !== 0));
  assert.deepEqual(Object.fromEntries([...actual].sort()), Object.fromEntries([...expected].sort()), `balances after ${after}`);
  const [negative] = await env
    .em()
    .execute<{ n: number }[]>("select count(*)::int as n from ledger_account where (normal_side = 'DEBIT' and balance < 0) or (normal_side = 'CREDIT' and balance > 0)");
  assert.equal(negative!.n, 0, `a balance below zero after ${after}`);
}

/**
 * A disbursement through its workflow: the officer drafts and submits, the second manager approves,
 * the first pays. Answers the payment's response (or the draft's refusal).
 */
async function throughWorkflow(env: ModelEnv, vars: Record<string, unknown>): Promise<{ stage: 'draft' | 'pay'; res: GraphQLResponse; id?: string }> {
  const { client, tokens } = env;
  const drafted = await client(DRAFT, { ...vars, k: randomUUID() }, tokens.officer);
  if (drafted.errors) return { stage: 'draft', res: drafted };
  const id = ok<{ id: string }>(drafted, 'createDisbursement').id;
  ok(await client(SUBMIT, { id }, tokens.officer), 'submitDisbursement');
  ok(await client(APPROVE, { id }, tokens.approver), 'approveDisbursement');
  const paid = await client(PAY, { id, paidOn: todayVn() }, tokens.payer);
  if (paid.errors) {
    // Refused for want of money: the approver cancels it, so it holds nothing back (a grant's committed amount).
    ok(await client(CANCEL, { id, reason: 'Quỹ không đủ tiền, huỷ phiếu' }, tokens.approver), 'cancelDisbursement');
  }
  return { stage: 'pay', res: paid, id };
}

/** Takes `amount` from the purposes in order, as the payment does; the lines it posts. */
function spend(m: Model, fund: string, purposes: (string | null)[], amount: number): void {
  let left = amount;
  for (const purpose of purposes) {
    const k = key(fund, 'CASH', purpose);
    const take = Math.min(left, get(m, k));
    if (take > 0) add(m, k, -take);
    left -= take;
  }
  assert.equal(left, 0);
}
const available = (m: Model, fund: string, purposes: (string | null)[]) => purposes.reduce((s, p) => s + get(m, key(fund, 'CASH', p)), 0);
/** A share (1–150 %) of what may be used: over 100 % must be refused. */
const shareOf = (base: number, share: number, fallback: number) => (base > 0 ? Math.max(1, Math.floor((base * share) / 100)) : fallback);

class Deposit implements fc.AsyncCommand<Model, ModelEnv> {
  constructor(
    readonly fund: 0 | 1,
    readonly amount: number,
    readonly method: 'CASH' | 'BANK_TRANSFER' | 'IN_KIND',
    readonly earmark: string | null,
  ) {}
  check = () => true;
  async run(m: Model, env: ModelEnv): Promise<void> {
    const fund = env.funds[this.fund];
    const res = await env.client(
      DONATE,
      { f: fund, a: this.amount, k: randomUUID(), d: todayVn(), m: this.method, e: this.earmark, g: this.method === 'IN_KIND' ? 'Gạo, dầu ăn, sữa' : null },
      env.tokens.payer,
    );
    const donation = ok<{ id: string; status: string }>(res, 'createDonation');
    assert.equal(donation.status, 'POSTED');
    const code: Asset = this.method === 'IN_KIND' ? 'GOODS' : 'CASH';
    add(m, key(fund, code, this.earmark), this.amount);
    m.donations.push({ id: donation.id, fund, code, purpose: this.earmark, amount: this.amount, voided: false });
    count(env, `deposit ${this.method}${this.earmark ? ' earmarked' : ''}`);
    await assertAgrees(m, env, this.toString());
  }
  toString = () => `deposit(${this.fund}, ${this.amount}, ${this.method}, ${this.earmark})`;
}

class Void implements fc.AsyncCommand<Model, ModelEnv> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.donations.length > 0;
  async run(m: Model, env: ModelEnv): Promise<void> {
    const d = m.donations[this.pick % m.donations.length]!;
    const res = await env.client(VOID, { id: d.id }, env.tokens.payer);
    const k = key(d.fund, d.code, d.purpose);
    if (d.voided) {
      assert.equal(codeOf(res), 'INVALID_TRANSITION', `void of a voided donation: ${JSON.stringify(res.errors)}`);
      count(env, 'void refused: already voided');
    } else if (get(m, k) < d.amount) {
      // Its money (or goods) was spent already: reversing it would take the balance below zero.
      assert.equal(codeOf(res), 'INSUFFICIENT_FUNDS', `void of spent money: ${JSON.stringify(res.errors ?? res.data)}`);
      count(env, 'void refused: money spent');
    } else {
      assert.equal(ok<{ status: string }>(res, 'voidDonation').status, 'VOIDED');
      add(m, k, -d.amount);
      d.voided = true;
      count(env, 'void');
    }
    await assertAgrees(m, env, this.toString());
  }
  toString = () => `void(${this.pick})`;
}

class Payment implements fc.AsyncCommand<Model, ModelEnv> {
  constructor(
    readonly fund: 0 | 1,
    readonly category: (typeof PAY_CATEGORIES)[number],
    readonly share: number,
  ) {}
  check = () => true;
  async run(m: Model, env: ModelEnv): Promise<void> {
    const fund = env.funds[this.fund];
    const purposes = [this.category, null];
    const can = available(m, fund, purposes);
    const amount = shareOf(can, this.share, 1_000 * this.share);
    const { stage, res } = await throughWorkflow(env, { f: fund, a: amount, c: this.category });
    assert.equal(stage, 'pay', `draft refused: ${JSON.stringify(res.errors)}`);
    if (amount > can) {
      assert.equal(codeOf(res), 'INSUFFICIENT_FUNDS', `payment of ${amount} with ${can}: ${JSON.stringify(res.errors ?? res.data)}`);
      count(env, 'payment refused: insufficient');
    } else {
      assert.equal(ok<{ status: string }>(res, 'payDisbursement').status, 'PAID');
      spend(m, fund, purposes, amount);
      count(env, 'payment');
    }
    await assertAgrees(m, env, this.toString());
  }
  toString = () => `pay(${this.fund}, ${this.category}, ${this.share}%)`;
}

class Transfer implements fc.AsyncCommand<Model, ModelEnv> {
  constructor(
    readonly from: 0 | 1,
    readonly share: number,
  ) {}
  check = () => true;
  async run(m: Model, env: ModelEnv): Promise<void> {
    const from = env.funds[this.from];
    const to = env.funds[1 - this.from]!;
    // A transfer spends only the free money.
    const can = available(m, from, [null]);
    const amount = shareOf(can, this.share, 1_000 * this.share);
    const { stage, res } = await throughWorkflow(env, { f: from, a: amount, c: 'TRANSFER', t: to });
    assert.equal(stage, 'pay', `draft refused: ${JSON.stringify(res.errors)}`);
    if (amount > can) {
      assert.equal(codeOf(res), 'INSUFFICIENT_FUNDS', `transfer of ${amount} with ${can}: ${JSON.stringify(res.errors ?? res.data)}`);
      count(env, 'transfer refused: insufficient');
    } else {
      assert.equal(ok<{ status: string }>(res, 'payDisbursement').status, 'PAID');
      add(m, key(from, 'CASH', null), -amount);
      add(m, key(to, 'CASH', null), amount);
      count(env, 'transfer');
    }
    await assertAgrees(m, env, this.toString());
  }
  toString = () => `transfer(${this.from}, ${this.share}%)`;
}

/** A tranche of a housing grant (a new build of 40,000,000 from fund A, approved, before completion). */
class Tranche implements fc.AsyncCommand<Model, ModelEnv> {
  constructor(readonly share: number) {}
  check = () => true;
  async run(m: Model, env: ModelEnv): Promise<void> {
    const fund = env.funds[0];
    if (!m.grant || m.grant.room < 1_000_000) {
      m.grant = await newGrant(env, fund);
      env.grantId = m.grant.id;
    }
    const purposes = [`project:HOUSING_GRANT:${m.grant.id}`, 'HOUSING_NEW', null];
    const can = available(m, fund, purposes);
    // Half the time a share of the money, half the time a share of what the first tranche may still reach.
    const base = this.share % 2 === 0 ? can : m.grant.room;
    const amount = shareOf(base, this.share, 1_000 * this.share);
    const { stage, res } = await throughWorkflow(env, { f: fund, a: amount, c: 'HOUSING_NEW', pt: 'HOUSING_GRANT', pi: m.grant.id });
    if (amount > m.grant.room) {
      // Drafting already refuses a tranche beyond the first-tranche limit (60 % before completion).
      assert.deepEqual([stage, codeOf(res)], ['draft', 'POLICY_LIMIT'], `tranche of ${amount} with room ${m.grant.room}: ${JSON.stringify(res.errors ?? res.data)}`);
      count(env, 'tranche refused: policy limit');
    } else if (amount > can) {
      assert.deepEqual([stage, codeOf(res)], ['pay', 'INSUFFICIENT_FUNDS'], `tranche of ${amount} with ${can}: ${JSON.stringify(res.errors ?? res.data)}`);
      count(env, 'tranche refused: insufficient');
    } else {
      assert.equal(ok<{ status: string }>(res, 'payDisbursement').status, 'PAID');
      spend(m, fund, purposes, amount);
      m.grant.room -= amount;
      count(env, 'tranche');
    }
    await assertAgrees(m, env, this.toString());
  }
  toString = () => `tranche(${this.share}%)`;
}

let households = 0;
/** Registers a household, applies, verifies and approves its grant with a FUND line from `fund`. */
async function newGrant(env: ModelEnv, fund: string): Promise<{ id: string; room: number }> {
  const { client, tokens } = env;
  households += 1;
  const nationalId = `036052${String(households).padStart(6, '0')}`;
  const h = ok<{ id: string }>(await client(HOUSEHOLD, { n: `Vũ Văn Thương ${households}`, id: nationalId, u: env.grantUnitId }, tokens.officer), 'createBeneficiaryHousehold');
  const g = ok<{ id: string }>(await client(APPLY, { h: h.id }, tokens.officer), 'applyHousingGrant');
  ok(await client(VERIFY_GRANT, { id: g.id }, tokens.officer), 'verifyHousingGrant');
  const approved = ok<{ firstTrancheLimit: number }>(await client(APPROVE_GRANT, { id: g.id, lines: [{ source: 'FUND', fundId: fund, amount: 40_000_000 }] }, tokens.officer), 'approveHousingGrant');
  return { id: g.id, room: approved.firstTrancheLimit };
}

const share = fc.integer({ min: 1, max: 150 });
const side = fc.constantFrom<0 | 1>(0, 1);

/** The commands of one run: few, so that many runs fit in a test. */
export function commandsArbitrary(maxCommands: number): fc.Arbitrary<Iterable<fc.AsyncCommand<Model, ModelEnv>>> {
  return fc.commands(
    [
      fc
        .tuple(side, fc.integer({ min: 1_000, max: 50_000_000 }), fc.constantFrom('CASH' as const, 'BANK_TRANSFER' as const, 'IN_KIND' as const), fc.constantFrom(...EARMARKS))
        .map(([f, a, method, e]) => new Deposit(f, a, method, e)),
      fc.nat().map((pick) => new Void(pick)),
      fc.tuple(side, fc.constantFrom(...PAY_CATEGORIES), share).map(([f, c, s]) => new Payment(f, c, s)),
      fc.tuple(side, share).map(([f, s]) => new Transfer(f, s)),
      share.map((s) => new Tranche(s)),
    ],
    { maxCommands },
  );
}

/** Runs `runs` model runs; throws (with fast-check's shrunk counterexample) on the first disagreement. */
export async function checkModel(env: ModelEnv, options: { runs: number; maxCommands: number; seed?: number }): Promise<void> {
  await fc.assert(
    fc.asyncProperty(commandsArbitrary(options.maxCommands), async (cmds) => {
      await fc.asyncModelRun(async () => ({ model: await readModel(env), real: env }), cmds);
    }),
    { numRuns: options.runs, seed: options.seed },
  );
}

import { randomUUID } from 'node:crypto';
import { todayVn } from '../../api/src/common/dates';
import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { fundOf } from '../support/funds';
import { gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

/**
 * What `createDonation` answers and records in the audit trail, field by field, for every shape of
 * donation (walk-in, donor, campaign, pledge, earmark, in kind, note, anonymous on public pages):
 * the service writes the donation row itself, so this pins the event to what the ORM's flush wrote.
 */
const CREATE = `mutation($fundId: ID!, $donorId: ID, $donorName: String, $amount: SafeInt!, $receivedOn: LocalDate!, $method: DonationMethod!,
  $inKindDescription: String, $earmark: ProgramCategory, $campaignId: ID, $pledgeId: ID, $note: String, $publicAnonymous: Boolean, $idempotencyKey: String!) {
  createDonation(fundId: $fundId, donorId: $donorId, donorName: $donorName, amount: $amount, receivedOn: $receivedOn, method: $method,
    inKindDescription: $inKindDescription, earmark: $earmark, campaignId: $campaignId, pledgeId: $pledgeId, note: $note,
    publicAnonymous: $publicAnonymous, idempotencyKey: $idempotencyKey) {
    id receiptNumber amount amountInWords status donorName method earmark fundId donorId campaignId pledgeId note publicAnonymous
    inKindDescription receivedOn createdAt createdByName voidReason voidedAt
  }
}`;
const EVENTS = `query($filter: AuditEventFilter) {
  allAuditEvents(filter: $filter, perPage: 100) { operation userEmail targetType targetId changes requestId clientAddress }
}`;

let server: TestServer;
let manager: string;
let fundId: string;
const today = todayVn();

beforeAll(async () => {
  server = await startTestServer();
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  manager = await signIn(server.graphqlUrl, 'ketoan@soquy.example');
  fundId = String((await fundOf(server.orm.em, '36')).id);
});
afterAll(() => server.close());

interface Row {
  id: string;
  transaction_id: string;
  created_at: string;
  created_by_id: number;
  receipt_seq: number;
  receipt_number: string;
}

async function row(id: string): Promise<Row> {
  const [found] = await server.orm.em.getConnection().execute("select id, transaction_id, to_json(created_at) #>> '{}' as created_at, created_by_id, receipt_seq, receipt_number from donation where id = ?", [id]);
  return found as Row;
}

async function eventsOf(id: string) {
  const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
  const res = await gql(server.graphqlUrl, EVENTS, { filter: { targetType: 'Donation', targetId: id } }, inspector);
  expect(res.errors).toBeUndefined();
  return res.data!.allAuditEvents as { operation: string; userEmail: string; targetType: string; targetId: string; changes: Record<string, unknown>[]; requestId: string; clientAddress: string }[];
}

/** Creates, replays with the same key, and returns both answers and the events of the donation. */
async function createTwice(vars: Record<string, unknown>) {
  const variables = { fundId, amount: 1_500_000, receivedOn: today, method: 'CASH', idempotencyKey: randomUUID(), ...vars };
  const first = await gql(server.graphqlUrl, CREATE, variables, manager, { 'x-request-id': `create-${variables.idempotencyKey}` });
  expect(first.errors).toBeUndefined();
  const replay = await gql(server.graphqlUrl, CREATE, variables, manager, { 'x-request-id': `replay-${variables.idempotencyKey}` });
  expect(replay.errors).toBeUndefined();
  expect(replay.data!.createDonation).toEqual(first.data!.createDonation);
  const answer = first.data!.createDonation as Record<string, unknown> & { id: string };
  return { answer, stored: await row(answer.id), events: await eventsOf(answer.id), key: variables.idempotencyKey };
}

/** The fields every created donation records, from its stored row. */
function common(stored: Row, key: string) {
  return {
    id: stored.id,
    fund: Number(fundId),
    receiptNumber: stored.receipt_number,
    receiptYear: Number(today.slice(0, 4)),
    receiptSeq: stored.receipt_seq,
    receivedOn: today,
    idempotencyKey: key,
    status: 'POSTED',
    createdBy: stored.created_by_id,
    transaction: stored.transaction_id,
    createdAt: new Date(stored.created_at).toISOString(),
  };
}

describe('createDonation in the audit trail', () => {
  it('records a walk-in cash gift with exactly its fields, and an empty change for the replay', async () => {
    const { answer, stored, events, key } = await createTwice({ donorName: '  Lê Văn Tâm ' });
    expect(answer).toEqual({
      id: stored.id,
      receiptNumber: stored.receipt_number,
      amount: 1_500_000,
      amountInWords: 'Một triệu năm trăm nghìn đồng',
      status: 'POSTED',
      donorName: 'Lê Văn Tâm',
      method: 'CASH',
      earmark: null,
      fundId,
      donorId: null,
      campaignId: null,
      pledgeId: null,
      note: null,
      publicAnonymous: false,
      inKindDescription: null,
      receivedOn: today,
      createdAt: new Date(stored.created_at).toISOString(),
      createdByName: expect.any(String),
      voidReason: null,
      voidedAt: null,
    });
    expect(events.map((e) => [e.operation, e.requestId])).toEqual([
      ['createDonation', `replay-${key}`],
      ['createDonation', `create-${key}`],
    ]);
    const [replayed, created] = events;
    expect(created).toMatchObject({ userEmail: 'ketoan@soquy.example', targetType: 'Donation', targetId: stored.id, clientAddress: '127.0.0.1' });
    expect(created!.changes).toEqual([
      {
        entity: 'Donation',
        id: stored.id,
        kind: 'create',
        before: null,
        after: { ...common(stored, key), donorName: 'Lê Văn Tâm', amount: '1500000', method: 'CASH', publicAnonymous: false },
      },
    ]);
    expect(replayed).toMatchObject({ userEmail: 'ketoan@soquy.example', targetType: 'Donation', targetId: stored.id, changes: [] });
  });

  it('records an explicit null earmark, a blank note and a gift anonymous on public pages', async () => {
    const { answer, stored, events, key } = await createTwice({ donorName: 'Trần Thị Bình', method: 'BANK_TRANSFER', amount: 2_000_000, earmark: null, note: '   ', publicAnonymous: true });
    expect(answer).toMatchObject({ earmark: null, note: null, publicAnonymous: true, method: 'BANK_TRANSFER' });
    expect(events[1]!.changes).toEqual([
      {
        entity: 'Donation',
        id: stored.id,
        kind: 'create',
        before: null,
        after: { ...common(stored, key), donorName: 'Trần Thị Bình', amount: '2000000', method: 'BANK_TRANSFER', earmark: null, publicAnonymous: true },
      },
    ]);
  });

  it('records a donor, a campaign, a pledge, an earmark, a note and goods', async () => {
    const donorId = (await gql(server.graphqlUrl, 'mutation { createDonor(type: ENTERPRISE, name: "Công ty TNHH Sông Hồng") { id } }', {}, manager)).data!.createDonor.id;
    const campaignId = (
      await gql(server.graphqlUrl, 'mutation($f: ID!) { createCampaign(fundId: $f, name: "Tháng tri ân", startsOn: "2025-06-28", endsOn: "2025-07-27", target: 100000000) { id } }', { f: fundId }, manager)
    ).data!.createCampaign.id;
    const pledgeId = (
      await gql(server.graphqlUrl, 'mutation($c: ID!, $d: ID!) { createPledge(campaignId: $c, donorId: $d, amount: 30000000, dueOn: "2025-07-15") { id } }', { c: campaignId, d: donorId }, manager)
    ).data!.createPledge.id;

    const goods = await createTwice({ donorId, campaignId, pledgeId, method: 'IN_KIND', amount: 5_000_000, inKindDescription: ' 100 thùng mì ', earmark: 'HOUSING_NEW', note: ' Trao tại xã ' });
    expect(goods.answer).toMatchObject({ donorName: 'Công ty TNHH Sông Hồng', donorId, campaignId, pledgeId, inKindDescription: '100 thùng mì', earmark: 'HOUSING_NEW', note: 'Trao tại xã' });
    expect(goods.events[1]!.changes).toEqual([
      {
        entity: 'Donation',
        id: goods.stored.id,
        kind: 'create',
        before: null,
        after: {
          ...common(goods.stored, goods.key),
          donor: Number(donorId),
          donorName: 'Công ty TNHH Sông Hồng',
          amount: '5000000',
          method: 'IN_KIND',
          inKindDescription: '100 thùng mì',
          earmark: 'HOUSING_NEW',
          campaign: Number(campaignId),
          pledge: Number(pledgeId),
          note: 'Trao tại xã',
          publicAnonymous: false,
        },
      },
    ]);

    // A pledge without its campaign: the donation takes the pledge's campaign.
    const paid = await createTwice({ donorId, pledgeId, amount: 10_000_000 });
    expect(paid.answer).toMatchObject({ donorId, campaignId, pledgeId });
    expect(paid.events[1]!.changes[0]!.after).toEqual({
      ...common(paid.stored, paid.key),
      donor: Number(donorId),
      donorName: 'Công ty TNHH Sông Hồng',
      amount: '10000000',
      method: 'CASH',
      campaign: Number(campaignId),
      pledge: Number(pledgeId),
      publicAnonymous: false,
    });
  });
});

describe('one idempotency key sent at once to two funds', () => {
  it('records one donation, answers it or CONFLICT, takes one receipt number and writes one event per answer', async () => {
    const funds: { id: number }[] = await server.orm.em.getConnection().execute(
      `select f.id from fund f join administrative_unit u on u.id = f.unit_id
        where f.kind = 'GRATITUDE' and f.closed_on is null and u.level = 'COMMUNE' order by f.id limit 2`,
    );
    const [a, b] = funds.map((f) => String(f.id));
    const counters = async () => Number((await server.orm.em.getConnection().execute("select coalesce(sum(last_number), 0)::int as n from document_counter where doc_type = 'PT'"))[0].n);
    const before = await counters();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        gql(server.graphqlUrl, CREATE, { fundId: i % 2 ? a : b, donorName: 'Phạm Văn Cường', amount: 3_000_000, receivedOn: today, method: 'CASH', idempotencyKey: key }, manager),
      ),
    );
    const rows: { id: string; fund_id: number }[] = await server.orm.em.getConnection().execute('select id, fund_id from donation where idempotency_key = ?', [key]);
    expect(rows).toHaveLength(1);
    const winner = rows[0]!;
    const ok = answers.filter((r) => !r.errors);
    expect(ok.length).toBeGreaterThan(0);
    for (const r of ok) expect(r.data!.createDonation).toMatchObject({ id: winner.id, fundId: String(winner.fund_id) });
    for (const r of answers.filter((x) => x.errors)) expect(r.errors![0]!.extensions!.code).toBe('CONFLICT');
    // Every request to the winner's fund got the donation; every one to the other fund was refused.
    expect(ok).toHaveLength(6);
    expect(await counters()).toBe(before + 1);
    const events = await eventsOf(winner.id);
    expect(events).toHaveLength(6);
    expect(events.filter((e) => e.changes.length === 1)).toHaveLength(1);
  });
});

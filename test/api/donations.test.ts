import { randomUUID } from 'node:crypto';
import { todayVn } from '../../api/src/common/dates';
import { AccountCode } from '../../api/src/modules/ledger/ledger.entities';
import { post } from '../../api/src/modules/ledger/ledger.service';
import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { fundOf } from '../support/funds';
import { errorCode, gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

const CREATE = `mutation Create($fundId: ID!, $donorId: ID, $donorName: String, $amount: SafeInt!, $receivedOn: LocalDate!, $method: DonationMethod!,
  $inKindDescription: String, $earmark: ProgramCategory, $campaignId: ID, $pledgeId: ID, $note: String, $idempotencyKey: String!) {
  createDonation(fundId: $fundId, donorId: $donorId, donorName: $donorName, amount: $amount, receivedOn: $receivedOn, method: $method,
    inKindDescription: $inKindDescription, earmark: $earmark, campaignId: $campaignId, pledgeId: $pledgeId, note: $note, idempotencyKey: $idempotencyKey) {
    id receiptNumber amount amountInWords status donorName method earmark fundId campaignId pledgeId
  }
}`;
const FUND = 'query($id: ID!) { Fund(id: $id) { balance freeBalance inKindHeld receiptsThisYear earmarked { purpose amount } } }';
const VOID = 'mutation($id: ID!, $reason: String!) { voidDonation(id: $id, reason: $reason) { id status voidReason } }';

let server: TestServer;
let manager: string;
let fundId: string;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
  manager = await signIn(server.graphqlUrl, 'ketoan@soquy.example');
  fundId = String((await fundOf(server.orm.em, '36')).id);
});

const today = todayVn();
const donate = (vars: Record<string, unknown> = {}, token = manager) =>
  gql(server.graphqlUrl, CREATE, { fundId, donorName: 'Nguyễn Văn An', amount: 1_500_000, receivedOn: today, method: 'CASH', idempotencyKey: randomUUID(), ...vars }, token);
const fund = async (id = fundId) => (await gql(server.graphqlUrl, FUND, { id }, manager)).data!.Fund;
const counts = async () => {
  const [row] = await server.orm.em.getConnection().execute('select (select count(*) from donation) d, (select count(*) from ledger_entry) e, (select count(*) from donor) r');
  return row;
};

describe('createDonation (phiếu thu)', () => {
  it('records cash, transfer, earmarked and in-kind gifts and moves the right balances', async () => {
    const cash = await donate();
    expect(cash.errors).toBeUndefined();
    expect(cash.data!.createDonation).toMatchObject({
      receiptNumber: `PT-${today.slice(0, 4)}-000001`,
      amount: 1_500_000,
      amountInWords: 'Một triệu năm trăm nghìn đồng',
      status: 'POSTED',
    });
    await donate({ method: 'BANK_TRANSFER', amount: 20_000_000 });
    await donate({ amount: 40_000_000, earmark: 'HOUSING_NEW' });
    const goods = await donate({ method: 'IN_KIND', amount: 5_000_000, inKindDescription: '100 thùng mì, 50 bao gạo' });
    expect(goods.errors).toBeUndefined();
    expect(await fund()).toEqual({
      balance: 61_500_000,
      freeBalance: 21_500_000,
      inKindHeld: 5_000_000,
      receiptsThisYear: 66_500_000,
      earmarked: [{ purpose: 'HOUSING_NEW', amount: 40_000_000 }],
    });
  });

  it('links a recorded donor, prints "anonymous" for an anonymous one', async () => {
    const created = await gql(server.graphqlUrl, 'mutation { createDonor(type: ANONYMOUS, name: "x") { id name } }', {}, manager);
    const res = await donate({ donorId: created.data!.createDonor.id, donorName: undefined });
    expect(res.data!.createDonation.donorName).toBe('Nhà hảo tâm ẩn danh');
  });

  it.each([
    ['a zero amount', { amount: 0 }, 'BAD_USER_INPUT', /greater than 0/],
    ['a negative amount', { amount: -5 }, 'BAD_USER_INPUT', /greater than 0/],
    ['an amount above the sanity cap', { amount: 100_000_000_001 }, 'BAD_USER_INPUT', /above the limit/],
    ['a date in the future', { receivedOn: '2999-01-01' }, 'BAD_USER_INPUT', /in the future/],
    ['an impossible date', { receivedOn: '2025-02-30' }, 'BAD_USER_INPUT', /not a (valid LocalDate|date)/],
    ['in-kind without a description', { method: 'IN_KIND' }, 'BAD_USER_INPUT', /inKindDescription is required/],
    ['a description on a cash gift', { inKindDescription: 'gạo' }, 'BAD_USER_INPUT', /only for in-kind/],
    ['no donor at all', { donorName: undefined }, 'BAD_USER_INPUT', /donorName/],
    ['a short idempotency key', { idempotencyKey: 'abc' }, 'BAD_USER_INPUT', /idempotencyKey/],
    ['an unknown fund', { fundId: '999999' }, 'NOT_FOUND', /Fund 999999/],
    ['an unknown donor', { donorId: '999999' }, 'NOT_FOUND', /Donor 999999/],
  ])('refuses %s with %s and writes nothing', async (_what, vars, code, message) => {
    const before = await counts();
    const res = await donate(vars);
    expect(errorCode(res)).toBe(code);
    expect(res.errors![0]!.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('refuses a fraction of a đồng at the GraphQL layer', async () => {
    const res = await donate({ amount: 1500.5 });
    expect(res.errors).toBeDefined();
    expect((await counts()).d).toBe('0');
  });

  it("refuses another commune's fund and the INSPECTOR", async () => {
    const commune = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    expect(errorCode(await donate({}, commune))).toBe('NOT_FOUND');
    const own = String((await fundOf(server.orm.em, '13741')).id);
    expect((await donate({ fundId: own }, commune)).errors).toBeUndefined();
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    expect(errorCode(await donate({}, inspector))).toBe('FORBIDDEN');
    expect((await counts()).d).toBe('1');
  });

  it('answers the same donation for the same idempotency key, and refuses the key for another donation', async () => {
    const key = randomUUID();
    const first = await donate({ idempotencyKey: key });
    const again = await donate({ idempotencyKey: key });
    expect(again.data!.createDonation).toEqual(first.data!.createDonation);
    const other = await donate({ idempotencyKey: key, amount: 2_000_000 });
    expect(errorCode(other)).toBe('CONFLICT');
    expect((await counts()).d).toBe('1');
  });

  it('makes one donation of 20 concurrent requests with one key', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => donate({ idempotencyKey: key })));
    for (const a of answers) expect(a.errors).toBeUndefined();
    expect(new Set(answers.map((a) => a.data!.createDonation.id)).size).toBe(1);
    const c = await counts();
    expect([c.d, c.e]).toEqual(['1', '2']);
    expect((await fund()).balance).toBe(1_500_000);
  });

  it('keeps receipt numbers gapless under 30 concurrent donations to one fund', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => donate({ amount: 100_000 + i })));
    for (const a of answers) expect(a.errors).toBeUndefined();
    const numbers = answers.map((a) => a.data!.createDonation.receiptNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => `PT-${today.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`));
    const verify = await gql(server.graphqlUrl, 'query($id: ID!) { verifyLedger(fundId: $id) { ok transactionsChecked } }', { id: fundId }, await signIn(server.graphqlUrl, 'thanhtra@soquy.example'));
    expect(verify.data!.verifyLedger).toEqual({ ok: true, transactionsChecked: 30 });
  });

  it('numbers receipts per fund and per year of the receipt date', async () => {
    const lastYear = `${Number(today.slice(0, 4)) - 1}-12-30`;
    expect((await donate({ receivedOn: lastYear })).data!.createDonation.receiptNumber).toBe(`PT-${lastYear.slice(0, 4)}-000001`);
    expect((await donate()).data!.createDonation.receiptNumber).toBe(`PT-${today.slice(0, 4)}-000001`);
    const other = String((await fundOf(server.orm.em, '359')).id);
    expect((await donate({ fundId: other })).data!.createDonation.receiptNumber).toBe(`PT-${today.slice(0, 4)}-000001`);
  });
});

describe('voidDonation', () => {
  it('reverses the donation with a reason, keeps the receipt, and refuses a second void', async () => {
    const id = (await donate({ amount: 3_000_000, earmark: 'SURGERY' })).data!.createDonation.id;
    const short = await gql(server.graphqlUrl, VOID, { id, reason: 'sai' }, manager);
    expect(errorCode(short)).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(server.graphqlUrl, VOID, { id, reason: 'x'.repeat(501) }, manager))).toBe('BAD_USER_INPUT');
    const res = await gql(server.graphqlUrl, VOID, { id, reason: 'Ghi nhầm số tiền' }, manager);
    expect(res.data!.voidDonation).toEqual({ id, status: 'VOIDED', voidReason: 'Ghi nhầm số tiền' });
    expect(await fund()).toMatchObject({ balance: 0, receiptsThisYear: 0, earmarked: [] });
    expect(errorCode(await gql(server.graphqlUrl, VOID, { id, reason: 'Lần thứ hai' }, manager))).toBe('INVALID_TRANSITION');
    const list = await gql(server.graphqlUrl, '{ allDonations(filter: { status: VOIDED }) { receiptNumber } }', {}, manager);
    expect(list.data!.allDonations).toHaveLength(1);
  });

  it('is refused with INSUFFICIENT_FUNDS when the money was already spent', async () => {
    const id = (await donate({ amount: 3_000_000 })).data!.createDonation.id;
    const em = server.orm.em.fork();
    await em.transactional((tx) =>
      post(tx, {
        fundId: Number(fundId),
        kind: 'TEST_SPEND',
        occurredOn: today,
        description: 'spent by a test',
        sourceType: 'test',
        sourceId: 1,
        createdById: null,
        lines: [
          { code: AccountCode.CASH, amount: -2_000_000 },
          { code: AccountCode.EXPENSE, purpose: 'HARDSHIP', amount: 2_000_000 },
        ],
      }),
    );
    const res = await gql(server.graphqlUrl, VOID, { id, reason: 'Nhà tài trợ rút lại' }, manager);
    expect(errorCode(res)).toBe('INSUFFICIENT_FUNDS');
    expect((await fund()).balance).toBe(1_000_000);
    const [row] = await server.orm.em.getConnection().execute('select status from donation where id = ?', [id]);
    expect(row.status).toBe('POSTED');
  });

  it('is refused for a donation in a closed period, and closed periods refuse new receipts', async () => {
    const lastMonth = new Date(Date.now() - 40 * 86400_000).toISOString().slice(0, 10);
    const id = (await donate({ receivedOn: lastMonth })).data!.createDonation.id;
    const lock = await gql(server.graphqlUrl, 'mutation($id: ID!, $until: LocalDate!) { lockFundPeriod(id: $id, until: $until) { lockedUntil } }', { id: fundId, until: lastMonth }, manager);
    expect(lock.data!.lockFundPeriod.lockedUntil).toBe(lastMonth);
    const shown = lastMonth.split('-').reverse().join('/');
    const voided = await gql(server.graphqlUrl, VOID, { id, reason: 'Ghi nhầm ngày' }, manager);
    expect(errorCode(voided)).toBe('BAD_USER_INPUT');
    expect(voided.errors![0]!.message).toContain(`closed up to ${shown}`);
    const late = await donate({ receivedOn: lastMonth });
    expect(errorCode(late)).toBe('BAD_USER_INPUT');
    expect(late.errors![0]!.message).toContain(shown);
    expect((await donate()).errors).toBeUndefined();
    const backwards = await gql(server.graphqlUrl, 'mutation($id: ID!) { lockFundPeriod(id: $id, until: "2020-01-01") { lockedUntil } }', { id: fundId }, manager);
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
  });
});

describe('donors, campaigns and pledges', () => {
  it('links a donor with an existing tax code instead of creating a duplicate, with a warning', async () => {
    const create = 'mutation($taxCode: String) { createDonor(type: ENTERPRISE, name: "Công ty TNHH Sông Hồng", taxCode: $taxCode) { id warning } }';
    const first = await gql(server.graphqlUrl, create, { taxCode: '0600123456' }, manager);
    expect(first.data!.createDonor.warning).toBeNull();
    const second = await gql(server.graphqlUrl, create, { taxCode: '0600123456' }, manager);
    expect(second.data!.createDonor.id).toBe(first.data!.createDonor.id);
    expect(second.data!.createDonor.warning).toMatch(/already exists/);
    expect((await counts()).r).toBe('1');
    const bad = await gql(server.graphqlUrl, create, { taxCode: '12AB' }, manager);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const id = first.data!.createDonor.id;
    const cleared = await gql(server.graphqlUrl, 'mutation($id: ID!) { updateDonor(id: $id, taxCode: null, phone: "0228 3846 123") { taxCode phone name } }', { id }, manager);
    expect(cleared.data!.updateDonor).toEqual({ taxCode: null, phone: '0228 3846 123', name: 'Công ty TNHH Sông Hồng' });
  });

  it('shows a campaign’s target, pledged, received, progress and overdue pledges', async () => {
    const c = await gql(
      server.graphqlUrl,
      'mutation($fundId: ID!) { createCampaign(fundId: $fundId, name: "Tháng tri ân 27/7", startsOn: "2025-06-28", endsOn: "2025-07-27", target: 100000000) { id } }',
      { fundId },
      manager,
    );
    const campaignId = c.data!.createCampaign.id;
    const donor = (await gql(server.graphqlUrl, 'mutation { createDonor(type: AGENCY, name: "Sở Tài chính", taxCode: "0600000001") { id } }', {}, manager)).data!.createDonor.id;
    const pledge = await gql(
      server.graphqlUrl,
      'mutation($c: ID!, $d: ID!) { createPledge(campaignId: $c, donorId: $d, amount: 30000000, dueOn: "2025-07-15") { id } }',
      { c: campaignId, d: donor },
      manager,
    );
    const pledgeId = pledge.data!.createPledge.id;
    const paid = await donate({ donorId: donor, donorName: undefined, amount: 10_000_000, campaignId, pledgeId });
    expect(paid.data!.createDonation).toMatchObject({ campaignId, pledgeId });
    await donate({ amount: 15_000_000, campaignId });
    const view = await gql(
      server.graphqlUrl,
      'query($id: ID!) { Campaign(id: $id) { target received pledged progressPercent overduePledges overdueAmount } allPledges(filter: { overdue: true }) { id paid overdue } }',
      { id: campaignId },
      manager,
    );
    expect(view.data!.Campaign).toEqual({ target: 100_000_000, received: 25_000_000, pledged: 30_000_000, progressPercent: 25, overduePledges: 1, overdueAmount: 20_000_000 });
    expect(view.data!.allPledges).toEqual([{ id: pledgeId, paid: 10_000_000, overdue: true }]);
    const wrongDonor = await donate({ amount: 1_000_000, pledgeId });
    expect(errorCode(wrongDonor)).toBe('BAD_USER_INPUT');
  });

  it('searches funds and campaigns by name without diacritics', async () => {
    const funds = await gql(server.graphqlUrl, '{ allFunds(filter: { q: "thi tran goi" }) { name } _allFundsMeta(filter: { q: "nam dinh" }) { count } }', {}, manager);
    expect(funds.errors).toBeUndefined();
    expect(funds.data!.allFunds).toEqual([{ name: 'Quỹ Đền ơn đáp nghĩa Thị trấn Gôi' }]);
    expect(funds.data!._allFundsMeta.count).toBe(3); // the province's two funds and the city's
    await gql(server.graphqlUrl, 'mutation($f: ID!) { createCampaign(fundId: $f, name: "Tết vì người nghèo", startsOn: "2025-12-01", endsOn: "2026-01-31", target: 5000000) { id } }', { f: fundId }, manager);
    const campaigns = await gql(server.graphqlUrl, '{ allCampaigns(filter: { q: "tet vi" }) { name } }', {}, manager);
    expect(campaigns.data!.allCampaigns).toEqual([{ name: 'Tết vì người nghèo' }]);
  });

  it('filters the donation list and totals it', async () => {
    await donate({ amount: 1_000_000, method: 'CASH' });
    await donate({ amount: 2_000_000, method: 'BANK_TRANSFER', donorName: 'Trần Thị Bình' });
    await donate({ amount: 5_000_000, method: 'BANK_TRANSFER', donorName: 'Công ty Hải Hậu' });
    const meta = await gql(
      server.graphqlUrl,
      '{ _allDonationsMeta(filter: { method: BANK_TRANSFER, amountMin: 1500000 }) { count totalAmount } allDonations(filter: { q: "binh" }) { donorName } }',
      {},
      manager,
    );
    expect(meta.data!._allDonationsMeta).toEqual({ count: 2, totalAmount: 7_000_000 });
    expect(meta.data!.allDonations).toEqual([{ donorName: 'Trần Thị Bình' }]);
  });
});

import { randomUUID } from 'node:crypto';
import { todayVn } from '../../api/src/common/dates';
import { yearsBefore } from '../../api/src/modules/children/child.service';
import { FundKind } from '../../api/src/modules/funds/fund.entity';
import { errorCode, gql, signIn } from '../support/graphql';
import { fundOf } from '../support/funds';
import { startTestServer, type TestServer } from '../support/server';

const today = todayVn();
let server: TestServer;
let manager: string;
let manager2: string;
let officer: string;
let inspector: string;
let communeManager: string;
let fundId: string;
const communes: Record<string, string> = {};

const DONATE = 'mutation($f: ID!, $a: SafeInt!, $k: String!, $d: LocalDate!) { createDonation(fundId: $f, donorName: "Nhà hảo tâm", amount: $a, receivedOn: $d, method: CASH, idempotencyKey: $k) { id } }';
const CREATE_CHILD = `mutation($name: String!, $birth: LocalDate!, $unit: ID!, $c: ID!) {
  createChild(fullName: $name, birthDate: $birth, gender: FEMALE, unitId: $unit, circumstanceCode: $c, guardianName: "Trần Văn Bố", guardianPhone: "0912345678", address: "Xóm 3") { id fullName } }`;
const FUND = 'query($id: ID!) { Fund(id: $id) { balance freeBalance } }';
const PREVIEW = `query($f: ID!, $c: GiftCriteria!, $d: LocalDate!, $a: SafeInt!) {
  giftCampaignPreview(fundId: $f, criteria: $c, giftDate: $d, form: CASH, amountPerChild: $a) { count total available pending enough byUnit { unitId count total } } }`;
const ELIGIBLE = 'query($f: ID!, $c: GiftCriteria!, $d: LocalDate!, $a: SafeInt!) { giftEligibleChildren(fundId: $f, criteria: $c, giftDate: $d, form: CASH, amountPerChild: $a) { id } }';
const CREATE_CAMPAIGN = `mutation($f: ID!, $c: GiftCriteria!, $d: LocalDate!, $a: SafeInt!, $ids: [ID!]!, $k: String!) {
  createGiftCampaign(fundId: $f, name: "Quà Tết cho trẻ em", occasion: TET, giftDate: $d, form: CASH, amountPerChild: $a, criteria: $c, childIds: $ids, idempotencyKey: $k) {
    id disbursementIds figures { recipients total pending } } }`;
const ADD = 'mutation($id: ID!, $ids: [ID!]!, $k: String!) { addGiftRecipients(campaignId: $id, childIds: $ids, idempotencyKey: $k) { id disbursementIds } }';
const LIST = 'query($id: ID!, $u: ID) { giftRecipients(filter: { campaignId: $id, unitId: $u }) { id childId unitId childName guardianName amount status } }';
const RETURN = 'mutation($id: ID!, $r: [ID!]!, $d: LocalDate!, $why: String!) { returnGifts(campaignId: $id, recipientIds: $r, occurredOn: $d, reason: $why) { id status } }';
const HAND = 'mutation($id: ID!, $r: [ID!]!, $d: LocalDate!) { handOverGifts(campaignId: $id, recipientIds: $r, occurredOn: $d) { id status } }';
const STEP = (name: string, extra = '') => `mutation($id: ID!${extra}) { ${name}(id: $id${extra ? extra.replace(/\$(\w+): [^,]+/g, '$1: $$$1') : ''}) { id status } }`;

const balance = async () => (await gql(server.graphqlUrl, FUND, { id: fundId }, manager)).data!.Fund as { balance: number; freeBalance: number };

async function pay(disbursementId: string): Promise<void> {
  expect((await gql(server.graphqlUrl, STEP('submitDisbursement'), { id: disbursementId }, manager)).errors).toBeUndefined();
  expect((await gql(server.graphqlUrl, STEP('approveDisbursement'), { id: disbursementId }, manager2)).errors).toBeUndefined();
  const paid = await gql(server.graphqlUrl, STEP('payDisbursement', ', $paidOn: LocalDate!'), { id: disbursementId, paidOn: today }, manager2);
  expect(paid.errors).toBeUndefined();
}

beforeAll(async () => {
  server = await startTestServer();
  [manager, manager2, officer, inspector, communeManager] = await Promise.all(
    ['ketoan@soquy.example', 'ketoan2@soquy.example', 'canbo@soquy.example', 'thanhtra@soquy.example', 'xa13741@soquy.example'].map((e) => signIn(server.graphqlUrl, e)),
  );
  fundId = String((await fundOf(server.orm.em, '36', FundKind.CHILD_PROTECTION)).id);
  const rows = await server.orm.em.fork().getConnection().execute<{ id: number; code: string }[]>("select id, code from administrative_unit where code in ('13741', '13744', '13747', '13750')");
  for (const r of rows) communes[r.code] = String(r.id);
  // 1,020 children in three communes (and one outside the campaign), born 2012–2024.
  const values: unknown[][] = [];
  const codes = ['13741', '13744', '13747'];
  for (let i = 0; i < 1_020; i += 1) {
    const birth = `${2012 + (i % 13)}-0${1 + (i % 9)}-1${i % 10}`;
    values.push([`Nguyễn Thị Bé ${i}`, birth, 'FEMALE', communes[codes[i % 3]!], i % 2 ? 'ORPHAN_BOTH' : 'DISABLED', `Nguyễn Văn Bố ${i}`, 'Xóm 1', 1]);
  }
  const conn = server.orm.em.fork().getConnection();
  const userId = (await conn.execute<{ id: number }[]>("select id from app_user where email = 'ketoan@soquy.example'"))[0]!.id;
  for (let i = 0; i < values.length; i += 500) {
    const chunk = values.slice(i, i + 500);
    await conn.execute(
      `insert into child (full_name, birth_date, gender, unit_id, circumstance_code, guardian_name, address, created_by_id) values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap((v) => [...v.slice(0, 7), userId]),
    );
  }
  expect((await gql(server.graphqlUrl, DONATE, { f: fundId, a: 600_000_000, k: randomUUID(), d: today }, manager)).errors).toBeUndefined();
}, 60_000);
afterAll(() => server.close());

describe('children', () => {
  it('registers a child under 16 and refuses one of 16 or more, or outside a commune', async () => {
    const ok = await gql(server.graphqlUrl, CREATE_CHILD, { name: 'Lê Thị Hoa', birth: '2016-03-02', unit: communes['13750'], c: 'DISABLED' }, officer);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createChild.fullName).toBe('Lê Thị Hoa');
    const old = await gql(server.graphqlUrl, CREATE_CHILD, { name: 'Lê Văn Lớn', birth: yearsBefore(today, 16), unit: communes['13750'], c: 'DISABLED' }, officer);
    expect(errorCode(old)).toBe('BAD_USER_INPUT');
    const unknown = await gql(server.graphqlUrl, CREATE_CHILD, { name: 'Lê Văn Nhỏ', birth: '2018-01-01', unit: communes['13750'], c: 'NOT_A_CODE' }, officer);
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    const asInspector = await gql(server.graphqlUrl, CREATE_CHILD, { name: 'Lê Văn Nhỏ', birth: '2018-01-01', unit: communes['13750'], c: 'DISABLED' }, inspector);
    expect(errorCode(asInspector)).toBe('FORBIDDEN');
  });

  it('masks names, birth dates and guardians for an inspector, who may not search by name; a full read is audited', async () => {
    const q = 'query($f: ChildFilter) { allChildren(filter: $f, perPage: 3) { id fullName birthDate guardianName guardianPhone masked } }';
    const masked = await gql(server.graphqlUrl, q, { f: { unitIds: [communes['13741']] } }, inspector);
    const child = masked.data!.allChildren[0];
    expect(child.masked).toBe(true);
    expect(child.fullName).toMatch(/^N\. T\. B\. \d\.$/);
    expect(child.birthDate).toMatch(/^\d{4}$/);
    // The child registered above has a guardian's phone: masked too.
    const withPhone = (await gql(server.graphqlUrl, q, { f: { unitIds: [communes['13750']] } }, inspector)).data!.allChildren[0];
    expect(withPhone).toMatchObject({ fullName: 'L. T. H.', birthDate: '2016', guardianName: 'T. V. B.', guardianPhone: '09******78', masked: true });
    expect(errorCode(await gql(server.graphqlUrl, q, { f: { q: 'nguyen' } }, inspector))).toBe('FORBIDDEN');
    const full = await gql(server.graphqlUrl, 'query($id: ID!) { Child(id: $id) { fullName birthDate masked } }', { id: child.id }, manager);
    expect(full.data!.Child.masked).toBe(false);
    expect(full.data!.Child.fullName).toMatch(/^Nguyễn Thị Bé \d+$/);
    const [event] = await server.orm.em
      .fork()
      .getConnection()
      .execute<{ operation: string; user_email: string }[]>("select operation, user_email from audit_event where target_type = 'Child' and target_id = ? order by id desc limit 1", [child.id]);
    expect(event).toEqual({ operation: 'readChildProfile', user_email: 'ketoan@soquy.example' });
  });
});

describe('a gift campaign', () => {
  const criteria = () => ({ unitIds: [communes['13741'], communes['13744'], communes['13747']] });
  let campaignId: string;
  let batchId: string;

  it('previews the children and the total against the fund, then makes one batch for 1,000 children and moves the money once', async () => {
    const all = (await gql(server.graphqlUrl, ELIGIBLE, { f: fundId, c: criteria(), d: today, a: 500_000 }, manager)).data!.giftEligibleChildren as { id: string }[];
    expect(all.length).toBeGreaterThan(1_000);
    const ids = all.slice(0, 1_000).map((c) => c.id);
    const preview = (await gql(server.graphqlUrl, PREVIEW, { f: fundId, c: criteria(), d: today, a: 500_000 }, manager)).data!.giftCampaignPreview;
    expect(preview.count).toBe(all.length);
    expect(preview.total).toBe(all.length * 500_000);
    expect(preview.enough).toBe(true);
    expect(preview.byUnit).toHaveLength(3);
    const before = await balance();
    const txBefore = (await server.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from ledger_transaction where fund_id = ?', [fundId]))[0]!.n;
    const key = randomUUID();
    const created = await gql(server.graphqlUrl, CREATE_CAMPAIGN, { f: fundId, c: criteria(), d: today, a: 500_000, ids, k: key }, manager);
    expect(created.errors).toBeUndefined();
    campaignId = created.data!.createGiftCampaign.id;
    expect(created.data!.createGiftCampaign.figures).toEqual({ recipients: 1_000, total: 500_000_000, pending: 1_000 });
    [batchId] = created.data!.createGiftCampaign.disbursementIds;
    // The same key again: the same campaign, nothing more.
    const again = await gql(server.graphqlUrl, CREATE_CAMPAIGN, { f: fundId, c: criteria(), d: today, a: 500_000, ids, k: key }, manager);
    expect(again.data!.createGiftCampaign.id).toBe(campaignId);
    expect((await balance()).balance).toBe(before.balance);
    await pay(batchId!);
    expect((await balance()).balance).toBe(before.balance - 500_000_000);
    const txAfter = (await server.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from ledger_transaction where fund_id = ?', [fundId]))[0]!.n;
    expect(txAfter - txBefore).toBe(1);
  }, 60_000);

  it('refuses a child twice in a campaign, and a batch the fund cannot pay, before writing anything', async () => {
    const list = (await gql(server.graphqlUrl, LIST, { id: campaignId }, manager)).data!.giftRecipients as { childId: string }[];
    const dup = await gql(server.graphqlUrl, ADD, { id: campaignId, ids: [list[0]!.childId], k: randomUUID() }, manager);
    expect(errorCode(dup)).toBe('CONFLICT');
    expect(dup.errors![0]!.extensions!.rule).toBe('DUPLICATE_GIFT');
    const twice = await gql(server.graphqlUrl, CREATE_CAMPAIGN, { f: fundId, c: criteria(), d: today, a: 500_000, ids: ['5', '5'], k: randomUUID() }, manager);
    expect(errorCode(twice)).toBe('CONFLICT');
    const all = (await gql(server.graphqlUrl, ELIGIBLE, { f: fundId, c: criteria(), d: today, a: 1_000_000 }, manager)).data!.giftEligibleChildren as { id: string }[];
    const tooMuch = await gql(server.graphqlUrl, CREATE_CAMPAIGN, { f: fundId, c: criteria(), d: today, a: 1_000_000, ids: all.slice(0, 200).map((c) => c.id), k: randomUUID() }, manager);
    expect(errorCode(tooMuch)).toBe('INSUFFICIENT_FUNDS');
    const aboveRate = await gql(server.graphqlUrl, CREATE_CAMPAIGN, { f: fundId, c: criteria(), d: today, a: 1_500_000, ids: [all[0]!.id], k: randomUUID() }, manager);
    expect(errorCode(aboveRate)).toBe('POLICY_LIMIT');
    expect(aboveRate.errors![0]!.extensions!.rule).toBe('CHILD_GIFT_PER_CHILD');
    const campaigns = (await server.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from gift_campaign'))[0]!.n;
    expect(campaigns).toBe(1);
  });

  it('prints one commune’s list, hands gifts over, and returns two gifts not handed over to the fund', async () => {
    const list = (await gql(server.graphqlUrl, LIST, { id: campaignId, u: communes['13744'] }, manager)).data!.giftRecipients as { id: string; unitId: string; childName: string; status: string }[];
    expect(list.length).toBeGreaterThan(300);
    expect(list.every((r) => r.unitId === communes['13744'] && r.status === 'PENDING' && /^Nguyễn Thị Bé/.test(r.childName))).toBe(true);
    const masked = (await gql(server.graphqlUrl, LIST, { id: campaignId, u: communes['13744'] }, inspector)).data!.giftRecipients as { childName: string }[];
    expect(masked[0]!.childName).toMatch(/^N\. T\. B\./);
    const handed = await gql(server.graphqlUrl, HAND, { id: campaignId, r: list.slice(2).map((r) => r.id), d: today }, manager);
    expect(handed.errors).toBeUndefined();
    const before = await balance();
    const noReason = await gql(server.graphqlUrl, RETURN, { id: campaignId, r: list.slice(0, 2).map((r) => r.id), d: today, why: '' }, manager);
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    const returned = await gql(server.graphqlUrl, RETURN, { id: campaignId, r: list.slice(0, 2).map((r) => r.id), d: today, why: 'Gia đình chuyển đi nơi khác' }, manager);
    expect(returned.errors).toBeUndefined();
    expect(returned.data!.returnGifts.map((r: { status: string }) => r.status)).toEqual(['RETURNED', 'RETURNED']);
    expect((await balance()).balance).toBe(before.balance + 1_000_000);
    // A line returned (or handed over) cannot be returned again.
    expect(errorCode(await gql(server.graphqlUrl, RETURN, { id: campaignId, r: [list[0]!.id], d: today, why: 'Gia đình chuyển đi nơi khác' }, manager))).toBe('INVALID_TRANSITION');
    expect(errorCode(await gql(server.graphqlUrl, RETURN, { id: campaignId, r: [list[5]!.id], d: today, why: 'Gia đình chuyển đi nơi khác' }, manager))).toBe('INVALID_TRANSITION');
    const verify = await gql(server.graphqlUrl, 'query($id: ID!) { verifyLedger(fundId: $id) { ok } }', { id: fundId }, inspector);
    expect(verify.data!.verifyLedger.ok).toBe(true);
  });

  it('does not hand over or return gifts of a batch not yet paid', async () => {
    const rest = (await gql(server.graphqlUrl, ELIGIBLE, { f: fundId, c: criteria(), d: today, a: 500_000, }, manager)).data!.giftEligibleChildren as { id: string }[];
    const added = await gql(server.graphqlUrl, 'mutation($id: ID!, $ids: [ID!]!, $k: String!) { addGiftRecipients(campaignId: $id, childIds: $ids, idempotencyKey: $k) { disbursementIds } }', { id: campaignId, ids: rest.slice(-5).map((c) => c.id), k: randomUUID() }, manager);
    expect(added.errors).toBeUndefined();
    expect(added.data!.addGiftRecipients.disbursementIds).toHaveLength(2);
    const pending = (await gql(server.graphqlUrl, 'query($id: ID!) { giftRecipients(filter: { campaignId: $id, status: PENDING }) { id } }', { id: campaignId }, manager)).data!.giftRecipients as { id: string }[];
    const last = pending[pending.length - 1]!;
    const res = await gql(server.graphqlUrl, HAND, { id: campaignId, r: [last.id], d: today }, manager);
    expect(errorCode(res)).toBe('INVALID_TRANSITION');
    expect(res.errors![0]!.extensions!.rule).toBe('BATCH_NOT_PAID');
  });

  it('gives in-kind packages from the fund’s goods, not its money', async () => {
    const goods = await gql(
      server.graphqlUrl,
      'mutation($f: ID!, $k: String!, $d: LocalDate!) { createDonation(fundId: $f, donorName: "Siêu thị Co.opmart", amount: 30000000, receivedOn: $d, method: IN_KIND, inKindDescription: "100 suất quà Tết", idempotencyKey: $k) { id } }',
      { f: fundId, k: randomUUID(), d: today },
      manager,
    );
    expect(goods.errors).toBeUndefined();
    const held = async () => (await gql(server.graphqlUrl, 'query($id: ID!) { Fund(id: $id) { balance inKindHeld } }', { id: fundId }, manager)).data!.Fund as { balance: number; inKindHeld: number };
    const before = await held();
    const kids = (await gql(server.graphqlUrl, ELIGIBLE, { f: fundId, c: { unitIds: [communes['13747']] }, d: today, a: 300_000 }, manager)).data!.giftEligibleChildren as { id: string }[];
    const CREATE = `mutation($f: ID!, $d: LocalDate!, $ids: [ID!]!, $k: String!, $u: ID!) {
      createGiftCampaign(fundId: $f, name: "Quà Trung thu", occasion: MID_AUTUMN, giftDate: $d, form: IN_KIND, amountPerChild: 300000, packageDescription: "Bánh, đèn lồng, sữa",
        criteria: { unitIds: [$u] }, childIds: $ids, idempotencyKey: $k) { id disbursementIds } }`;
    const tooMany = await gql(server.graphqlUrl, CREATE, { f: fundId, d: today, ids: kids.slice(0, 101).map((c) => c.id), k: randomUUID(), u: communes['13747'] }, manager);
    expect(errorCode(tooMany)).toBe('INSUFFICIENT_FUNDS');
    const created = await gql(server.graphqlUrl, CREATE, { f: fundId, d: today, ids: kids.slice(0, 100).map((c) => c.id), k: randomUUID(), u: communes['13747'] }, manager);
    expect(created.errors).toBeUndefined();
    await pay(created.data!.createGiftCampaign.disbursementIds[0]);
    const after = await held();
    expect(after.inKindHeld).toBe(before.inKindHeld - 30_000_000);
    expect(after.balance).toBe(before.balance);
  });

  it('takes its batches only from the campaign', async () => {
    const res = await gql(
      server.graphqlUrl,
      'mutation($f: ID!, $k: String!, $p: ID!) { createDisbursement(fundId: $f, amount: 100000, category: CHILD_GIFT, payeeName: "X", purpose: "Quà", projectType: GIFT_CAMPAIGN, projectId: $p, idempotencyKey: $k) { id } }',
      { f: fundId, k: randomUUID(), p: campaignId },
      manager,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});

describe('surgery and scholarships', () => {
  let childId: string;
  beforeAll(async () => {
    childId = (await gql(server.graphqlUrl, CREATE_CHILD, { name: 'Phạm Minh Tâm', birth: '2019-05-05', unit: communes['13741'], c: 'DISABLED' }, officer)).data!.createChild.id;
  });

  it('goes REFERRED → APPROVED → OPERATED → FOLLOW_UP → CLOSED, pays the fund’s part through the ledger and refuses other steps', async () => {
    const created = await gql(
      server.graphqlUrl,
      'mutation($c: ID!, $f: ID!, $d: LocalDate!) { createSurgeryCase(childId: $c, fundId: $f, condition: CONGENITAL_HEART, hospital: "Bệnh viện Nhi Trung ương", totalCost: 120000000, referredOn: $d) { id status permissions { approve operate cancel } } }',
      { c: childId, f: fundId, d: today },
      officer,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createSurgeryCase.id;
    expect(created.data!.createSurgeryCase.permissions).toEqual({ approve: true, operate: false, cancel: true });
    expect(errorCode(await gql(server.graphqlUrl, STEP('operateSurgeryCase', ', $occurredOn: LocalDate!'), { id, occurredOn: today }, officer))).toBe('INVALID_TRANSITION');
    const APPROVE = 'mutation($id: ID!, $d: LocalDate!, $lines: [FundingLineInput!]!) { approveSurgeryCase(id: $id, occurredOn: $d, document: "QĐ 12", fundingLines: $lines) { status fundSupport } }';
    const tooMuch = await gql(server.graphqlUrl, APPROVE, { id, d: today, lines: [{ source: 'FUND', fundId, amount: 60_000_000 }, { source: 'SPONSOR', note: 'Quỹ Trái tim cho em', amount: 60_000_000 }] }, officer);
    expect(errorCode(tooMuch)).toBe('POLICY_LIMIT');
    expect(tooMuch.errors![0]!.extensions!.rule).toBe('SURGERY_SUPPORT');
    const notAdding = await gql(server.graphqlUrl, APPROVE, { id, d: today, lines: [{ source: 'FUND', fundId, amount: 40_000_000 }] }, officer);
    expect(errorCode(notAdding)).toBe('BAD_USER_INPUT');
    const approved = await gql(server.graphqlUrl, APPROVE, { id, d: today, lines: [{ source: 'FUND', fundId, amount: 40_000_000 }, { source: 'SPONSOR', note: 'Quỹ Trái tim cho em', amount: 70_000_000 }, { source: 'FAMILY', amount: 10_000_000 }] }, officer);
    expect(approved.data!.approveSurgeryCase).toEqual({ status: 'APPROVED', fundSupport: 40_000_000 });
    const CREATE = 'mutation($f: ID!, $a: SafeInt!, $k: String!, $p: ID!) { createDisbursement(fundId: $f, amount: $a, category: SURGERY, payeeName: "Bệnh viện Nhi Trung ương", purpose: "Hỗ trợ phẫu thuật tim", projectType: SURGERY_CASE, projectId: $p, idempotencyKey: $k) { id } }';
    const over = await gql(server.graphqlUrl, CREATE, { f: fundId, a: 40_000_001, k: randomUUID(), p: id }, officer);
    expect(errorCode(over)).toBe('POLICY_LIMIT');
    const before = await balance();
    const payment = await gql(server.graphqlUrl, CREATE, { f: fundId, a: 40_000_000, k: randomUUID(), p: id }, officer);
    expect(payment.errors).toBeUndefined();
    await pay(payment.data!.createDisbursement.id);
    expect((await balance()).balance).toBe(before.balance - 40_000_000);
    for (const step of ['operateSurgeryCase', 'followUpSurgeryCase', 'closeSurgeryCase']) {
      const res = await gql(server.graphqlUrl, STEP(step, ', $occurredOn: LocalDate!'), { id, occurredOn: today }, officer);
      expect(res.errors).toBeUndefined();
    }
    const closed = await gql(server.graphqlUrl, 'query($id: ID!) { SurgeryCase(id: $id) { status paidAmount events { action toStatus actorName } } }', { id }, inspector);
    expect(closed.data!.SurgeryCase.status).toBe('CLOSED');
    expect(closed.data!.SurgeryCase.paidAmount).toBe(40_000_000);
    expect(closed.data!.SurgeryCase.events.map((e: { action: string }) => e.action)).toEqual(['refer', 'approve', 'operate', 'followUp', 'close']);
    expect(errorCode(await gql(server.graphqlUrl, STEP('cancelSurgeryCase', ', $occurredOn: LocalDate!, $note: String'), { id, occurredOn: today, note: 'Gia đình xin rút' }, officer))).toBe('INVALID_TRANSITION');
    expect(errorCode(await gql(server.graphqlUrl, STEP('operateSurgeryCase', ', $occurredOn: LocalDate!'), { id, occurredOn: today }, inspector))).toBe('FORBIDDEN');
  });

  it('awards a scholarship once a year and pays it per term, within the terms', async () => {
    const CREATE = 'mutation($c: ID!, $f: ID!, $a: SafeInt!, $y: String!) { createScholarship(childId: $c, fundId: $f, schoolYear: $y, school: "Trường Tiểu học Giao Thủy", amountPerTerm: $a, terms: 2) { id } }';
    expect(errorCode(await gql(server.graphqlUrl, CREATE, { c: childId, f: fundId, a: 5_000_000, y: '2025-2026' }, officer))).toBe('POLICY_LIMIT');
    expect(errorCode(await gql(server.graphqlUrl, CREATE, { c: childId, f: fundId, a: 2_000_000, y: '2025-2027' }, officer))).toBe('BAD_USER_INPUT');
    const created = await gql(server.graphqlUrl, CREATE, { c: childId, f: fundId, a: 2_000_000, y: '2025-2026' }, officer);
    expect(created.errors).toBeUndefined();
    expect(errorCode(await gql(server.graphqlUrl, CREATE, { c: childId, f: fundId, a: 2_000_000, y: '2025-2026' }, officer))).toBe('CONFLICT');
    const id = created.data!.createScholarship.id;
    const PAY = 'mutation($f: ID!, $a: SafeInt!, $k: String!, $p: ID!) { createDisbursement(fundId: $f, amount: $a, category: SCHOLARSHIP, payeeName: "Trần Văn Bố", purpose: "Học bổng học kỳ", projectType: SCHOLARSHIP, projectId: $p, idempotencyKey: $k) { id } }';
    expect(errorCode(await gql(server.graphqlUrl, PAY, { f: fundId, a: 2_500_000, k: randomUUID(), p: id }, officer))).toBe('POLICY_LIMIT');
    for (let term = 0; term < 2; term += 1) {
      const res = await gql(server.graphqlUrl, PAY, { f: fundId, a: 2_000_000, k: randomUUID(), p: id }, officer);
      expect(res.errors).toBeUndefined();
      await pay(res.data!.createDisbursement.id);
    }
    const third = await gql(server.graphqlUrl, PAY, { f: fundId, a: 2_000_000, k: randomUUID(), p: id }, officer);
    expect(errorCode(third)).toBe('POLICY_LIMIT');
    expect(third.errors![0]!.extensions!.rule).toBe('SCHOLARSHIP_TERMS');
    const read = await gql(server.graphqlUrl, 'query($id: ID!) { Scholarship(id: $id) { paidAmount childName } }', { id }, inspector);
    expect(read.data!.Scholarship).toEqual({ paidAmount: 4_000_000, childName: 'P. M. T.' });
  });

  it('keeps children of another commune out of a commune user’s reach', async () => {
    const elsewhere = (await gql(server.graphqlUrl, 'query($f: ChildFilter) { allChildren(filter: $f, perPage: 1) { id } }', { f: { unitIds: [communes['13744']] } }, manager)).data!.allChildren[0].id;
    expect(errorCode(await gql(server.graphqlUrl, 'query($id: ID!) { Child(id: $id) { id } }', { id: elsewhere }, communeManager))).toBe('NOT_FOUND');
  });
});

import { randomUUID } from 'node:crypto';
import { getNamedType, isObjectType, type GraphQLField } from 'graphql';
import { todayVn } from '../../api/src/common/dates';
import { TokenService } from '../../api/src/modules/auth/token';
import { buildAppSchema } from '../../api/src/schema';
import { fundOf } from '../support/funds';
import { errorCode, gql, signIn } from '../support/graphql';
import { sample } from '../support/schema-samples';
import { startTestServer, type TestServer } from '../support/server';

/*
 * Public transparency pages (issue 7): a campaign is public only once a fund manager of its scope
 * publishes it; the page lists its posted donations (anonymous donors and those who asked not to be
 * named masked) and totals, escaped, paged, under a strict CSP; unknown and unpublished slugs look
 * the same; and nothing else is reachable without sign-in.
 */

const CREATE_CAMPAIGN = `mutation($fundId: ID!, $name: String!) {
  createCampaign(fundId: $fundId, name: $name, startsOn: "2026-11-01", endsOn: "2026-12-31", target: 100000000) { id }
}`;
const PUBLISH = 'mutation($id: ID!) { publishCampaign(id: $id) { id publicSlug publishedAt } }';
const UNPUBLISH = 'mutation($id: ID!) { unpublishCampaign(id: $id) { id publicSlug publishedAt } }';
const DONATE = `mutation($fundId: ID!, $campaignId: ID, $donorId: ID, $donorName: String, $amount: SafeInt!, $receivedOn: LocalDate!, $method: DonationMethod!,
    $inKindDescription: String, $publicAnonymous: Boolean, $key: String!) {
  createDonation(fundId: $fundId, campaignId: $campaignId, donorId: $donorId, donorName: $donorName, amount: $amount, receivedOn: $receivedOn, method: $method,
    inKindDescription: $inKindDescription, publicAnonymous: $publicAnonymous, idempotencyKey: $key) { id receiptNumber donorName publicAnonymous }
}`;

let server: TestServer;
let manager: string;
let commune: string;
let inspector: string;
let officer: string;
let provinceFund: string;
let communeFund: string;

interface Gift {
  donorName?: string;
  donorId?: string;
  amount: number;
  receivedOn: string;
  method?: 'CASH' | 'BANK_TRANSFER' | 'IN_KIND';
  inKindDescription?: string;
  publicAnonymous?: boolean;
}

async function donate(token: string, fundId: string, campaignId: string, gift: Gift): Promise<{ id: string; receiptNumber: string }> {
  const res = await gql(server.graphqlUrl, DONATE, { fundId, campaignId, method: 'CASH', ...gift, key: randomUUID() }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.createDonation;
}

async function campaign(token: string, fundId: string, name: string): Promise<string> {
  const res = await gql(server.graphqlUrl, CREATE_CAMPAIGN, { fundId, name }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.createCampaign.id as string;
}

async function publish(id: string, token = manager): Promise<string> {
  const res = await gql(server.graphqlUrl, PUBLISH, { id }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.publishCampaign.publicSlug as string;
}

const page = (path: string) => fetch(`${server.url}${path}`);

beforeAll(async () => {
  server = await startTestServer();
  [manager, commune, inspector, officer] = await Promise.all(
    ['ketoan@soquy.example', 'xa13741@soquy.example', 'thanhtra@soquy.example', 'canbo@soquy.example'].map((email) => signIn(server.graphqlUrl, email)),
  );
  provinceFund = String((await fundOf(server.orm.em, '36')).id);
  communeFund = String((await fundOf(server.orm.em, '13741')).id);
});
afterAll(() => server.close());

describe('publishing', () => {
  it('is explicit, for fund managers of the campaign’s scope, and keeps the address when unpublished', async () => {
    const id = await campaign(manager, provinceFund, 'Vận động Quỹ Đền ơn đáp nghĩa');
    const fresh = await gql(server.graphqlUrl, 'query($id: ID!) { Campaign(id: $id) { publicSlug publishedAt } }', { id }, manager);
    expect(fresh.data!.Campaign).toEqual({ publicSlug: null, publishedAt: null });

    for (const token of [inspector, officer]) expect(errorCode(await gql(server.graphqlUrl, PUBLISH, { id }, token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.graphqlUrl, PUBLISH, { id }, commune))).toBe('NOT_FOUND');
    expect(errorCode(await gql(server.graphqlUrl, PUBLISH, { id }))).toBe('UNAUTHENTICATED');

    const slug = await publish(id);
    expect(slug).toBe('van-dong-quy-den-on-dap-nghia-2026');
    expect(errorCode(await gql(server.graphqlUrl, PUBLISH, { id }, manager))).toBe('INVALID_TRANSITION');
    expect(errorCode(await gql(server.graphqlUrl, UNPUBLISH, { id }, commune))).toBe('NOT_FOUND');
    expect(errorCode(await gql(server.graphqlUrl, UNPUBLISH, { id }, inspector))).toBe('FORBIDDEN');

    const down = await gql(server.graphqlUrl, UNPUBLISH, { id }, manager);
    expect(down.data!.unpublishCampaign).toEqual({ id, publicSlug: slug, publishedAt: null });
    expect(errorCode(await gql(server.graphqlUrl, UNPUBLISH, { id }, manager))).toBe('INVALID_TRANSITION');
    expect(await publish(id)).toBe(slug);

    // The same name in the same year gets the next free address; a name ending with its year keeps one year.
    expect(await publish(await campaign(manager, provinceFund, 'Vận động Quỹ Đền ơn đáp nghĩa'))).toBe('van-dong-quy-den-on-dap-nghia-2026-2');
    expect(await publish(await campaign(commune, communeFund, 'Tri ân 27/7 năm 2026 — xã Gôi'))).toBe('tri-an-27-7-nam-2026-xa-goi-2026');

    const [audit] = await server.orm.em
      .getConnection()
      .execute<{ n: string }[]>("select count(*) as n from audit_event where operation in ('publishCampaign', 'unpublishCampaign') and target_id = ?", [id]);
    expect(audit!.n).toBe('3');
  });
});

describe('a public campaign page', () => {
  let slug: string;
  let otherSlug: string;
  let hiddenSlug: string;
  const named = 'Công ty TNHH Minh Khai';
  const hidden = 'Bà Trần Thị Kín Tên';
  const hostile = '<script>alert("x")</script> & Co';
  const voidedName = 'Ông Phiếu Huỷ';
  const otherName = 'Người của đợt khác';
  let receipts: string[] = [];
  let expectedTotal = 0;
  let expectedCount = 0;

  beforeAll(async () => {
    const id = await campaign(manager, provinceFund, 'Tết vì người nghèo');
    const anonymousDonor = (await gql(server.graphqlUrl, 'mutation { createDonor(type: ANONYMOUS, name: "x") { id } }', {}, manager)).data!.createDonor.id as string;
    const gifts: Gift[] = [
      { donorName: named, amount: 5_000_000, receivedOn: '2026-11-02', method: 'BANK_TRANSFER' },
      { donorId: anonymousDonor, amount: 2_000_000, receivedOn: '2026-11-03' },
      { donorName: hidden, amount: 3_000_000, receivedOn: '2026-11-04', publicAnonymous: true },
      { donorName: hostile, amount: 1_000_000, receivedOn: '2026-11-05' },
      { donorName: 'Hợp tác xã Hải Vân', amount: 7_500_000, receivedOn: '2026-11-06', method: 'IN_KIND', inKindDescription: '500 kg gạo' },
    ];
    for (const gift of gifts) receipts.push((await donate(manager, provinceFund, id, gift)).receiptNumber);
    const voided = await donate(manager, provinceFund, id, { donorName: voidedName, amount: 9_000_000, receivedOn: '2026-11-06' });
    const voiding = await gql(server.graphqlUrl, 'mutation($id: ID!) { voidDonation(id: $id, reason: "Ghi nhầm số tiền") { status } }', { id: voided.id }, manager);
    expect(voiding.data!.voidDonation.status).toBe('VOIDED');
    expectedTotal = gifts.reduce((sum, g) => sum + g.amount, 0);
    expectedCount = gifts.length;
    slug = await publish(id);

    const other = await campaign(manager, provinceFund, 'Đợt khác của quỹ tỉnh');
    await donate(manager, provinceFund, other, { donorName: otherName, amount: 4_000_000, receivedOn: '2026-11-07' });
    otherSlug = await publish(other);
    // Published once, then taken down: it has an address, but no page.
    const down = await campaign(manager, provinceFund, 'Đợt đã thôi công khai');
    await donate(manager, provinceFund, down, { donorName: 'Người của đợt đã thôi', amount: 1_000_000, receivedOn: '2026-11-07' });
    hiddenSlug = await publish(down);
    await gql(server.graphqlUrl, UNPUBLISH, { id: down }, manager);
    receipts = receipts.concat(voided.receiptNumber);
  });

  it('shows the campaign, its totals equal to the posted donations, and its donations newest first', async () => {
    const res = await page(`/public/campaigns/${slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Tết vì người nghèo');
    expect(html).toContain('Quỹ Đền ơn đáp nghĩa');
    expect(html).toContain('Tỉnh Nam Định');
    expect(html).toContain('01/11/2026 – 31/12/2026');
    expect(html).toContain('<dd data-testid="public-received">18.500.000\u00a0₫ <span class="muted">(trong đó hiện vật 7.500.000\u00a0₫)</span></dd>');
    expect(html).toContain(`<dd data-testid="public-count">${expectedCount}</dd>`);
    expect(html).toContain('100.000.000\u00a0₫');
    expect(expectedTotal).toBe(18_500_000);
    const rows = [...html.matchAll(/<tr><td>([^<]+)<\/td><td>(.*?)<\/td><td class="num">(.*?)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual([
      ['06/11/2026', 'Hợp tác xã Hải Vân', '7.500.000\u00a0₫ <span class="muted">(hiện vật)</span>'],
      ['05/11/2026', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co', '1.000.000\u00a0₫'],
      ['04/11/2026', '<span class="muted">Nhà hảo tâm ẩn danh</span>', '3.000.000\u00a0₫'],
      ['03/11/2026', '<span class="muted">Nhà hảo tâm ẩn danh</span>', '2.000.000\u00a0₫'],
      ['02/11/2026', named, '5.000.000\u00a0₫'],
    ]);
    // The console's own figure agrees.
    const received = await gql(server.graphqlUrl, 'query($f: CampaignFilter) { allCampaigns(filter: $f) { name received } }', { f: { q: 'Tết vì người nghèo' } }, manager);
    expect(received.data!.allCampaigns[0].received).toBe(expectedTotal);
  });

  it('shows nothing else: no masked or voided name, no receipt number, no script, no other campaign’s donations', async () => {
    const html = await (await page(`/public/campaigns/${slug}`)).text();
    const json = await (await page(`/public/campaigns/${slug}.json`)).text();
    for (const body of [html, json]) {
      for (const secret of [hidden, voidedName, otherName, 'Người của đợt đã thôi', '500 kg gạo', 'Trần Thị Kế', ...receipts]) expect(body).not.toContain(secret);
    }
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/ style=| on\w+=/i);
    const other = await (await page(`/public/campaigns/${otherSlug}`)).text();
    expect(other).toContain(otherName);
    expect(other).not.toContain(named);
  });

  it('answers the same data as JSON, and in English with ?lang=en', async () => {
    const res = await page(`/public/campaigns/${slug}.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { campaign: Record<string, unknown>; donations: Record<string, unknown>[]; page: number; pageCount: number };
    expect(body.campaign).toEqual({
      slug,
      name: 'Tết vì người nghèo',
      fund: expect.stringContaining('Quỹ Đền ơn đáp nghĩa'),
      unit: 'Tỉnh Nam Định',
      startsOn: '2026-11-01',
      endsOn: '2026-12-31',
      target: 100_000_000,
      received: expectedTotal,
      inKindReceived: 7_500_000,
      donationCount: expectedCount,
      progressPercent: 18,
    });
    expect(body.page).toBe(1);
    expect(body.pageCount).toBe(1);
    expect(body.donations.map((d) => Object.keys(d).sort())).toEqual(Array(expectedCount).fill(['amount', 'anonymous', 'donorName', 'inKind', 'receivedOn']));
    expect(body.donations.map((d) => [d.donorName, d.anonymous, d.amount, d.inKind])).toEqual([
      ['Hợp tác xã Hải Vân', false, 7_500_000, true],
      [hostile, false, 1_000_000, false],
      ['Nhà hảo tâm ẩn danh', true, 3_000_000, false],
      ['Nhà hảo tâm ẩn danh', true, 2_000_000, false],
      [named, false, 5_000_000, false],
    ]);
    expect(body.donations.reduce((sum, d) => sum + (d.amount as number), 0)).toBe(body.campaign.received);

    const english = await (await page(`/public/campaigns/${slug}?lang=en`)).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Anonymous donor');
    expect(english).toContain('18,500,000\u00a0VND');
    expect(english).toContain('2026-11-06');
    const englishJson = (await (await page(`/public/campaigns/${slug}.json?lang=en`)).json()) as { donations: { donorName: string }[] };
    expect(englishJson.donations[2]!.donorName).toBe('Anonymous donor');
  });

  it('lists the published campaigns only', async () => {
    const html = await (await page('/public/campaigns')).text();
    expect(html).toContain(`href="/public/campaigns/${slug}"`);
    expect(html).toContain(`href="/public/campaigns/${otherSlug}"`);
    expect(html).not.toContain(hiddenSlug);
    expect(html).not.toContain('Đợt đã thôi công khai');
    expect(html).toContain('18.500.000\u00a0₫');
    const english = await (await page('/public/campaigns?lang=en')).text();
    expect(english).toContain(`href="/public/campaigns/${slug}?lang=en"`);
  });

  it('answers unknown and unpublished addresses with the same 404', async () => {
    const answers = await Promise.all(['nothing-here-2026', hiddenSlug, 'Bad%20Slug', 'UPPER-Case', 'x'.repeat(200)].map((s) => page(`/public/campaigns/${s}`)));
    const bodies = await Promise.all(answers.map((r) => r.text()));
    for (const [i, res] of answers.entries()) {
      expect(res.status).toBe(404);
      expect(bodies[i]).toBe(bodies[0]);
      expect(res.headers.get('content-security-policy')).toBe(answers[0]!.headers.get('content-security-policy'));
      expect(res.headers.get('cache-control')).toBe(answers[0]!.headers.get('cache-control'));
    }
    expect(bodies[0]).toContain('Không tìm thấy trang');
    const json = await Promise.all([`nothing-here-2026.json`, `${hiddenSlug}.json`].map((s) => page(`/public/campaigns/${s}`)));
    expect(json.map((r) => r.status)).toEqual([404, 404]);
    expect(await json[0]!.text()).toBe(await json[1]!.text());
  });

  it('sends a strict Content-Security-Policy and a short cache lifetime', async () => {
    for (const path of [`/public/campaigns/${slug}`, `/public/campaigns/${slug}.json`, '/public/campaigns', '/public/campaigns/unknown']) {
      const res = await page(path);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/script-src|unsafe-inline|unsafe-eval/);
      const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get('cache-control')!)![1]);
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge).toBeLessThanOrEqual(300);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });
});

describe('paging', () => {
  it('pages the donations by 50, newest first, with a fixed number of SQL statements', async () => {
    const id = await campaign(manager, provinceFund, 'Đợt nhiều lượt ủng hộ');
    const amounts = Array.from({ length: 53 }, (_, i) => 100_000 + i * 1000);
    for (const [i, amount] of amounts.entries()) {
      await donate(manager, provinceFund, id, { donorName: `Người ủng hộ số ${i + 1}`, amount, receivedOn: `2026-11-${String(1 + (i % 27)).padStart(2, '0')}` });
    }
    const slug = await publish(id);
    const connection = server.orm.em.getConnection();
    const spy = jest.spyOn(connection, 'execute');
    const first = (await (await page(`/public/campaigns/${slug}.json`)).json()) as { donations: { receivedOn: string; amount: number }[]; pageCount: number };
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockClear();
    await page('/public/campaigns');
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    const second = (await (await page(`/public/campaigns/${slug}.json?page=2`)).json()) as typeof first;
    expect(first.pageCount).toBe(2);
    expect(first.donations).toHaveLength(50);
    expect(second.donations).toHaveLength(3);
    const all = [...first.donations, ...second.donations];
    expect(all.map((d) => d.amount).sort()).toEqual([...amounts].sort());
    expect(all.map((d) => d.receivedOn)).toEqual(all.map((d) => d.receivedOn).sort().reverse());

    const html = await (await page(`/public/campaigns/${slug}?page=2`)).text();
    expect(html).toContain('Trang 2/2');
    expect(html).toContain(`href="/public/campaigns/${slug}" rel="prev"`);
    expect((await page(`/public/campaigns/${slug}?page=3`)).status).toBe(200);
    for (const bad of ['0', 'abc', '-1', '1.5']) expect((await page(`/public/campaigns/${slug}?page=${bad}`)).status).toBe(400);
  }, 60_000);
});

describe('a donor who asks not to be named', () => {
  it('is stored on the donation (default false) and replayed by the same idempotency key', async () => {
    const id = await campaign(commune, communeFund, 'Đợt của xã Gôi');
    const key = randomUUID();
    const vars = { fundId: communeFund, campaignId: id, donorName: 'Ông Giấu Tên', amount: 200_000, receivedOn: todayVn(), method: 'CASH', publicAnonymous: true, key };
    const first = await gql(server.graphqlUrl, DONATE, vars, commune);
    expect(first.data!.createDonation.publicAnonymous).toBe(true);
    expect(first.data!.createDonation.donorName).toBe('Ông Giấu Tên');
    expect(errorCode(await gql(server.graphqlUrl, DONATE, { ...vars, publicAnonymous: false }, commune))).toBe('CONFLICT');
    const plain = await donate(commune, communeFund, id, { donorName: 'Bà Công Khai', amount: 100_000, receivedOn: todayVn() });
    const read = await gql(server.graphqlUrl, 'query($id: ID!) { Donation(id: $id) { publicAnonymous } }', { id: plain.id }, commune);
    expect(read.data!.Donation.publicAnonymous).toBe(false);
    // Like the rest of a posted receipt, the choice is never edited afterwards, not even while voiding.
    const connection = server.orm.em.getConnection();
    await expect(connection.execute('update donation set public_anonymous = true where id = ?', [plain.id])).rejects.toThrow(/never edited/);
    await expect(
      connection.execute("update donation set public_anonymous = true, status = 'VOIDED', void_reason = 'x', voided_at = now(), void_transaction_id = transaction_id where id = ?", [plain.id]),
    ).rejects.toThrow(/never edited/);
  });
});


function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const declared = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? '{ __typename }' : '';
  return {
    query: `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection} }`,
    variables: Object.fromEntries(field.args.map((a) => [a.name, sample(a.type)])),
  };
}

describe('without sign-in', () => {
  it('the API refuses every query and mutation except login', async () => {
    const schema = await buildAppSchema(new TokenService('x'.repeat(32), 60));
    const fields = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ['query', f] as const),
      ...Object.values(schema.getMutationType()!.getFields()).map((f) => ['mutation', f] as const),
    ];
    expect(fields.length).toBeGreaterThan(60);
    const refused: string[] = [];
    const answered: string[] = [];
    for (const [kind, field] of fields) {
      if (field.name === 'login') continue;
      const { query, variables } = operation(kind, field);
      const res = await gql(server.graphqlUrl, query, variables);
      (errorCode(res) === 'UNAUTHENTICATED' && /Sign in first/.test(res.errors![0]!.message) && !res.data?.[field.name] ? refused : answered).push(field.name);
    }
    expect(answered).toEqual([]);
    expect(refused).toHaveLength(fields.length - 1);
    const login = await gql(server.graphqlUrl, 'mutation { login(email: "nobody@example.org", password: "wrong-password") { token } }');
    expect(errorCode(login)).toBe('UNAUTHENTICATED');
  }, 120_000);

  it('the export routes refuse', async () => {
    for (const path of ['/export/disbursements.csv', '/export/disbursements.xlsx', '/export/housing-report.csv', '/export/memorial-report.xlsx', '/export/statement.xlsx', '/export/statement.pdf']) {
      const res = await page(path);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('the public pages show published campaigns only', async () => {
    const id = await campaign(manager, provinceFund, 'Đợt chưa công khai');
    await donate(manager, provinceFund, id, { donorName: 'Người của đợt chưa công khai', amount: 1_000_000, receivedOn: '2026-11-08' });
    const list = await (await page('/public/campaigns')).text();
    expect(list).not.toContain('Đợt chưa công khai');
    const json = await page(`/public/campaigns/dot-chua-cong-khai-2026.json`);
    expect(json.status).toBe(404);
  });
});

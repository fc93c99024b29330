import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

/**
 * The demo data looks like Nam Định's department report (DESIGN §2), and the program reports say
 * so: 7,731 households under Decision 22/2013, 128 new gift houses and 184+ repairs from the
 * Gratitude funds over 2015–2020, 40–50 memorial works a year, payments that reach the ledger;
 * and nothing of a district after 30/6/2025, so that the reform of 1/7/2025 can close their funds.
 */
let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork());
  token = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
}, 120_000);
afterAll(() => server.close());

interface Row {
  program?: string;
  type?: string;
  status?: string;
  year?: number;
  count: number;
  amount: number;
  paidAmount: number;
}

const report = async (groupBy: string[], filter: Record<string, unknown> = {}) => {
  const res = await gql<{ housingReport: Row[] }>(
    server.graphqlUrl,
    'query($groupBy: [HousingReportDimension!]!, $filter: HousingGrantFilter) { housingReport(groupBy: $groupBy, filter: $filter) { program type status year count amount paidAmount } }',
    { groupBy, filter },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.housingReport;
};

describe('the demo data in the program reports', () => {
  it('has 7,731 households supported under Decision 22/2013, all closed, at the rates of the time', async () => {
    const rows = await report(['PROGRAM', 'TYPE', 'STATUS'], { program: 'DECISION_22_2013' });
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(7_731);
    expect(rows.every((r) => r.status === 'CLOSED')).toBe(true);
    for (const r of rows) expect(r.amount).toBe(r.count * (r.type === 'NEW_BUILD' ? 40_000_000 : 20_000_000));
    // Budget money: nothing of it moves through the funds.
    expect(rows.every((r) => r.paidAmount === 0)).toBe(true);
  });

  it('has 128 new gift houses and 184+ repairs from the Gratitude funds over 2015–2020, fully paid through the ledger', async () => {
    const rows = (await report(['TYPE', 'YEAR'], { program: 'GRATITUDE_HOUSE', status: ['CLOSED'] })).filter((r) => r.year! >= 2015 && r.year! <= 2020);
    const count = (type: string) => rows.filter((r) => r.type === type).reduce((s, r) => s + r.count, 0);
    expect(count('NEW_BUILD')).toBe(128);
    expect(count('REPAIR')).toBeGreaterThanOrEqual(184);
    for (const r of rows) expect(r.paidAmount).toBe(r.amount);
  });

  it('has grants under way at every stage, with tranches waiting for approval', async () => {
    const rows = await report(['STATUS'], { program: 'DECREE_131_2021' });
    expect(rows.map((r) => r.status).sort()).toEqual(['APPLIED', 'APPROVED', 'CLOSED', 'COMPLETED', 'REJECTED', 'UNDER_CONSTRUCTION', 'VERIFIED']);
    const pending = await gql<{ _allDisbursementsMeta: { count: number } }>(
      server.graphqlUrl,
      'query { _allDisbursementsMeta(filter: { projectType: HOUSING_GRANT, status: [DRAFT, SUBMITTED, APPROVED] }) { count } }',
      {},
      token,
    );
    expect(pending.data!._allDisbursementsMeta.count).toBeGreaterThan(0);
  });

  it('has 40–50 memorial works a year since 2019, within their support, paid through the ledger', async () => {
    const res = await gql<{ memorialReport: { year: number; count: number; approvedCost: number; supportAmount: number; paidAmount: number }[] }>(
      server.graphqlUrl,
      'query { memorialReport(groupBy: [YEAR]) { year count approvedCost supportAmount paidAmount } }',
      {},
      token,
    );
    const rows = res.data!.memorialReport;
    const thisYear = new Date().getUTCFullYear();
    for (const r of rows.filter((x) => x.year < thisYear)) {
      expect(r.count).toBeGreaterThanOrEqual(40);
      expect(r.count).toBeLessThanOrEqual(50);
      expect(r.approvedCost).toBeGreaterThan(10_000_000_000);
      expect(r.supportAmount).toBeLessThanOrEqual(Math.floor(r.approvedCost * 0.7));
    }
    expect(rows.reduce((s, r) => s + r.paidAmount, 0)).toBeGreaterThan(0);
  });

  it('leaves every fund that paid a project with a verified ledger and no negative balance', async () => {
    const funds = await server.orm.em
      .fork()
      .getConnection()
      .execute<{ fund_id: number }[]>("select distinct fund_id from disbursement where project_type is not null and status = 'PAID' order by 1");
    expect(funds.length).toBeGreaterThan(20);
    for (const { fund_id: fundId } of funds) {
      const res = await gql<{ verifyLedger: { ok: boolean } }>(server.graphqlUrl, 'query($id: ID!) { verifyLedger(fundId: $id) { ok } }', { id: String(fundId) }, token);
      expect(res.data!.verifyLedger.ok).toBe(true);
    }
    const [negative] = await server.orm.em.fork().getConnection().execute<{ n: number }[]>("select count(*)::int as n from ledger_account where code in ('CASH', 'GOODS') and balance < 0");
    expect(negative!.n).toBe(0);
  });

  it('has children across the communes, Tết and 1 June gifts every year, scholarships and tens of surgeries a year, paid through the ledger', async () => {
    const conn = server.orm.em.fork().getConnection();
    const [children] = await conn.execute<{ n: number; communes: number }[]>('select count(*)::int as n, count(distinct unit_id)::int as communes from child');
    expect(children!.n).toBeGreaterThan(1_000);
    expect(children!.communes).toBeGreaterThan(200);
    const campaigns = await conn.execute<{ year: number; occasions: number; recipients: number }[]>(
      'select extract(year from g.gift_date)::int as year, count(distinct g.occasion)::int as occasions, count(r.*)::int as recipients from gift_campaign g join gift_recipient r on r.campaign_id = g.id group by 1 order by 1',
    );
    for (const c of campaigns) {
      expect(c.occasions).toBe(2);
      expect(c.recipients).toBeGreaterThan(200);
    }
    expect(campaigns[0]!.year).toBe(2015);
    const surgeries = await conn.execute<{ year: number; n: number }[]>('select extract(year from referred_on)::int as year, count(*)::int as n from surgery_case group by 1');
    for (const s of surgeries) expect(s.n).toBeGreaterThanOrEqual(10);
    const [scholarships] = await conn.execute<{ n: number }[]>('select count(*)::int as n from scholarship');
    expect(scholarships!.n).toBeGreaterThan(300);
    const fund = await conn.execute<{ id: number }[]>("select id from fund where kind = 'CHILD_PROTECTION'");
    const res = await gql<{ verifyLedger: { ok: boolean } }>(server.graphqlUrl, 'query($id: ID!) { verifyLedger(fundId: $id) { ok } }', { id: String(fund[0]!.id) }, token);
    expect(res.data!.verifyLedger.ok).toBe(true);
    // Every returned gift has its ledger entry.
    const [orphans] = await conn.execute<{ n: number }[]>("select count(*)::int as n from gift_recipient where status = 'RETURNED' and return_transaction_id is null");
    expect(orphans!.n).toBe(0);
  });

  it('respects the abolition of the districts on 1/7/2025: nothing of a district dated after 30/6/2025, nothing of a district left open', async () => {
    const conn = server.orm.em.fork().getConnection();
    const count = async (sql: string) => (await conn.execute<{ n: number }[]>(sql))[0]!.n;
    const districtFunds = "select f.id from fund f join administrative_unit u on u.id = f.unit_id where u.level = 'DISTRICT'";
    const districtUnits = "select id from administrative_unit where level = 'DISTRICT'";
    // The demo had district activity before the reform...
    expect(await count(`select count(*)::int as n from ledger_transaction where fund_id in (${districtFunds}) and occurred_on between '2025-01-01' and '2025-06-30'`)).toBeGreaterThan(0);
    // ...and none after it (their closing transfer, when applied, is dated 30/6/2025), nor anything left open on them.
    const violations: Record<string, number> = {};
    const check = async (name: string, where: string) => (violations[name] = await count(`select count(*)::int as n from ${where}`));
    await check('ledger transactions after 30/6/2025', `ledger_transaction where fund_id in (${districtFunds}) and occurred_on > '2025-06-30'`);
    await check('donations or voids after 30/6/2025', `donation where fund_id in (${districtFunds}) and (received_on > '2025-06-30' or voided_at >= '2025-07-01T00:00:00+07:00')`);
    await check('campaigns ending after 30/6/2025', `campaign where fund_id in (${districtFunds}) and ends_on > '2025-06-30'`);
    await check('disbursements paid after 30/6/2025 or open', `disbursement where fund_id in (${districtFunds}) and (paid_on > '2025-06-30' or status in ('DRAFT', 'SUBMITTED', 'APPROVED'))`);
    await check('open grants on a district unit or fund', `housing_grant where status not in ('CLOSED', 'REJECTED') and (unit_id in (${districtUnits})
      or id in (select project_id from funding_line where project_type = 'HOUSING_GRANT' and fund_id in (${districtFunds})))`);
    await check('open works on a district unit or fund', `memorial_work where status <> 'SETTLED' and (unit_id in (${districtUnits})
      or id in (select project_id from funding_line where project_type = 'MEMORIAL_WORK' and fund_id in (${districtFunds})))`);
    await check("events after 30/6/2025 of a district's project", `project_event e where e.occurred_on > '2025-06-30' and (
      (e.project_type = 'MEMORIAL_WORK' and e.project_id in (select id from memorial_work where unit_id in (${districtUnits})))
      or e.project_id in (select project_id from funding_line l where l.project_type = e.project_type and l.fund_id in (${districtFunds})))`);
    await check('progress reports after 30/6/2025 of district works', `memorial_progress where reported_on > '2025-06-30' and work_id in (select id from memorial_work where unit_id in (${districtUnits}))`);
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, 0])));
    // What the districts would have raised after 30/6/2025 went to the province: its Gratitude fund keeps receiving the drive.
    expect(await count(`select count(*)::int as n from donation d join fund f on f.id = d.fund_id join administrative_unit u on u.id = f.unit_id
      where u.level = 'PROVINCE' and f.kind = 'GRATITUDE' and d.received_on between '2025-06-28' and '2025-07-27'`)).toBeGreaterThan(50);
  });
});

describe('the reform of 1/7/2025 in the demo data', () => {
  const sql = async <T>(query: string) => server.orm.em.getConnection().execute<T[]>(query);
  const figures = 'opening { total } closing { total earmarked goods } receipts { total } disbursements { total } transfersIn { total internal succession } transfersOut { total internal succession } ledgerClosing balanced';
  const statement = async (from: string, to: string, unitView: string) => {
    const [province] = await sql<{ id: number }>("select id from administrative_unit where level = 'PROVINCE'");
    const res = await gql<{ fundStatement: { balanced: boolean; current: Record<string, { total: number; internal?: number; succession?: number } | number | boolean>; byLevel: { level: string; fundCount: number; opening: number; closing: number }[] } }>(
      server.graphqlUrl,
      `query($input: StatementInput!) { fundStatement(input: $input) { balanced current { ${figures} } byLevel { level fundCount opening closing } } }`,
      { input: { unitId: String(province!.id), kind: 'GRATITUDE', from, to, unitView, compare: false } },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.fundStatement;
  };

  it('ended the ten districts on 30/6/2025 and closed their Gratitude funds into the province fund, balance for balance', async () => {
    const events = await sql<{ status: string; effective_on: string }>("select status, effective_on::text from unit_succession_event");
    expect(events).toEqual([{ status: 'APPLIED', effective_on: '2025-07-01' }]);
    const districts = await sql<{ valid_to: string; successor_level: string; children: number }>(`select u.valid_to::text, s.level as successor_level,
      (select count(*)::int from administrative_unit c where c.parent_id = u.id) as children
      from administrative_unit u join administrative_unit s on s.id = u.successor_id where u.level = 'DISTRICT'`);
    expect(districts).toHaveLength(10);
    for (const d of districts) expect(d).toEqual({ valid_to: '2025-06-30', successor_level: 'PROVINCE', children: 0 });
    const [communes] = await sql<{ n: number; under_province: number }>(`select count(*)::int as n,
      count(*) filter (where p.level = 'PROVINCE')::int as under_province from administrative_unit c join administrative_unit p on p.id = c.parent_id where c.level = 'COMMUNE'`);
    expect(communes!.under_province).toBe(communes!.n);

    const funds = await sql<{ id: number; closed_on: string | null; successor_unit_level: string; balance: string }>(`select f.id, f.closed_on::text, su.level as successor_unit_level,
      (select coalesce(sum(a.balance), 0)::text from ledger_account a where a.fund_id = f.id and a.code in ('CASH', 'GOODS')) as balance
      from fund f join administrative_unit u on u.id = f.unit_id join fund s on s.id = f.successor_id join administrative_unit su on su.id = s.unit_id where u.level = 'DISTRICT'`);
    expect(funds).toHaveLength(10);
    for (const f of funds) expect({ ...f, id: 0 }).toEqual({ id: 0, closed_on: '2025-06-30', successor_unit_level: 'PROVINCE', balance: '0' });
    const [moved] = await sql<{ out: string; in: string }>(`select
      (select sum(e.amount)::text from ledger_entry e join ledger_transaction t on t.id = e.transaction_id join ledger_account a on a.id = e.account_id where t.kind = 'SUCCESSION_TRANSFER_OUT' and a.code = 'TRANSFER_OUT') as out,
      (select (-sum(e.amount))::text from ledger_entry e join ledger_transaction t on t.id = e.transaction_id join ledger_account a on a.id = e.account_id where t.kind = 'SUCCESSION_TRANSFER_IN' and a.code = 'TRANSFER_IN') as in`);
    expect(Number(moved!.out)).toBeGreaterThan(1_000_000_000);
    expect(moved!.in).toBe(moved!.out);

    const [provinceFund] = await sql<{ id: number }>("select f.id from fund f join administrative_unit u on u.id = f.unit_id where u.level = 'PROVINCE' and f.kind = 'GRATITUDE'");
    for (const id of [...funds.map((f) => f.id), provinceFund!.id]) {
      const res = await gql<{ verifyLedger: { ok: boolean } }>(server.graphqlUrl, 'query($id: ID!) { verifyLedger(fundId: $id) { ok } }', { id: String(id) }, token);
      expect(res.data!.verifyLedger.ok).toBe(true);
    }
  });

  it('gives the province statements before and after the reform that balance, as recorded and mapped to today’s units', async () => {
    const before = await statement('2025-01-01', '2025-06-30', 'RECORDED');
    const after = await statement('2025-07-01', '2025-12-31', 'RECORDED');
    const year = await statement('2025-01-01', '2025-12-31', 'RECORDED');
    const mapped = await statement('2025-01-01', '2025-12-31', 'MAPPED');
    for (const s of [before, after, year, mapped]) expect(s.balanced).toBe(true);
    const total = (s: typeof before, key: string) => (s.current[key] as { total: number }).total;
    // The half-years join up, and the districts' closing on 30/6 is inside the province's subtree: the succession
    // transfers are internal to the provincial statement and leave its total unchanged.
    expect(total(after, 'opening')).toBe(total(before, 'closing'));
    expect(total(year, 'closing')).toBe(total(after, 'closing'));
    const out = before.current.transfersOut as { total: number; internal: number; succession: number };
    expect(out.succession).toBeGreaterThan(1_000_000_000);
    expect(out.internal).toBeGreaterThanOrEqual(out.succession);
    expect((before.current.transfersIn as { succession: number }).succession).toBe(out.succession);
    expect((after.current.transfersOut as { succession: number }).succession).toBe(0);
    // As recorded, the districts' funds show at their level and hold nothing at the end; mapped, they are the province's.
    const district = year.byLevel.find((r) => r.level === 'DISTRICT')!;
    expect(district.fundCount).toBe(10);
    expect(district.opening).toBeGreaterThan(0);
    expect(district.closing).toBe(0);
    expect(mapped.byLevel.map((r) => r.level)).not.toContain('DISTRICT');
    expect(total(mapped, 'closing')).toBe(total(year, 'closing'));
  });
});

describe('the demo data on the public pages', () => {
  it('publishes this year’s provincial drive and the Child Protection Fund’s drives, a few names hidden, totals as the console’s', async () => {
    const year = new Date().getFullYear();
    const list = await (await fetch(`${server.url}/public/campaigns`)).text();
    const slugs = [...list.matchAll(/href="\/public\/campaigns\/([a-z0-9-]+)"/g)].map((m) => m[1]!);
    expect(slugs.sort()).toEqual([`tet-vi-tre-em-nam-${year}`, `thang-cao-diem-tri-an-27-7-nam-${year}`, `thang-hanh-dong-vi-tre-em-nam-${year}`].sort());
    const campaigns = await gql(server.graphqlUrl, '{ allCampaigns(perPage: 500) { name publicSlug publishedAt received } }', {}, token);
    let hidden = 0;
    for (const slug of slugs) {
      const page = (await (await fetch(`${server.url}/public/campaigns/${slug}.json`)).json()) as { campaign: { received: number; donationCount: number }; pageCount: number };
      const campaign = (campaigns.data!.allCampaigns as { publicSlug: string | null; received: number }[]).find((c) => c.publicSlug === slug)!;
      expect(page.campaign.received).toBe(campaign.received);
      expect(page.campaign.donationCount).toBeGreaterThan(0);
      for (let p = 1; p <= page.pageCount; p += 1) {
        const donations = ((await (await fetch(`${server.url}/public/campaigns/${slug}.json?page=${p}`)).json()) as { donations: { anonymous: boolean }[] }).donations;
        hidden += donations.filter((d) => d.anonymous).length;
      }
    }
    expect(hidden).toBeGreaterThan(0);
    const [marked] = await server.orm.em.getConnection().execute<{ n: number }[]>("select count(*)::int as n from donation where public_anonymous and status = 'POSTED'");
    expect(marked!.n).toBeGreaterThan(0);
    expect(hidden).toBeGreaterThanOrEqual(marked!.n);
  });
});

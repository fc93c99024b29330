import { randomUUID } from 'node:crypto';
import { Fund, FundKind } from '../../api/src/modules/funds/fund.entity';
import { AdministrativeUnit, UnitLevel } from '../../api/src/modules/units/unit.entity';
import { consoleTests } from '../support/browser';
import { gql, signIn as apiSignIn } from '../support/graphql';

// The built console on a fresh database: a small district of our own (code 99001) with a commune,
// its Gratitude fund holding 5,000,000 đ free and 3,000,000 đ earmarked; a draft event abolishing
// it into the province. The ADMIN opens "Sắp xếp đơn vị hành chính", sees the fund to close with
// its balances in the preview, applies the event through the confirmation, and the event shows as
// applied; the unit list hides the ended district by default.

jest.setTimeout(240_000);

let eventName = '';
const ui = consoleTests(async (server) => {
  const em = server.orm.em.fork();
  const province = await em.findOneOrFail(AdministrativeUnit, { code: '36' });
  const district = em.create(AdministrativeUnit, { code: '99001', name: 'Thử Nghiệm', nameWithType: 'Huyện Thử Nghiệm', type: 'huyen', level: UnitLevel.DISTRICT, parent: province });
  await em.flush();
  em.create(AdministrativeUnit, { code: '99101', name: 'Thử 1', nameWithType: 'Xã Thử 1', type: 'xa', level: UnitLevel.COMMUNE, parent: district });
  const fund = em.create(Fund, { kind: FundKind.GRATITUDE, unit: district, name: 'Quỹ Đền ơn đáp nghĩa Huyện Thử Nghiệm' });
  await em.flush();
  const manager = await apiSignIn(server.graphqlUrl, 'ketoan@soquy.example');
  const donate = `mutation($f: ID!, $a: SafeInt!, $e: ProgramCategory, $k: String!) {
    createDonation(fundId: $f, donorName: "Nhà hảo tâm", amount: $a, receivedOn: "2025-03-01", method: CASH, earmark: $e, idempotencyKey: $k) { id } }`;
  for (const [a, e] of [[5_000_000, null], [3_000_000, 'HOUSING_NEW']] as const) {
    const res = await gql(server.graphqlUrl, donate, { f: String(fund.id), a, e, k: randomUUID() }, manager);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
  const admin = await apiSignIn(server.graphqlUrl, 'admin@soquy.example');
  eventName = 'Bãi bỏ Huyện Thử Nghiệm (kiểm thử)';
  const created = await gql(
    server.graphqlUrl,
    `mutation($lines: [SuccessionLineInput!]!) { createUnitSuccessionEvent(name: "${eventName}", legalBasis: "Nghị quyết 1674/NQ-UBTVQH15 ngày 16/6/2025", effectiveOn: "2025-07-01", lines: $lines) { id } }`,
    { lines: [{ kind: 'ABSORBED', predecessorId: String(district.id), successorId: String(province.id) }] },
    admin,
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
});

describe('reorganisation of administrative units in the console', () => {
  it('shows the funds to close in the preview and applies the event after confirmation', async () => {
    const page = await ui.freshPage();
    await ui.signIn(page, 'admin@soquy.example', 'Sắp xếp đơn vị hành chính');
    await page.getByRole('menuitem', { name: 'Sắp xếp đơn vị hành chính' }).click();
    await page.getByRole('cell', { name: eventName }).click();

    const preview = page.getByRole('region', { name: 'Kết quả khi áp dụng' });
    await preview.waitFor();
    const funds = preview.getByRole('table', { name: 'Quỹ khóa sổ' });
    const row = funds.getByRole('row', { name: /Quỹ Đền ơn đáp nghĩa Huyện Thử Nghiệm/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(1, 4).map((c) => c.replace(/\D/g, ''))).toEqual(['5000000', '3000000', '0']);
    expect(cells[4]).toContain('Quỹ Đền ơn đáp nghĩa Tỉnh Nam Định');
    await preview.getByText('Huyện Thử Nghiệm').first().waitFor();

    await page.getByRole('button', { name: 'Áp dụng', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Áp dụng phương án sắp xếp này?').waitFor();
    await dialog.getByRole('button', { name: 'Áp dụng', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Đã áp dụng').first().waitFor();
    await preview.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Áp dụng', exact: true }).waitFor({ state: 'hidden' });

    const [fund] = await ui.server.orm.em.getConnection().execute("select closed_on::text as closed_on from fund where name = 'Quỹ Đền ơn đáp nghĩa Huyện Thử Nghiệm'");
    expect(fund.closed_on).toBe('2025-06-30');

    // The unit list hides the ended district unless asked.
    await page.goto(`${ui.server.url}/#/AdministrativeUnit?filter=${encodeURIComponent(JSON.stringify({ q: 'Thử', current: true }))}`);
    await page.getByRole('cell', { name: 'Xã Thử 1' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Huyện Thử Nghiệm', exact: true }).count()).toBe(0);
  });
});

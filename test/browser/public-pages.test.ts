import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { gql, signIn as apiSignIn } from '../support/graphql';
import { amountOf, consoleTests } from '../support/browser';

// The built console (admin/dist, `npm run build:admin`) served by the real API, in Debian's
// Chromium: a fund manager records a receipt whose donor asked not to be named, publishes the
// campaign (after a confirmation), and opens its public page; a fresh browser with no session reads
// the donations there, the hidden name masked; once unpublished, the page is gone.

jest.setTimeout(240_000);

const MANAGER = 'ketoan@soquy.example';
const CAMPAIGN = 'Đợt công khai thử nghiệm';
const NAMED = 'Công ty Cổ phần Dệt Nam Định';
const HIDDEN = 'Bà Nguyễn Thị Giấu Tên';

let campaignId = '';

const ui = consoleTests(async (server) => {
  const manager = await apiSignIn(server.graphqlUrl, MANAGER);
  const funds = await gql<{ allFunds: { id: string; name: string }[] }>(server.graphqlUrl, '{ allFunds(perPage: 5, filter: { q: "Tỉnh Nam Định" }) { id name } }', {}, manager);
  const fund = funds.data?.allFunds.find((f) => f.name.startsWith('Quỹ Đền ơn đáp nghĩa'));
  if (!fund) throw new Error(`no provincial Gratitude fund: ${JSON.stringify(funds)}`);
  const created = await gql(
    server.graphqlUrl,
    'mutation($fundId: ID!, $name: String!) { createCampaign(fundId: $fundId, name: $name, startsOn: "2026-11-01", endsOn: "2026-12-31", target: 50000000) { id } }',
    { fundId: fund.id, name: CAMPAIGN },
    manager,
  );
  campaignId = created.data?.createCampaign?.id ?? '';
  if (!campaignId) throw new Error(`createCampaign failed: ${JSON.stringify(created.errors)}`);
  const donation = await gql(
    server.graphqlUrl,
    `mutation($fundId: ID!, $campaignId: ID!, $key: String!) {
      createDonation(fundId: $fundId, campaignId: $campaignId, amount: 2000000, receivedOn: "2026-11-02", method: BANK_TRANSFER, donorName: "${NAMED}", idempotencyKey: $key) { id }
    }`,
    { fundId: fund.id, campaignId, key: randomUUID() },
    manager,
  );
  if (!donation.data?.createDonation) throw new Error(`createDonation failed: ${JSON.stringify(donation.errors)}`);
});

let outsider: Browser | undefined;
afterAll(async () => {
  await outsider?.close();
});

/** A browser of its own, with no session and nothing stored: what the public sees. */
async function publicPage(url: string): Promise<{ page: Page; status: number; problems: string[] }> {
  outsider ??= await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await outsider.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  const response = await page.goto(url);
  return { page, status: response?.status() ?? 0, problems };
}

describe('public campaign pages', () => {
  let publicUrl = '';

  it('lets a fund manager hide a donor’s name and publish the campaign', async () => {
    const page = await ui.freshPage();
    await ui.signIn(page, MANAGER, 'Quỹ');
    await page.goto(`${ui.server.url}/#/Campaign/${campaignId}/show`);
    const section = page.getByTestId('campaign-public');
    await section.getByRole('heading', { name: 'Công khai' }).waitFor();
    await section.getByText('Chưa công khai').waitFor();
    expect(await section.getByRole('link', { name: 'Mở trang công khai' }).count()).toBe(0);

    // A receipt from the campaign's page, whose donor asked not to be named publicly.
    await page.getByRole('link', { name: 'Lập phiếu thu' }).click();
    await page.waitForURL(/#\/Donation\/create/);
    await page.getByRole('textbox', { name: 'Người nộp' }).fill(HIDDEN);
    await page.getByRole('textbox', { name: 'Số tiền' }).pressSequentially('500000');
    await page.getByLabel('Ngày thu').fill('2026-11-05');
    const hide = page.getByLabel('Ẩn tên trên trang công khai');
    expect(await hide.isChecked()).toBe(false);
    await hide.check();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/#\/Donation\/\d+\/show$/);

    // Publishing asks first, and says what becomes public.
    await page.goto(`${ui.server.url}/#/Campaign/${campaignId}/show`);
    await section.getByRole('button', { name: 'Công khai' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Công khai đợt vận động “${CAMPAIGN}”?`).waitFor();
    await dialog.getByText(/không cần đăng nhập/).waitFor();
    await dialog.getByRole('button', { name: 'Công khai' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await section.getByText(/^Đang công khai từ /).waitFor();
    const link = section.getByRole('link', { name: 'Mở trang công khai' });
    expect(await link.getAttribute('href')).toBe('/public/campaigns/dot-cong-khai-thu-nghiem-2026');
    expect(await link.getAttribute('target')).toBe('_blank');
    publicUrl = `${ui.server.url}${await link.getAttribute('href')}`;
    await page.close();
  });

  it('shows a fresh browser, without sign-in, the donations with the hidden name masked', async () => {
    const { page, status, problems } = await publicPage(publicUrl);
    expect(status).toBe(200);
    await page.getByRole('heading', { name: CAMPAIGN }).waitFor();
    expect(amountOf(await page.getByTestId('public-received').innerText())).toBe(2_500_000);
    expect(await page.getByTestId('public-count').innerText()).toBe('2');
    const rows = await page.locator('tbody tr').allInnerTexts();
    expect(rows.map((row) => row.split('\t').map((cell) => cell.trim()))).toEqual([
      ['05/11/2026', 'Nhà hảo tâm ẩn danh', '500.000\u00a0₫'],
      ['02/11/2026', NAMED, '2.000.000\u00a0₫'],
    ]);
    expect(await page.content()).not.toContain(HIDDEN);
    // No script, no storage, no session: nothing of the console.
    expect(await page.evaluate('document.scripts.length')).toBe(0);
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('columnheader', { name: 'Donor' }).waitFor();
    await page.getByText('Anonymous donor').waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('takes the page down when the campaign is unpublished', async () => {
    const page = await ui.freshPage();
    await ui.signIn(page, MANAGER, 'Quỹ');
    await page.goto(`${ui.server.url}/#/Campaign/${campaignId}/show`);
    const section = page.getByTestId('campaign-public');
    await section.getByRole('button', { name: 'Thôi công khai' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Thôi công khai' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await section.getByText('Chưa công khai').waitFor();
    await page.close();

    const gone = await publicPage(publicUrl);
    expect(gone.status).toBe(404);
    await gone.page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    await gone.page.context().close();
  });
});

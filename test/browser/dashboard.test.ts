import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { gql, signIn as apiSignIn } from '../support/graphql';
import { amountOf, consoleTests } from '../support/browser';
import { fundOf } from '../support/funds';

// The built console's home page in Chromium: a fund manager lands on the dashboard with live
// figures (balances, the monthly chart and its table, a disbursement waiting for their approval);
// a receipt recorded meanwhile changes this month's receipts and the balance; an inspector sees
// the figures but no pending steps.

jest.setTimeout(180_000);

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const month = Number(today.slice(5, 7));
let provinceFund = '';
let submittedId = '';

const DONATE = `mutation($fundId: ID!, $amount: SafeInt!, $receivedOn: LocalDate!, $key: String!) {
  createDonation(fundId: $fundId, amount: $amount, receivedOn: $receivedOn, method: CASH, donorName: "Công ty Kiểm Thử Tổng Quan", idempotencyKey: $key) { id }
}`;

async function donate(url: string, token: string, amount: number): Promise<void> {
  const res = await gql(url, DONATE, { fundId: provinceFund, amount, receivedOn: today, key: randomUUID() }, token);
  if (!res.data?.createDonation) throw new Error(`createDonation failed: ${JSON.stringify(res.errors)}`);
}

// The province's Gratitude Fund receives 20.000.000 ₫; the grant officer submits a disbursement of 1.500.000 ₫.
const ui = consoleTests(async (server) => {
  const manager = await apiSignIn(server.graphqlUrl, 'ketoan@soquy.example');
  provinceFund = String((await fundOf(server.orm.em, '36')).id);
  await donate(server.graphqlUrl, manager, 20_000_000);
  const officer = await apiSignIn(server.graphqlUrl, 'canbo@soquy.example');
  const draft = await gql(
    server.graphqlUrl,
    `mutation($fundId: ID!, $key: String!) { createDisbursement(fundId: $fundId, amount: 1500000, category: HARDSHIP, payeeName: "Bà Đỗ Thị Lan",
      purpose: "Hỗ trợ khó khăn đột xuất", idempotencyKey: $key) { id } }`,
    { fundId: provinceFund, key: randomUUID() },
    officer,
  );
  submittedId = draft.data?.createDisbursement?.id ?? '';
  if (!submittedId) throw new Error(`createDisbursement failed: ${JSON.stringify(draft.errors)}`);
  await gql(server.graphqlUrl, 'mutation($id: ID!) { submitDisbursement(id: $id) { id } }', { id: submittedId }, officer);
});

async function monthReceipts(page: Page): Promise<number> {
  const details = page.getByTestId('dashboard-chart').locator('details');
  if (!(await details.getAttribute('open'))) await details.locator('summary').click();
  return amountOf(await page.getByTestId(`month-receipts-${month}`).innerText());
}

describe('the dashboard', () => {
  it('shows a fund manager live figures and what waits for them; a new receipt changes the month', async () => {
    const page = await ui.freshPage();
    await ui.signIn(page, 'ketoan@soquy.example');
    await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();
    const balances = page.getByTestId('dashboard-balances');
    await balances.getByRole('heading', { name: 'Số dư theo loại quỹ' }).waitFor();
    expect(amountOf(await page.getByTestId('balance-GRATITUDE-total').innerText())).toBe(20_000_000);
    await page.getByRole('img', { name: /Thu và chi theo tháng/ }).waitFor();
    expect(await monthReceipts(page)).toBe(20_000_000);

    // Four eyes: the officer's submission waits for this manager, with a link to the filtered list.
    const pending = page.getByTestId('pending-disbursementsToApprove');
    await pending.getByText('Phiếu chi chờ duyệt').waitFor();
    await pending.getByRole('link', { name: /Bà Đỗ Thị Lan/ }).waitFor();
    expect(await pending.getByRole('link', { name: 'Xem tất cả (1)' }).getAttribute('href')).toContain('#/Disbursement?filter=');

    // A receipt recorded meanwhile: back on the home page, the month and the balance have it.
    await donate(ui.server.graphqlUrl, await apiSignIn(ui.server.graphqlUrl, 'ketoan2@soquy.example'), 3_500_000);
    await page.getByRole('menuitem', { name: 'Quỹ', exact: true }).click();
    await page.waitForURL(/#\/Fund/);
    await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
    await page.getByTestId('dashboard-balances').waitFor();
    await expectSoon(async () => amountOf(await page.getByTestId('balance-GRATITUDE-total').innerText()), 23_500_000);
    expect(await monthReceipts(page)).toBe(23_500_000);

    // The pending link opens the disbursement itself.
    await page.getByTestId('pending-disbursementsToApprove').getByRole('link', { name: /Bà Đỗ Thị Lan/ }).click();
    await page.waitForURL(new RegExp(`#/Disbursement/${submittedId}/show$`));
    await page.close();
  });

  it('shows an inspector the figures and no approval actions', async () => {
    const page = await ui.freshPage();
    await ui.signIn(page, 'thanhtra@soquy.example');
    await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();
    await page.getByTestId('dashboard-recent').getByText('Công ty Kiểm Thử Tổng Quan').first().waitFor();
    await page.getByTestId('dashboard-audit').waitFor();
    expect(await page.getByTestId('dashboard-pending').count()).toBe(0);
    expect(await page.getByText('Phiếu chi chờ duyệt').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Duyệt' }).count()).toBe(0);
    // The year picker: last year has none of this year's receipts.
    await page.getByRole('combobox', { name: 'Năm' }).click();
    await page.getByRole('option', { name: String(Number(today.slice(0, 4)) - 1) }).click();
    await page.getByRole('img', { name: `Thu và chi theo tháng, năm ${Number(today.slice(0, 4)) - 1}` }).waitFor();
    expect(await monthReceipts(page)).toBe(0);
    await page.close();
  });
});

async function expectSoon(read: () => Promise<number>, expected: number): Promise<void> {
  const until = Date.now() + 15_000;
  let value = await read();
  while (value !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  expect(value).toBe(expected);
}

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { gql, signIn as apiSignIn } from '../support/graphql';
import { amountOf, consoleTests } from '../support/browser';

// The built console (admin/dist, `npm run build:admin`) served by the real API, in Debian's
// Chromium: a grant officer drafts a housing disbursement through the form and submits it; a second
// fund manager approves and pays it, the voucher gets its number and the amount in words, and the
// fund's balance goes down; an inspector filters the list by category, sees the total, downloads the
// XLSX export and follows the disbursement's audit trail, each step with its diff.

jest.setTimeout(180_000);

const FUND = 'Quỹ Đền ơn đáp nghĩa Tỉnh Nam Định';
/** A payee no demo disbursement has, to find this test's one. */
const PAYEE = 'Hộ ông Kiểm Thử Văn Chi';

// The fund starts with 100.000.000 ₫, received through the API.
const ui = consoleTests(async (server) => {
  const token = await apiSignIn(server.graphqlUrl, 'ketoan@soquy.example');
  const funds = await gql<{ allFunds: { id: string; name: string }[] }>(server.graphqlUrl, '{ allFunds(perPage: 100) { id name } }', {}, token);
  const fund = funds.data?.allFunds.find((f) => f.name === FUND);
  if (!fund) throw new Error(`no fund ${FUND}: ${JSON.stringify(funds.errors)}`);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const donation = await gql(
    server.graphqlUrl,
    `mutation Give($fundId: ID!, $receivedOn: LocalDate!, $key: String!) {
      createDonation(fundId: $fundId, amount: 100000000, receivedOn: $receivedOn, method: BANK_TRANSFER, donorName: "Công ty Kiểm Thử", idempotencyKey: $key) { id }
    }`,
    { fundId: fund.id, receivedOn: today, key: randomUUID() },
    token,
  );
  if (!donation.data?.createDonation) throw new Error(`createDonation failed: ${JSON.stringify(donation.errors)}`);
});
const freshPage = () => ui.freshPage();
const signIn = (page: Page, email: string) => ui.signIn(page, email, 'Quỹ');

/** Takes one workflow step through its dialog (Gửi duyệt, Duyệt, Chi tiền…). */
async function step(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('disbursements in the console', () => {
  let disbursementUrl = '';
  let disbursementId = '';
  let voucherNumber = '';

  it('lets a grant officer draft a housing disbursement through the form and submit it', async () => {
    const page = await freshPage();
    await signIn(page, 'canbo@soquy.example');
    const menu = (await page.getByRole('menuitem').allInnerTexts()).map((item) => item.trim());
    expect(menu.indexOf('Phiếu chi')).toBe(menu.indexOf('Phiếu thu') + 1);

    await page.getByRole('menuitem', { name: 'Phiếu chi' }).click();
    await page.getByRole('link', { name: 'Lập phiếu chi' }).click();
    await page.waitForURL(/#\/Disbursement\/create$/);
    await page.getByRole('combobox', { name: 'Quỹ' }).click();
    await page.getByRole('option', { name: FUND, exact: true }).click();
    await page.getByRole('combobox', { name: 'Loại chi' }).click();
    await page.getByRole('option', { name: 'Xây nhà mới', exact: true }).click();

    // Nothing is sent without an amount, a payee and a purpose.
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Bắt buộc').first().waitFor();

    await page.getByRole('textbox', { name: 'Số tiền' }).pressSequentially('40000000');
    expect(await page.getByRole('textbox', { name: 'Số tiền' }).inputValue()).toBe('40.000.000');
    await page.getByRole('textbox', { name: 'Người nhận', exact: true }).fill(PAYEE);
    await page.getByRole('textbox', { name: 'Số CCCD/MST người nhận' }).fill('036080001234');
    await page.getByRole('textbox', { name: 'Địa chỉ người nhận' }).fill('Xã Giao Thanh, Tỉnh Nam Định');
    await page.getByRole('textbox', { name: 'Tài khoản ngân hàng' }).fill('0123456789 Agribank Nam Định');
    await page.getByRole('textbox', { name: 'Nội dung chi' }).fill('Hỗ trợ xây nhà tình nghĩa theo Quyết định 22/2013/QĐ-TTg');
    await page.getByRole('button', { name: 'Lưu' }).dblclick();
    await page.waitForURL(/#\/Disbursement\/\d+\/show$/);
    disbursementUrl = page.url();
    disbursementId = /Disbursement\/(\d+)\/show/.exec(disbursementUrl)![1]!;

    // A draft: its voucher says "CHƯA CHI" instead of a number; the officer may submit it, not approve it.
    const voucher = page.getByTestId('voucher');
    await voucher.getByText('PHIẾU CHI', { exact: true }).waitFor();
    expect((await page.getByTestId('voucher-number').innerText()).trim()).toBe('CHƯA CHI');
    await page.getByTestId('voucher-words').getByText('Bốn mươi triệu đồng').waitFor();
    expect(await page.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
    await step(page, 'Gửi duyệt');
    await page.getByTestId('disbursement-timeline').getByText('Gửi duyệt').waitFor();
    await page.getByText('Chờ duyệt', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Gửi duyệt', exact: true }).count()).toBe(0);

    // One disbursement, not two, despite the double click.
    const token = await apiSignIn(ui.server.graphqlUrl, 'canbo@soquy.example');
    const mine = await gql(ui.server.graphqlUrl, 'query($f: DisbursementFilter) { _allDisbursementsMeta(filter: $f) { count } }', { f: { payee: PAYEE } }, token);
    expect(mine.data?._allDisbursementsMeta.count).toBe(1);
    await page.close();
  });

  it('lets a second fund manager approve and pay it: the voucher gets its number and words, the balance goes down', async () => {
    expect(disbursementUrl).not.toBe('');
    const page = await freshPage();
    await signIn(page, 'ketoan2@soquy.example');
    await page.goto(disbursementUrl);
    await page.getByTestId('voucher').waitFor();

    await step(page, 'Duyệt');
    await page.getByText('Đã duyệt', { exact: true }).first().waitFor();

    // Paying asks for the day, today by default.
    await page.getByRole('button', { name: 'Chi tiền', exact: true }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Ngày chi').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await dialog.getByRole('button', { name: 'Chi tiền', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const number = page.getByTestId('voucher-number');
    await number.getByText(/^PC-\d{4}-\d{6}$/).waitFor();
    voucherNumber = (await number.innerText()).trim();
    expect(await page.getByTestId('unpaid-stamp').count()).toBe(0);
    expect(amountOf(await page.getByTestId('voucher-amount').innerText())).toBe(40_000_000);
    await page.getByTestId('voucher-words').getByText('Bốn mươi triệu đồng').waitFor();
    await page.getByTestId('voucher-payee').getByText(PAYEE).waitFor();
    const voucher = page.getByTestId('voucher');
    for (const signer of ['Thủ trưởng đơn vị', 'Kế toán trưởng', 'Người lập phiếu', 'Thủ quỹ', 'Người nhận tiền']) {
      await voucher.getByText(signer, { exact: true }).waitFor();
    }
    await voucher.getByText('Phạm Thị Cán', { exact: true }).waitFor(); // drafted by the officer
    await voucher.getByText('Lê Văn Toán', { exact: true }).waitFor(); // paid by this manager
    for (const name of ['Duyệt', 'Chi tiền', 'Từ chối', 'Gửi duyệt']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }

    // On paper, only the voucher.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'In phiếu' }).isVisible()).toBe(false);
    expect(await page.getByTestId('disbursement-timeline').isVisible()).toBe(false);
    expect(await voucher.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The fund: 100.000.000 received, 40.000.000 paid.
    await page.getByRole('menuitem', { name: 'Quỹ' }).click();
    await page.getByRole('cell', { name: FUND, exact: true }).click();
    await page.waitForURL(/#\/Fund\/\d+\/show$/);
    await page.getByTestId('fund-balance').getByText('60.000.000\u00a0₫').waitFor();
    await page.close();
  });

  it('lets an inspector filter by category, see the total, export XLSX and read the audit trail with diffs', async () => {
    expect(voucherNumber).not.toBe('');
    const page = await freshPage();
    await signIn(page, 'thanhtra@soquy.example');
    await page.getByRole('menuitem', { name: 'Phiếu chi' }).click();
    await page.getByTestId('disbursement-totals').getByText('1 phiếu chi, tổng số tiền 40.000.000\u00a0₫').waitFor();
    expect(await page.getByRole('link', { name: 'Lập phiếu chi' }).count()).toBe(0);

    // Filter by category through the filter form.
    await page.getByRole('button', { name: 'Thêm bộ lọc' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Loại chi' }).click();
    await page.getByRole('combobox', { name: 'Loại chi' }).click();
    await page.getByRole('option', { name: 'Hỗ trợ khó khăn' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('disbursement-totals').getByText('0 phiếu chi, tổng số tiền 0\u00a0₫').waitFor();
    await page.getByRole('combobox', { name: 'Loại chi' }).click();
    await page.getByRole('option', { name: 'Hỗ trợ khó khăn' }).click();
    await page.getByRole('option', { name: 'Xây nhà mới' }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/HOUSING_NEW/);
    await page.getByTestId('disbursement-totals').getByText('1 phiếu chi, tổng số tiền 40.000.000\u00a0₫').waitFor();
    await page.getByRole('cell', { name: voucherNumber }).waitFor();

    // The server's XLSX of the filtered list.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^phieu-chi-.*\.xlsx$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.length).toBeGreaterThan(100);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // The disbursement's audit trail: created, submitted, approved, paid, newest first.
    await page.getByRole('cell', { name: voucherNumber }).click();
    await page.waitForURL(/#\/Disbursement\/\d+\/show$/);
    expect(await page.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Nhật ký' }).click();
    await page.waitForURL(/#\/AuditEvent\?/);
    await page.getByText('1-4 / 4').waitFor();
    const operations = await page.locator('td.column-operation').allInnerTexts();
    expect(operations.map((o) => o.trim())).toEqual(['payDisbursement', 'approveDisbursement', 'submitDisbursement', 'createDisbursement']);
    for (const email of ['canbo@soquy.example', 'ketoan2@soquy.example']) await page.getByRole('cell', { name: email }).first().waitFor();

    // The payment's diff: the status from APPROVED to PAID, highlighted; who, request id, client address.
    await page.getByRole('cell', { name: 'payDisbursement' }).click();
    await page.waitForURL(/#\/AuditEvent\/\d+\/show$/);
    const diff = page.getByTestId('audit-diff');
    const status = diff.locator(`table[aria-label="Disbursement #${disbursementId}"] tr[data-changed="true"]`).filter({ hasText: 'status' });
    await status.getByText('APPROVED').waitFor();
    await status.getByText('PAID').waitFor();
    await page.getByText('ketoan2@soquy.example').waitFor();
    await page.getByText('Mã yêu cầu').waitFor();
    await page.getByText('Địa chỉ máy').waitFor();

    // The draft's event: a created record shows only its values.
    await page.goBack();
    await page.getByRole('cell', { name: 'createDisbursement' }).click();
    const created = page.getByTestId('audit-diff').locator(`table[aria-label="Disbursement #${disbursementId}"]`);
    await created.getByRole('columnheader', { name: 'Giá trị' }).waitFor();
    expect(await created.getByRole('columnheader', { name: 'Trước' }).count()).toBe(0);
    await created.getByText(PAYEE).waitFor();
    await page.close();
  });
});

import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { amountOf, consoleTests } from '../support/browser';

// The built console (admin/dist, `npm run build:admin`) served by the real API, in Debian's
// Chromium: a fund accountant records a cash donation through the form, sees the printable receipt
// with the amount in words, sees the fund's balance move, exports it, voids it with a reason and
// sees the balance come back; an inspector sees no create or void button but can verify the ledger.

jest.setTimeout(120_000);

const FUND = 'Quỹ Đền ơn đáp nghĩa Tỉnh Nam Định';
/** A walk-in name no demo donation has, to find this test's receipt. */
const PAYER = 'Trịnh Văn Kiểm Thử';

const ui = consoleTests();
const freshPage = () => ui.freshPage();
const signIn = (page: Page, email: string) => ui.signIn(page, email, 'Quỹ');

/** Opens the province's Gratitude Fund from the fund list (the province's funds come first). */
async function openFund(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: 'Quỹ' }).click();
  await page.getByRole('cell', { name: FUND, exact: true }).click();
  await page.waitForURL(/#\/Fund\/\d+\/show$/);
  await page.getByRole('heading', { name: 'Số dư', exact: true }).waitFor();
}

async function fundBalance(page: Page): Promise<number> {
  return amountOf(await page.getByTestId('fund-balance').innerText());
}

describe('donations in the console', () => {
  let receiptUrl = '';
  let receiptNumber = '';

  it('records a cash donation through the form, prints its receipt, exports it, voids it, and the fund balance follows', async () => {
    const page = await freshPage();
    await signIn(page, 'ketoan@soquy.example');
    // The home page (dashboard), then money first in the menu, then the reference data.
    const menu = await page.getByRole('menuitem').allInnerTexts();
    const items = menu.map((item) => item.trim());
    expect(items.slice(0, 7)).toEqual(['Tổng quan', 'Quỹ', 'Phiếu thu', 'Phiếu chi', 'Báo cáo thu chi', 'Nhà hảo tâm', 'Đợt vận động']);
    expect(items.indexOf('Đơn vị hành chính')).toBeGreaterThan(items.indexOf('Hộ người có công'));

    await openFund(page);
    const before = await fundBalance(page);

    // The receipt form, from the list of receipts.
    await page.getByRole('menuitem', { name: 'Phiếu thu' }).click();
    await page.getByRole('link', { name: 'Lập phiếu thu' }).click();
    await page.waitForURL(/#\/Donation\/create$/);
    await page.getByRole('combobox', { name: 'Quỹ' }).click();
    await page.getByRole('option', { name: FUND, exact: true }).click();
    await page.getByRole('textbox', { name: 'Người nộp' }).fill(PAYER);
    expect(await page.getByRole('radio', { name: 'Tiền mặt' }).isChecked()).toBe(true);

    // Nothing is sent while the amount is missing or zero: the messages are in Vietnamese.
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Bắt buộc').first().waitFor();
    const amount = page.getByRole('textbox', { name: 'Số tiền' });
    await amount.fill('0');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Nhập số tiền là số nguyên đồng lớn hơn 0').waitFor();

    // The amount is grouped with dots as it is typed.
    await amount.fill('');
    await amount.pressSequentially('1500000');
    expect(await amount.inputValue()).toBe('1.500.000');

    // A double click records one receipt (the form's idempotency key, and a disabled button).
    await page.getByRole('button', { name: 'Lưu' }).dblclick();
    await page.waitForURL(/#\/Donation\/\d+\/show$/);
    receiptUrl = page.url();

    const receipt = page.getByTestId('receipt');
    await receipt.getByText('PHIẾU THU', { exact: true }).waitFor();
    await receipt.getByText(`Quỹ: ${FUND}`).waitFor();
    await receipt.getByText('Đơn vị: Tỉnh Nam Định').waitFor();
    receiptNumber = (await page.getByTestId('receipt-number').innerText()).trim();
    expect(receiptNumber).toMatch(/^PT-\d{4}-\d{6}$/);
    expect(await page.getByTestId('receipt-payer').innerText()).toContain(PAYER);
    expect(amountOf((await page.getByTestId('receipt-amount').innerText()).replace(/^Số tiền:\s*/, ''))).toBe(1_500_000);
    expect(await page.getByTestId('receipt-amount').innerText()).toContain('1.500.000\u00a0₫');
    await page.getByTestId('receipt-words').getByText('Một triệu năm trăm nghìn đồng').waitFor();
    for (const signer of ['Người lập phiếu', 'Người nộp tiền', 'Thủ quỹ', 'Kế toán trưởng', 'Thủ trưởng đơn vị']) {
      await receipt.getByText(signer, { exact: true }).waitFor();
    }
    expect(await page.getByTestId('voided-stamp').count()).toBe(0);

    // On paper, only the receipt: no app bar, no menu, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'In phiếu' }).isVisible()).toBe(false);
    expect(await page.getByRole('menuitem', { name: 'Quỹ' }).isVisible()).toBe(false);
    expect(await receipt.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'In phiếu' }).waitFor();

    // One receipt, not two, in the list; exported as CSV with Vietnamese headers and a plain amount.
    await page.goto(`${ui.server.url}/#/Donation?filter=${encodeURIComponent(JSON.stringify({ q: PAYER }))}`);
    await page.getByText('1-1 / 1').waitFor();
    await page.getByRole('cell', { name: receiptNumber }).waitFor();
    await page.getByTestId('donation-totals').getByText('1 phiếu thu đã ghi sổ, tổng số tiền 1.500.000\u00a0₫').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất dữ liệu' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const [header, row, ...rest] = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(header).toBe('Số phiếu,Ngày thu,Quỹ,Người nộp,Số tiền,Hình thức,Hiện vật,Có địa chỉ cho,Đợt vận động,Trạng thái,Lý do huỷ,Ghi chú');
    expect(row).toMatch(new RegExp(`^${receiptNumber},\\d{4}-\\d{2}-\\d{2},${FUND},${PAYER},1500000,Tiền mặt,,,,Đã ghi sổ,,$`));
    expect(rest).toEqual([]);

    // The fund's cash balance went up by the amount, and the ledger shows the receipt.
    await openFund(page);
    expect(await fundBalance(page)).toBe(before + 1_500_000);
    const ledger = page.getByTestId('fund-ledger');
    await ledger.getByRole('cell', { name: `${receiptNumber} ${PAYER}` }).waitFor();

    // Void it: a reason of fewer than 5 characters is refused before anything is sent.
    await page.goto(receiptUrl);
    await page.getByRole('button', { name: 'Huỷ phiếu thu' }).click();
    const dialog = page.getByRole('dialog', { name: `Huỷ phiếu thu ${receiptNumber}` });
    await dialog.getByRole('textbox', { name: 'Lý do huỷ' }).fill('sai');
    await dialog.getByRole('button', { name: 'Huỷ phiếu thu' }).click();
    await dialog.getByText('Nhập lý do huỷ (ít nhất 5 ký tự)').waitFor();
    await dialog.getByRole('textbox', { name: 'Lý do huỷ' }).fill('Ghi nhầm người nộp tiền');
    await dialog.getByRole('button', { name: 'Huỷ phiếu thu' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const stamp = page.getByTestId('voided-stamp');
    await stamp.getByText('ĐÃ HUỶ', { exact: true }).waitFor();
    await stamp.getByText('Lý do huỷ: Ghi nhầm người nộp tiền').waitFor();
    expect(await page.getByRole('button', { name: 'Huỷ phiếu thu' }).count()).toBe(0);

    // The balance is back where it was; the ledger keeps both lines.
    await openFund(page);
    expect(await fundBalance(page)).toBe(before);
    await ledger.getByText('Huỷ phiếu thu').first().waitFor();
    await ledger.getByRole('cell', { name: `Huỷ ${receiptNumber}: Ghi nhầm người nộp tiền` }).waitFor();
    await page.close();
  });

  it('shows an inspector receipts and funds without create, void or lock buttons, and lets them verify the ledger', async () => {
    expect(receiptUrl).not.toBe('');
    const page = await freshPage();
    await signIn(page, 'thanhtra@soquy.example');

    await page.getByRole('menuitem', { name: 'Phiếu thu' }).click();
    await page.getByRole('button', { name: 'Xuất dữ liệu' }).waitFor();
    expect(await page.getByRole('link', { name: 'Lập phiếu thu' }).count()).toBe(0);

    // The voided receipt: printable, not voidable (and no void button on a posted one either).
    await page.goto(receiptUrl);
    await page.getByTestId('voided-stamp').getByText('ĐÃ HUỶ', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'In phiếu' }).waitFor();
    expect(await page.getByRole('button', { name: 'Huỷ phiếu thu' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Lập phiếu thu' }).count()).toBe(0);

    // The form itself is refused, not merely hidden.
    await page.goto(`${ui.server.url}/#/Donation/create`);
    await page.getByText('Không có quyền truy cập').first().waitFor();

    // The fund: balances and ledger, no lock and no receipt button, and the ledger verifies.
    await openFund(page);
    await page.getByRole('button', { name: 'Kiểm tra sổ cái' }).waitFor();
    expect(await page.getByRole('button', { name: 'Khoá sổ' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Lập phiếu thu' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Kiểm tra sổ cái' }).click();
    await page.getByTestId('ledger-verification').getByText(/^Sổ cái khớp: đã tính lại \d+ giao dịch/).waitFor();
    await page.close();
  });
});

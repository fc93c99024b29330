import { consoleTests } from '../support/browser';

// The built console served by the real API, in Debian's Chromium: the province's fund manager
// opens "Nhập sao kê" from the receipts, picks the province's Gratitude Fund, uploads a small bank
// statement (two good rows, one with a bad amount), reads the report (the error with its line
// number), confirms, sees the receipts given, and follows the link to the fund's receipts.

jest.setTimeout(240_000);

const FUND = 'Quỹ Đền ơn đáp nghĩa Tỉnh Nam Định';
const ui = consoleTests();

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const [y, m, d] = today.split('-');
const csv = [
  'Mã giao dịch;Ngày giao dịch;Số tiền ghi có;Tên người chuyển;Nội dung',
  `FT-UI-1;${d}/${m}/${y};1.500.000;BÀ LÊ THỊ SAO KÊ;Ung ho quy`,
  `FT-UI-2;${d}/${m}/${y};2.000.000;ÔNG PHẠM VĂN NHẬP;Ung ho quy`,
  `FT-UI-3;${d}/${m}/${y};hai triệu;ÔNG SAI SỐ;Ung ho quy`,
].join('\r\n');

describe('import of a bank statement in the console', () => {
  it('uploads a statement, shows the report, records the good rows and links to them', async () => {
    const page = await ui.freshPage();
    await ui.signIn(page, 'ketoan@soquy.example', 'Phiếu thu');
    await page.getByRole('menuitem', { name: 'Phiếu thu' }).click();
    await page.getByRole('link', { name: 'Nhập sao kê' }).click();
    await page.getByRole('heading', { name: 'Nhập sao kê ngân hàng' }).waitFor();

    await page.getByRole('combobox', { name: 'Quỹ' }).fill('Tỉnh Nam Định');
    await page.getByRole('option', { name: FUND, exact: true }).click();
    await page.getByTestId('import-file').setInputFiles({ name: 'sao-ke.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();

    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await page.getByTestId('count-rows').textContent()).toBe('3');
    expect(await page.getByTestId('count-ok').textContent()).toBe('2 (3.500.000\u00a0₫)');
    expect(await page.getByTestId('count-errors').textContent()).toBe('1');
    const errorRow = page.getByTestId('import-errors').getByRole('row').filter({ hasText: 'FT-UI-3' });
    expect(await errorRow.getByRole('cell').first().textContent()).toBe('4');
    expect(await errorRow.getByRole('cell').nth(2).textContent()).toBe('Số tiền không hợp lệ');

    await page.getByRole('button', { name: 'Ghi 2 phiếu thu' }).click();
    const year = today.slice(0, 4);
    await report.getByText(`Đã ghi 2 phiếu thu vào Quỹ Đền ơn đáp nghĩa Tỉnh Nam Định: từ PT-${year}-000001 đến PT-${year}-000002.`).waitFor();

    await page.getByRole('link', { name: 'Xem các phiếu thu' }).click();
    await page.getByRole('cell', { name: 'ÔNG PHẠM VĂN NHẬP' }).waitFor();
    await page.getByRole('cell', { name: 'BÀ LÊ THỊ SAO KÊ' }).waitFor();
    await page.close();
  });
});

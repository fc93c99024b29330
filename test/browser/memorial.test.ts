import type { Page } from 'playwright-core';
import { gql, signIn as apiSignIn } from '../support/graphql';
import { consoleTests } from '../support/browser';

// The built console (admin/dist, `npm run build:admin`) served by the real API, in Debian's
// Chromium, on a fresh database with the reference data (units, funds, policy rates) and the demo
// accounts: a grant officer plans a commune's memorial work whose support passes the commune cap
// (refused, naming the rule and its legal basis), fixes its financing, approves it, starts it and
// reports 40% progress; the draft-payment button opens the disbursement form prefilled; an ADMIN
// revises a policy rate from a date and its history shows both rates, which a fund manager cannot.

jest.setTimeout(240_000);

const ui = consoleTests();
const freshPage = () => ui.freshPage();
const signIn = (page: Page, email: string, menuItem: string) => ui.signIn(page, email, menuItem);

const WORK = 'Nhà bia ghi tên liệt sĩ Thị trấn Gôi (kiểm thử)';
const CONTRACTOR = 'Công ty TNHH Xây dựng Kiểm Thử';

/** Takes one step of a memorial work through its dialog (Phê duyệt, Khởi công…), filling the fields given by label. */
async function step(page: Page, name: string, fields: Record<string, string> = {}): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: false }).first().fill(value);
  await dialog.getByRole('button', { name, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('memorial works in the console', () => {
  let workUrl = '';

  it('shows the commune cap refusal with its rule and legal basis, then plans, approves, starts and reports progress', async () => {
    const page = await freshPage();
    await signIn(page, 'canbo@soquy.example', 'Công trình ghi công liệt sĩ');
    await page.getByRole('menuitem', { name: 'Công trình ghi công liệt sĩ' }).click();
    await page.getByRole('link', { name: 'Lập kế hoạch công trình' }).click();
    await page.waitForURL(/#\/MemorialWork\/create$/);

    await page.getByRole('textbox', { name: 'Tên công trình' }).fill(WORK);
    await page.getByRole('combobox', { name: 'Loại công trình' }).click();
    await page.getByRole('option', { name: 'Bia ghi tên liệt sĩ', exact: true }).click();
    expect(await page.getByRole('combobox', { name: 'Hình thức đầu tư' }).innerText()).toContain('Xây mới');
    await page.getByRole('combobox', { name: 'Đơn vị quản lý' }).fill('Gôi');
    await page.getByRole('option', { name: 'Thị trấn Gôi', exact: true }).click();
    await page.getByText('Công trình cấp xã: áp dụng mức trần cấp xã').waitFor();
    await page.getByRole('textbox', { name: 'Tổng mức đầu tư' }).fill('1000000000');
    expect(await page.getByRole('textbox', { name: 'Tổng mức đầu tư' }).inputValue()).toBe('1.000.000.000');
    await page.getByText('Bắt buộc khi tổng mức đầu tư từ 500.000.000\u00a0₫').waitFor();
    await page.getByRole('textbox', { name: 'Số quyết định phê duyệt dự án' }).fill('QĐ 15/QĐ-UBND ngày 02/03/2026');
    await page.getByRole('textbox', { name: 'Đơn vị thi công' }).fill(CONTRACTOR);

    // Two funding lines: 600 million from the central budget, 400 million from the local budget.
    const amounts = page.getByRole('textbox', { name: 'Số tiền' });
    await amounts.nth(0).fill('600000000');
    await page.getByRole('button', { name: 'Thêm' }).click();
    await page.getByRole('combobox', { name: 'Nguồn vốn' }).nth(1).click();
    await page.getByRole('option', { name: 'Ngân sách địa phương', exact: true }).click();
    await amounts.nth(1).fill('400000000');
    await page.getByTestId('memorial-lines-sum').getByText('Các nguồn vốn bằng tổng mức đầu tư.').waitFor();

    // The caps of a commune's new work: 70% of the cost and the commune cap, which is the lowest.
    const caps = page.getByTestId('memorial-caps');
    await caps.getByTestId('memorial-cap-MEMORIAL_SUPPORT_SHARE').getByText('700.000.000\u00a0₫').waitFor();
    const communeCap = caps.getByTestId('memorial-cap-MEMORIAL_CAP_COMMUNE');
    await communeCap.getByText('500.000.000\u00a0₫').waitFor();
    await communeCap.getByTestId('memorial-cap-lowest').waitFor();
    await communeCap.getByText(/Thông tư 101\/2018/).waitFor();
    await caps.getByTestId('memorial-caps-warning').waitFor();

    // The server refuses a support of 600 million: the rule and its legal basis are named.
    await page.getByRole('button', { name: 'Lưu' }).click();
    const refusal = page.getByTestId('memorial-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Vượt mức trần chi theo quy định.');
    await refusal.getByTestId('memorial-refusal-rule').getByText(/MEMORIAL_CAP_COMMUNE.*Mức hỗ trợ tối đa công trình cấp xã/).waitFor();
    await refusal.getByTestId('memorial-refusal-basis').getByText(/Thông tư 101\/2018/).waitFor();
    expect(page.url()).toMatch(/#\/MemorialWork\/create$/);

    // 450 million from the central budget is within the cap.
    await amounts.nth(0).fill('450000000');
    await amounts.nth(1).fill('550000000');
    await page.getByTestId('memorial-lines-sum').getByText('Các nguồn vốn bằng tổng mức đầu tư.').waitFor();
    await page.getByTestId('memorial-caps-warning').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/#\/MemorialWork\/\d+\/show$/);
    workUrl = page.url();

    await page.getByText('Lập kế hoạch', { exact: true }).first().waitFor();
    const lines = page.getByTestId('memorial-funding-lines');
    await lines.getByRole('row', { name: /Ngân sách trung ương.*450\.000\.000/ }).waitFor();
    await lines.getByRole('row', { name: /Ngân sách địa phương.*550\.000\.000/ }).waitFor();
    await page.getByTestId('memorial-support').getByText('450.000.000\u00a0₫').waitFor();
    // Planned: it is approved before anything else, and has no progress to report.
    for (const name of ['Khởi công', 'Báo cáo tiến độ', 'Hoàn thành', 'Quyết toán']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }

    // An approval needs the decision number.
    await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await dialog.getByText('Nhập số văn bản').waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await step(page, 'Phê duyệt', { 'Số quyết định phê duyệt': 'QĐ 120/QĐ-UBND' });
    await page.getByText('Đã phê duyệt', { exact: true }).first().waitFor();
    await step(page, 'Khởi công');
    await page.getByText('Đang thi công', { exact: true }).first().waitFor();
    await step(page, 'Báo cáo tiến độ', { 'Tiến độ (%)': '40', 'Ghi chú': 'Xong phần móng và bệ bia' });

    await page.getByTestId('memorial-progress').getByText('40%').waitFor();
    const reports = page.getByTestId('memorial-progress-reports');
    await reports.getByRole('row', { name: /40%.*Xong phần móng và bệ bia/ }).waitFor();
    const timeline = page.getByTestId('memorial-timeline');
    await timeline.getByRole('row', { name: /Phê duyệt.*Lập kế hoạch → Đã phê duyệt.*QĐ 120\/QĐ-UBND.*Phạm Thị Cán/ }).waitFor();
    await timeline.getByRole('row', { name: /Khởi công.*Đã phê duyệt → Đang thi công/ }).waitFor();

    // The list shows the work with its progress and status.
    await page.getByRole('menuitem', { name: 'Công trình ghi công liệt sĩ' }).click();
    const row = page.getByRole('row', { name: new RegExp(WORK.replace(/[()]/g, '\\$&')) });
    await row.getByText('40%').waitFor();
    await row.getByText('Đang thi công', { exact: true }).waitFor();
    await row.getByText('Thị trấn Gôi', { exact: true }).waitFor();
    await page.close();
  });

  it('drafts a payment of a work paid by a fund through the disbursement form, prefilled', async () => {
    expect(workUrl).not.toBe('');
    // A second work, financed by the province's Gratitude Fund, planned and approved through the API.
    const token = await apiSignIn(ui.server.graphqlUrl, 'canbo@soquy.example');
    const funds = await gql<{ allFunds: { id: string; name: string }[] }>(ui.server.graphqlUrl, '{ allFunds(perPage: 300) { id name } }', {}, token);
    const fund = funds.data?.allFunds.find((f) => f.name === 'Quỹ Đền ơn đáp nghĩa Tỉnh Nam Định');
    const units = await gql<{ allAdministrativeUnits: { id: string }[] }>(
      ui.server.graphqlUrl,
      'query($q: String) { allAdministrativeUnits(filter: { q: $q }) { id } }',
      { q: 'Tỉnh Nam Định' },
      token,
    );
    const unitId = units.data?.allAdministrativeUnits[0]?.id;
    if (!fund || !unitId) throw new Error(`no fund or unit: ${JSON.stringify([funds.errors, units.errors])}`);
    const created = await gql<{ createMemorialWork: { id: string } }>(
      ui.server.graphqlUrl,
      `mutation($unitId: ID!, $fundId: ID!) {
        createMemorialWork(name: "Tu bổ Nghĩa trang liệt sĩ tỉnh (kiểm thử)", kind: CEMETERY, scope: REPAIR, unitId: $unitId, approvedCost: 300000000,
          contractor: "${CONTRACTOR}", fundingLines: [{ source: FUND, fundId: $fundId, amount: 200000000 }, { source: SPONSOR, note: "Công ty Kiểm Thử", amount: 100000000 }]) { id }
      }`,
      { unitId, fundId: fund.id },
      token,
    );
    const id = created.data?.createMemorialWork.id;
    if (!id) throw new Error(`createMemorialWork failed: ${JSON.stringify(created.errors)}`);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const approved = await gql(ui.server.graphqlUrl, 'mutation($id: ID!, $on: LocalDate!) { approveMemorialWork(id: $id, occurredOn: $on, document: "QĐ 7/QĐ-UBND") { id } }', { id, on: today }, token);
    if (approved.errors) throw new Error(`approveMemorialWork failed: ${JSON.stringify(approved.errors)}`);

    const page = await freshPage();
    await signIn(page, 'canbo@soquy.example', 'Công trình ghi công liệt sĩ');
    await page.goto(workUrl.replace(/\/\d+\/show$/, `/${id}/show`));
    await page.getByTestId('memorial-funding-lines').getByRole('row', { name: /Quỹ Đền ơn đáp nghĩa.*200\.000\.000/ }).waitFor();
    await page.getByTestId('memorial-payments-summary').getByText('Đã chi 0\u00a0₫, chờ chi 0\u00a0₫').waitFor();
    await page.getByText('Chưa có phiếu chi nào cho công trình này.').waitFor();
    await page.getByRole('link', { name: 'Lập phiếu chi' }).click();
    await page.waitForURL(/#\/Disbursement\/create$/);
    expect(await page.getByRole('combobox', { name: 'Quỹ' }).inputValue()).toBe('Quỹ Đền ơn đáp nghĩa Tỉnh Nam Định');
    expect(await page.getByRole('combobox', { name: 'Loại chi' }).innerText()).toContain('Công trình ghi công');
    expect(await page.getByRole('combobox', { name: 'Loại dự án' }).innerText()).toContain('Công trình ghi công');
    expect(await page.getByRole('textbox', { name: 'Mã dự án' }).inputValue()).toBe(id);
    expect(await page.getByRole('textbox', { name: 'Người nhận', exact: true }).inputValue()).toBe(CONTRACTOR);
    await page.close();
  });
});

describe('policy rates in the console', () => {
  let rateUrl = '';

  it('lets the ADMIN revise HOUSING_NEW from a date: the history shows both rates and the earlier one ends the day before', async () => {
    const page = await freshPage();
    await signIn(page, 'admin@soquy.example', 'Định mức');
    await page.getByRole('menuitem', { name: 'Định mức' }).click();
    await page.waitForURL(/#\/PolicyRate/);

    // In force today: the 2025 rates, not the 2013 ones.
    await page.getByRole('cell', { name: '40.000.000\u00a0₫' }).first().waitFor();
    await page.getByRole('switch', { name: 'Đang có hiệu lực' }).check();
    await page.getByRole('cell', { name: '40.000.000\u00a0₫' }).first().waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /HOUSING_NEW.*60\.000\.000/ }).getByText('Cần xác nhận', { exact: true }).waitFor();
    await page.getByRole('row', { name: /MEMORIAL_SUPPORT_SHARE.*70%/ }).waitFor();
    await page.getByRole('row', { name: /HOUSING_NEW.*60\.000\.000/ }).click();
    await page.waitForURL(/#\/PolicyRate\/\d+\/show$/);

    await page.getByRole('button', { name: 'Điều chỉnh định mức' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Mức mới' }).fill('65000000');
    await dialog.getByLabel('Hiệu lực từ ngày').fill('2024-06-01');
    await dialog.getByRole('textbox', { name: 'Căn cứ pháp lý' }).fill('Quyết định 21/2024/QĐ-TTg (mức điều chỉnh, kiểm thử)');
    await dialog.getByRole('textbox', { name: 'Lý do điều chỉnh' }).fill('Điều chỉnh theo văn bản mới của Thủ tướng');
    await dialog.getByRole('button', { name: 'Điều chỉnh định mức' }).click();
    // Not before the latest rate's start: history is never rewritten.
    await dialog.getByText('Định mức mới phải có hiệu lực sau ngày 01/01/2025, ngày hiệu lực của định mức gần nhất').waitFor();
    await dialog.getByLabel('Hiệu lực từ ngày').fill('2026-01-01');
    await dialog.getByRole('button', { name: 'Điều chỉnh định mức' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.waitForURL(/#\/PolicyRate\/\d+\/show$/);
    rateUrl = page.url();
    const history = page.getByTestId('policy-rate-history');
    const revised = history.getByRole('row', { name: /65\.000\.000.*01\/01\/2026.*Không thời hạn.*Quyết định 21\/2024\/QĐ-TTg \(mức điều chỉnh, kiểm thử\).*Điều chỉnh theo văn bản mới/ });
    await revised.waitFor();
    await revised.getByText('Đang hiệu lực').waitFor();
    await history.getByRole('row', { name: /60\.000\.000.*01\/01\/2025.*31\/12\/2025/ }).waitFor();
    await history.getByRole('row', { name: /40\.000\.000.*01\/06\/2013.*31\/12\/2024/ }).waitFor();
    // Newest first.
    const rows = await history.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => /\d{1,3}(\.\d{3})+/.exec(r)?.[0])).toEqual(['65.000.000', '60.000.000', '40.000.000']);
    await page.close();
  });

  it('shows a fund manager the rates and their history, without the revise button', async () => {
    expect(rateUrl).not.toBe('');
    const page = await freshPage();
    await signIn(page, 'ketoan@soquy.example', 'Định mức');
    await page.goto(rateUrl);
    await page.getByTestId('policy-rate-history').getByRole('row', { name: /60\.000\.000.*31\/12\/2025/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Điều chỉnh định mức' }).count()).toBe(0);
    await page.close();
  });
});

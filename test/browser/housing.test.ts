import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { gql, signIn as apiSignIn } from '../support/graphql';
import { amountOf, confirm, consoleTests, disbursementStep, openStep, valueOf } from '../support/browser';

// The built console (admin/dist, `npm run build:admin`) served by the real API, in Debian's
// Chromium: a housing grant from application to closing. The grant officer applies for a new
// house for a household of commune 13741 under Decision 22/2013, verifies and approves it (in
// 2024, when the rate was 40.000.000 ₫; a first try above the rate is refused inside the dialog),
// starts construction and drafts the first tranche (60%, 24.000.000 ₫); a second draft before
// completion is refused with the rule. A fund manager approves and pays it; the officer records
// completion with the handover minutes and drafts the rest (16.000.000 ₫), which the manager
// approves and pays; the officer closes the grant: CLOSED, 40.000.000 ₫ paid, nothing due. The
// program reports show it. Before that, registering the same citizen ID twice links to the
// household already registered.
//
// Known API bug (api/src/modules/housing/housing-grant.service.ts, not fixed by the console):
// applyHousingGrant answers INTERNAL_SERVER_ERROR for every application (the grant is persisted in
// ctx.em but flushed through the fork of ctx.em.transactional, which does not carry it), so the
// application step fails until it is fixed, and the steps after it with it.

jest.setTimeout(240_000);

const OFFICER = 'canbo@soquy.example';
const MANAGER = 'ketoan2@soquy.example';
const COMMUNE_FUND = 'Quỹ Đền ơn đáp nghĩa Thị trấn Gôi';
const PERSON = 'Trần Văn Kiểm';
const NATIONAL_ID = '036052004321';
const money = (amount: string) => `${amount}\u00a0₫`;

let householdId = '';

// The commune's Gratitude Fund receives 100.000.000 ₫ from its own fund manager, and the officer
// registers one household of the commune, both through the API.
const ui = consoleTests(async (server) => {
  const manager = await apiSignIn(server.graphqlUrl, 'xa13741@soquy.example');
  const funds = await gql<{ allFunds: { id: string; name: string }[] }>(server.graphqlUrl, '{ allFunds(perPage: 10) { id name } }', {}, manager);
  const fund = funds.data?.allFunds.find((f) => f.name === COMMUNE_FUND);
  if (!fund) throw new Error(`no fund ${COMMUNE_FUND}: ${JSON.stringify(funds)}`);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const donation = await gql(
    server.graphqlUrl,
    `mutation Give($fundId: ID!, $receivedOn: LocalDate!, $key: String!) {
      createDonation(fundId: $fundId, amount: 100000000, receivedOn: $receivedOn, method: BANK_TRANSFER, donorName: "Công ty Kiểm Thử Nhà Ở", idempotencyKey: $key) { id }
    }`,
    { fundId: fund.id, receivedOn: today, key: randomUUID() },
    manager,
  );
  if (!donation.data?.createDonation) throw new Error(`createDonation failed: ${JSON.stringify(donation.errors)}`);

  const officer = await apiSignIn(server.graphqlUrl, OFFICER);
  const units = await gql<{ allAdministrativeUnits: { id: string }[] }>(
    server.graphqlUrl,
    'query($f: AdministrativeUnitFilter) { allAdministrativeUnits(filter: $f) { id } }',
    { f: { code: '13741' } },
    officer,
  );
  const unitId = units.data?.allAdministrativeUnits[0]?.id;
  if (!unitId) throw new Error(`no unit 13741: ${JSON.stringify(units)}`);
  const household = await gql(
    server.graphqlUrl,
    `mutation($unitId: ID!, $nationalId: String!, $personName: String!) {
      createBeneficiaryHousehold(personName: $personName, nationalId: $nationalId, meritCategoryCode: "WAR_INVALID", unitId: $unitId,
        address: "Xóm 2, thị trấn Gôi", householdSize: 4, houseCondition: DILAPIDATED) { id }
    }`,
    { unitId, nationalId: NATIONAL_ID, personName: PERSON },
    officer,
  );
  householdId = household.data?.createBeneficiaryHousehold?.id ?? '';
  if (!householdId) throw new Error(`createBeneficiaryHousehold failed: ${JSON.stringify(household.errors)}`);
});

const freshPage = () => ui.freshPage();
const signIn = (page: Page, email: string) => ui.signIn(page, email, 'Quỹ');

const figure = async (page: Page, testId: string) => amountOf(await page.getByTestId(testId).innerText());

describe('housing grants in the console', () => {
  let grantUrl = '';
  let firstTrancheUrl = '';
  let secondTrancheUrl = '';

  it('refuses a household registered twice, linking to the first one', async () => {
    const page = await freshPage();
    await signIn(page, OFFICER);
    await page.getByRole('menuitem', { name: 'Hộ người có công' }).click();
    await page.getByRole('cell', { name: PERSON }).waitFor();
    await page.getByRole('cell', { name: NATIONAL_ID }).waitFor(); // the officer sees IDs in full
    await page.getByRole('link', { name: 'Thêm hộ người có công' }).click();
    await page.waitForURL(/#\/BeneficiaryHousehold\/create$/);

    // Nothing is sent with an ID that is not 12 digits.
    await page.getByRole('textbox', { name: 'Người có công' }).fill('Trần Thị Trùng');
    await page.getByRole('textbox', { name: 'Số CCCD' }).fill('03605200');
    await page.getByRole('combobox', { name: 'Đối tượng' }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('combobox', { name: 'Xã, phường, thị trấn' }).fill('Gôi');
    await page.getByRole('option', { name: 'Thị trấn Gôi', exact: true }).click();
    await page.getByRole('textbox', { name: 'Địa chỉ' }).fill('Xóm 5, thị trấn Gôi');
    await page.getByRole('spinbutton', { name: 'Số nhân khẩu' }).fill('3');
    await page.getByRole('combobox', { name: 'Hiện trạng nhà ở' }).click();
    await page.getByRole('option', { name: 'Nhà tạm' }).click();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Số CCCD gồm đúng 12 chữ số').waitFor();

    // The same ID as the registered household: refused, with a link to it.
    await page.getByRole('textbox', { name: 'Số CCCD' }).fill(NATIONAL_ID);
    await page.getByRole('button', { name: 'Lưu' }).click();
    const duplicate = page.getByTestId('household-duplicate');
    await duplicate.getByText('Số CCCD này đã được đăng ký cho một hộ khác.').waitFor();
    await duplicate.getByRole('link', { name: `Mở hộ đã đăng ký (mã số ${householdId})` }).click();
    await page.waitForURL(new RegExp(`#/BeneficiaryHousehold/${householdId}/show$`));
    await page.getByText(PERSON, { exact: true }).first().waitFor();
    await page.getByText('Hộ này chưa có hồ sơ hỗ trợ nhà ở.').waitFor();
    await page.close();
  });

  it('lets the grant officer apply, verify, approve within the rate, start, and draft the first tranche (60%), not more', async () => {
    const page = await freshPage();
    await signIn(page, OFFICER);
    await page.goto(`${ui.server.url}/#/BeneficiaryHousehold/${householdId}/show`);
    await page.getByRole('link', { name: 'Đề nghị hỗ trợ nhà ở' }).click();
    await page.waitForURL(/#\/HousingGrant\/create$/);
    // The household is read after the page opens: wait for its name.
    await valueOf(page.getByRole('combobox', { name: 'Hộ người có công' }), PERSON);
    await page.getByRole('combobox', { name: 'Hình thức hỗ trợ' }).click();
    await page.getByRole('option', { name: 'Xây mới', exact: true }).click();
    await page.getByRole('combobox', { name: 'Chương trình' }).click();
    await page.getByRole('option', { name: 'Quyết định 22/2013/QĐ-TTg' }).click();
    expect(await page.getByLabel('Ngày nộp hồ sơ').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/); // today by default
    await page.getByLabel('Ngày nộp hồ sơ').fill('2024-03-01');
    await page.getByRole('textbox', { name: 'Hiện trạng và đề nghị' }).fill('Nhà cấp bốn dột nát, tường nứt; đề nghị hỗ trợ xây mới');
    await page.getByRole('button', { name: 'Lưu' }).click();
    // A refusal of the server stays on the form: fail with its words rather than a navigation timeout.
    const outcome = await Promise.race([
      page.waitForURL(/#\/HousingGrant\/\d+\/show$/).then(
        () => 'saved',
        () => 'not saved',
      ),
      page
        .getByTestId('server-error')
        .waitFor()
        .then(
          () => 'refused',
          () => 'not refused',
        ),
    ]);
    if (outcome === 'refused') throw new Error(`The application was refused: ${await page.getByTestId('server-error').innerText()}`);
    await page.waitForURL(/#\/HousingGrant\/\d+\/show$/);
    grantUrl = page.url();
    await page.getByText('Đã nộp hồ sơ', { exact: true }).first().waitFor();
    // A fund manager's steps are not offered to the officer, nor steps out of order.
    for (const name of ['Khởi công', 'Hoàn thành', 'Kết thúc', 'Phê duyệt']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);

    // The commune verifies.
    const verify = await openStep(page, 'Xác nhận');
    await verify.getByLabel('Ngày xác nhận').fill('2024-03-15');
    await verify.getByRole('textbox', { name: 'Văn bản xác nhận của xã (số)' }).fill('15/XN-UBND');
    await confirm(page, 'Xác nhận');
    await page.getByText('Xã đã xác nhận', { exact: true }).first().waitFor();

    // Approval on 01/04/2024: 40.000.000 ₫ under Decision 22/2013. More than the rate is refused, in the dialog.
    const approve = await openStep(page, 'Phê duyệt');
    await approve.getByLabel('Ngày quyết định phê duyệt').fill('2024-04-01');
    await approve.getByTestId('approve-rate').getByText(/40\.000\.000\u00a0₫ \(Quyết định 22\/2013\/QĐ-TTg/).waitFor();
    await approve.getByRole('textbox', { name: 'Số quyết định phê duyệt' }).fill('345/QĐ-UBND');
    expect(await approve.getByRole('combobox', { name: 'Nguồn' }).innerText()).toBe('Quỹ');
    // The commune's Gratitude Fund is offered first.
    await valueOf(approve.getByRole('combobox', { name: 'Quỹ', exact: true }), COMMUNE_FUND);
    await approve.getByRole('textbox', { name: 'Số tiền' }).fill('50000000');
    await approve.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    const refusal = approve.getByTestId('server-error');
    await refusal.getByText('Chưa phê duyệt được hồ sơ').waitFor();
    await refusal.getByText(/vượt mức hỗ trợ theo định mức có hiệu lực vào ngày phê duyệt/).waitFor();
    await approve.getByRole('textbox', { name: 'Số tiền' }).fill('40000000');
    await confirm(page, 'Phê duyệt');
    await page.getByText('Đã phê duyệt', { exact: true }).first().waitFor();
    await page.getByTestId('grant-rate').getByText(/Quyết định 22\/2013\/QĐ-TTg/).waitFor();
    const lines = page.getByTestId('funding-lines');
    await lines.getByRole('cell', { name: COMMUNE_FUND }).waitFor();
    await lines.getByRole('cell', { name: money('40.000.000') }).first().waitFor();
    expect(await figure(page, 'grant-due')).toBe(40_000_000);
    expect(await figure(page, 'grant-payable')).toBe(24_000_000);

    // Construction starts.
    const start = await openStep(page, 'Khởi công');
    await start.getByLabel('Ngày khởi công').fill('2024-05-01');
    await confirm(page, 'Khởi công');
    await page.getByText('Đang xây dựng', { exact: true }).first().waitFor();

    // The first tranche: the disbursement form comes filled in with 60%.
    await page.getByRole('link', { name: 'Lập phiếu chi đợt' }).click();
    await page.waitForURL(/#\/Disbursement\/create$/);
    await page.getByRole('textbox', { name: 'Số tiền' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Số tiền' }).inputValue()).toBe('24.000.000');
    expect(await page.getByRole('textbox', { name: 'Người nhận', exact: true }).inputValue()).toBe(PERSON);
    await valueOf(page.getByRole('combobox', { name: 'Quỹ' }), COMMUNE_FUND);
    expect(await page.getByRole('textbox', { name: 'Mã dự án' }).inputValue()).toBe(/HousingGrant\/(\d+)\/show/.exec(grantUrl)![1]);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/#\/Disbursement\/\d+\/show$/);
    firstTrancheUrl = page.url();
    await disbursementStep(page, 'Gửi duyệt');
    await page.getByText('Chờ duyệt', { exact: true }).first().waitFor();

    // Before completion, no more than 60%: a second draft is refused with the rule.
    await page.goto(grantUrl);
    await page.getByTestId('grant-pending').getByText(money('24.000.000')).waitFor();
    expect(await figure(page, 'grant-payable')).toBe(0);
    await page.getByTestId('grant-disbursements').getByText('Chờ duyệt').waitFor();
    await page.getByRole('link', { name: 'Lập phiếu chi đợt' }).click();
    await page.waitForURL(/#\/Disbursement\/create$/);
    await page.getByRole('textbox', { name: 'Số tiền' }).fill('16000000');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText(/Before completion is confirmed \(handover minutes\).*may reach 24\.000\.000 đồng \(60% of its fund lines\)/).waitFor();
    expect(page.url()).toMatch(/#\/Disbursement\/create$/);
    await page.close();
  });

  /** A fund manager approves and pays a tranche through the console; its voucher gets its number. */
  async function approveAndPay(url: string): Promise<void> {
    const page = await freshPage();
    await signIn(page, MANAGER);
    await page.goto(url);
    await page.getByTestId('voucher').waitFor();
    await disbursementStep(page, 'Duyệt');
    await page.getByText('Đã duyệt', { exact: true }).first().waitFor();
    await disbursementStep(page, 'Chi tiền');
    await page.getByTestId('voucher-number').getByText(/^PC-\d{4}-\d{6}$/).waitFor();
    await page.close();
  }

  it('lets a fund manager approve and pay the first tranche', async () => {
    expect(firstTrancheUrl).not.toBe('');
    await approveAndPay(firstTrancheUrl);
  });

  it('lets the officer record completion with the handover minutes and draft the rest', async () => {
    expect(grantUrl).not.toBe('');
    const page = await freshPage();
    await signIn(page, OFFICER);
    await page.goto(grantUrl);
    await page.getByTestId('grant-paid').getByText(money('24.000.000')).waitFor();

    // Completion needs the handover minutes' number.
    const complete = await openStep(page, 'Hoàn thành');
    await complete.getByRole('button', { name: 'Hoàn thành', exact: true }).click();
    await complete.getByText('Bắt buộc').waitFor();
    await complete.getByRole('textbox', { name: 'Số biên bản nghiệm thu, bàn giao' }).fill('12/BB-NTBG');
    await confirm(page, 'Hoàn thành');
    await page.getByText('Đã hoàn thành', { exact: true }).first().waitFor();
    expect(await figure(page, 'grant-payable')).toBe(16_000_000);

    await page.getByRole('link', { name: 'Lập phiếu chi đợt' }).click();
    await page.waitForURL(/#\/Disbursement\/create$/);
    await page.getByRole('textbox', { name: 'Số tiền' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Số tiền' }).inputValue()).toBe('16.000.000');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/#\/Disbursement\/\d+\/show$/);
    secondTrancheUrl = page.url();
    await disbursementStep(page, 'Gửi duyệt');
    await page.getByText('Chờ duyệt', { exact: true }).first().waitFor();
    await page.close();
  });

  it('lets a fund manager approve and pay the second tranche', async () => {
    expect(secondTrancheUrl).not.toBe('');
    await approveAndPay(secondTrancheUrl);
  });

  it('lets the officer close the grant: closed, 40.000.000 ₫ paid, nothing due; the reports show it', async () => {
    const page = await freshPage();
    await signIn(page, OFFICER);
    await page.goto(grantUrl);
    await page.getByTestId('grant-paid').getByText(money('40.000.000')).waitFor();
    await openStep(page, 'Kết thúc');
    await confirm(page, 'Kết thúc');
    await page.getByText('Đã kết thúc', { exact: true }).first().waitFor();
    expect(await figure(page, 'grant-paid')).toBe(40_000_000);
    expect(await figure(page, 'grant-due')).toBe(0);
    expect(await figure(page, 'grant-pending')).toBe(0);
    expect(await page.getByRole('link', { name: 'Lập phiếu chi đợt' }).count()).toBe(0);
    for (const name of ['Xác nhận', 'Phê duyệt', 'Khởi công', 'Hoàn thành', 'Kết thúc', 'Từ chối']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    // The timeline: every step, with its document and who took it.
    const timeline = page.getByTestId('grant-timeline');
    const steps = await timeline.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(steps.map((s) => s.trim())).toEqual(['Nộp hồ sơ', 'Xã xác nhận', 'Phê duyệt', 'Khởi công', 'Nghiệm thu, bàn giao', 'Kết thúc']);
    await timeline.getByRole('cell', { name: '345/QĐ-UBND' }).waitFor();
    await timeline.getByRole('cell', { name: '12/BB-NTBG' }).waitFor();
    await timeline.getByRole('cell', { name: 'Phạm Thị Cán' }).first().waitFor();
    const tranches = page.getByTestId('grant-disbursements');
    expect(await tranches.getByText('Đã chi', { exact: true }).count()).toBe(2);

    // The grant list, with its status chip.
    await page.getByRole('menuitem', { name: 'Hỗ trợ nhà ở' }).click();
    const row = page.getByRole('row').filter({ hasText: PERSON });
    await row.getByText('Đã kết thúc').waitFor();
    await row.getByText('Thị trấn Gôi').waitFor();

    // The program reports: by type and year by default.
    await page.getByRole('menuitem', { name: 'Báo cáo chương trình' }).click();
    await page.waitForURL(/#\/reports$/);
    const report = page.getByTestId('housing-report-table');
    const line = report.getByRole('row').filter({ hasText: 'Xây mới' });
    await line.getByRole('cell', { name: '2024', exact: true }).waitFor();
    expect((await line.locator('td').allInnerTexts()).map((c) => c.trim())).toEqual(['Xây mới', '2024', '1', money('40.000.000'), money('40.000.000'), money('40.000.000')]);
    await page.getByTestId('housing-report-table-totals').getByText('Tổng cộng').waitFor();
    // Grouped by commune instead of type.
    await page.getByRole('checkbox', { name: 'Hình thức hỗ trợ' }).uncheck();
    await page.getByRole('checkbox', { name: 'Xã' }).check();
    await report.getByRole('cell', { name: 'Thị trấn Gôi' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('housing-report').getByRole('button', { name: 'Xuất CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await page.close();
  });

  it('shows citizen IDs masked to a role that does not need them', async () => {
    const page = await freshPage();
    await ui.signIn(page, 'admin@soquy.example', 'Hộ người có công');
    await page.getByRole('menuitem', { name: 'Hộ người có công' }).click();
    await page.getByRole('cell', { name: '036*******21' }).waitFor();
    expect(await page.getByRole('cell', { name: NATIONAL_ID }).count()).toBe(0);
    await page.close();
  });
});

import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { gql, signIn as apiSignIn } from '../support/graphql';
import { amountOf, confirm, consoleTests, openStep, valueOf } from '../support/browser';

// The built console (admin/dist, `npm run build:admin`) served by the real API, in Debian's
// Chromium: the Child Protection Fund's support for children.
// (a) The grant officer refers a child of commune 13741 for heart surgery (120.000.000 ₫) and
// approves it: the fund's 60.000.000 ₫ is above its rate per case (SURGERY_SUPPORT, 50.000.000 ₫)
// and is refused inside the dialog with the rule and its legal basis; 40.000.000 ₫ from the fund,
// 70.000.000 ₫ from a sponsor and 10.000.000 ₫ from the family is approved. The officer drafts the
// fund's payment (prefilled with 40.000.000 ₫, the hospital as payee) and submits it; another fund
// manager approves and pays it (four eyes); the officer records the operation, the follow-up and
// the closing: CLOSED, 40.000.000 ₫ paid, five steps in the timeline.
// (b) The officer awards a scholarship for 2025-2026: 5.000.000 ₫ a term is above the fund's rate
// (SCHOLARSHIP_PER_TERM, explained with its basis); 2.000.000 ₫ a term, 2 terms is recorded; a second one
// for the same year is refused (CONFLICT, explained, linking to the first); "pay a term" opens the
// disbursement form filled in for term 1, then term 2 once the first is drafted.
// (c) An inspector sees the surgery list with the child's name masked and no step buttons.

jest.setTimeout(240_000);

const OFFICER = 'canbo@soquy.example';
const MANAGER = 'ketoan2@soquy.example';
const INSPECTOR = 'thanhtra@soquy.example';
const CHILD = 'Phạm Minh Tâm';
const MASKED = 'P. M. T.';
const GUARDIAN = 'Phạm Văn Bố';
const HOSPITAL = 'Bệnh viện Nhi Trung ương';
const SCHOOL = 'Trường Tiểu học Thị trấn Gôi';
const money = (amount: string) => `${amount}\u00a0₫`;

let fundName = '';
let childId = '';
let referredCaseId = '';

// The province's Child Protection Fund receives 500.000.000 ₫; the officer registers a child of
// commune 13741 and refers her for an eye operation (left REFERRED, for the inspector's view).
const ui = consoleTests(async (server) => {
  const manager = await apiSignIn(server.graphqlUrl, 'ketoan@soquy.example');
  const funds = await gql<{ allFunds: { id: string; name: string }[] }>(
    server.graphqlUrl,
    'query($f: FundFilter) { allFunds(filter: $f, perPage: 10) { id name } }',
    { f: { kind: 'CHILD_PROTECTION' } },
    manager,
  );
  const fund = funds.data?.allFunds[0];
  if (!fund || funds.data!.allFunds.length !== 1) throw new Error(`not one Child Protection Fund: ${JSON.stringify(funds)}`);
  fundName = fund.name;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const donation = await gql(
    server.graphqlUrl,
    `mutation Give($fundId: ID!, $receivedOn: LocalDate!, $key: String!) {
      createDonation(fundId: $fundId, amount: 500000000, receivedOn: $receivedOn, method: BANK_TRANSFER, donorName: "Công ty Kiểm Thử Trẻ Em", idempotencyKey: $key) { id }
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
  const child = await gql(
    server.graphqlUrl,
    `mutation($unit: ID!, $name: String!, $guardian: String!) {
      createChild(fullName: $name, birthDate: "2019-05-05", gender: FEMALE, unitId: $unit, circumstanceCode: "DISABLED", guardianName: $guardian,
        guardianPhone: "0912345678", address: "Xóm 3, thị trấn Gôi") { id }
    }`,
    { unit: unitId, name: CHILD, guardian: GUARDIAN },
    officer,
  );
  childId = child.data?.createChild?.id ?? '';
  if (!childId) throw new Error(`createChild failed: ${JSON.stringify(child.errors)}`);
  const referred = await gql(
    server.graphqlUrl,
    `mutation($c: ID!, $f: ID!, $d: LocalDate!) {
      createSurgeryCase(childId: $c, fundId: $f, condition: EYE, hospital: "Bệnh viện Mắt Trung ương", totalCost: 30000000, referredOn: $d) { id }
    }`,
    { c: childId, f: fund.id, d: today },
    officer,
  );
  referredCaseId = referred.data?.createSurgeryCase?.id ?? '';
  if (!referredCaseId) throw new Error(`createSurgeryCase failed: ${JSON.stringify(referred.errors)}`);
});

const freshPage = () => ui.freshPage();
const signIn = (page: Page, email: string) => ui.signIn(page, email, 'Quỹ');

/** A step with nothing but its defaults (today's date): open, confirm, see the new status. */
async function simpleStep(page: Page, name: string, status: string): Promise<void> {
  await openStep(page, name);
  await confirm(page, name);
  await page.getByTestId('surgery-status').getByText(status, { exact: true }).waitFor();
}

/** Picks the child in a form's "Trẻ em" autocomplete, searching by name. */
async function pickChild(page: Page): Promise<void> {
  const input = page.getByRole('combobox', { name: 'Trẻ em' });
  await input.fill('Minh Tâm');
  await page.getByRole('option', { name: `${CHILD}, 05/05/2019` }).click();
  await valueOf(input, `${CHILD}, 05/05/2019`);
}

/** Saves a form; a refusal of the server on the page fails with its words rather than a timeout. */
async function saveAndShow(page: Page, resource: string): Promise<void> {
  await page.getByRole('button', { name: 'Lưu' }).click();
  const outcome = await Promise.race([
    page.waitForURL(new RegExp(`#/${resource}/\\d+/show$`)).then(
      () => 'saved',
      () => 'not saved',
    ),
    page
      .locator('[data-testid="support-refusal"], [data-testid="server-error"]')
      .first()
      .waitFor()
      .then(
        () => 'refused',
        () => 'not refused',
      ),
  ]);
  if (outcome === 'refused') throw new Error(`Refused: ${await page.locator('[role="alert"]').first().innerText()}`);
  await page.waitForURL(new RegExp(`#/${resource}/\\d+/show$`));
}

const figure = async (page: Page, testId: string) => amountOf(await page.getByTestId(testId).innerText());

describe('surgery support in the console', () => {
  let caseUrl = '';
  let paymentUrl = '';

  it('lets the grant officer refer a child, approve within the fund’s rate and draft the fund’s payment', async () => {
    const page = await freshPage();
    await signIn(page, OFFICER);
    await page.getByRole('menuitem', { name: 'Hỗ trợ phẫu thuật' }).click();
    await page.getByRole('link', { name: 'Giới thiệu trẻ phẫu thuật' }).click();
    await page.waitForURL(/#\/SurgeryCase\/create$/);
    await pickChild(page);
    // The only Child Protection Fund is chosen for the officer.
    await valueOf(page.getByRole('combobox', { name: 'Quỹ', exact: true }), fundName);
    await page.getByRole('combobox', { name: 'Bệnh' }).click();
    await page.getByRole('option', { name: 'Tim bẩm sinh' }).click();
    await page.getByRole('textbox', { name: 'Bệnh viện' }).fill(HOSPITAL);
    await page.getByRole('textbox', { name: 'Tổng chi phí điều trị' }).fill('120000000');
    expect(await page.getByLabel('Ngày giới thiệu').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/); // today by default
    await saveAndShow(page, 'SurgeryCase');
    caseUrl = page.url();
    await page.getByTestId('surgery-status').getByText('Được giới thiệu', { exact: true }).waitFor();
    await page.getByTestId('surgery-child').getByText(CHILD).waitFor();
    expect(await page.getByTestId('surgery-child').getAttribute('href')).toBe(`#/Child/${childId}/show`);
    expect(await figure(page, 'surgery-total-cost')).toBe(120_000_000);
    for (const name of ['Ghi nhận phẫu thuật', 'Chuyển theo dõi sau mổ', 'Kết thúc hồ sơ']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Lập phiếu chi hỗ trợ' }).count()).toBe(0);

    // The fund's 60.000.000 ₫ is above its rate per case: refused in the dialog, with the rule and its basis.
    const approve = await openStep(page, 'Duyệt hỗ trợ');
    await approve.getByTestId('surgery-rate').getByText(/tối đa 50\.000\.000\u00a0₫/).waitFor();
    await approve.getByRole('textbox', { name: 'Số quyết định hỗ trợ' }).fill('12/QĐ-BTTE');
    expect(await approve.getByRole('combobox', { name: 'Nguồn' }).first().innerText()).toBe('Quỹ Bảo trợ trẻ em');
    await valueOf(approve.getByRole('combobox', { name: 'Quỹ', exact: true }), fundName);
    const amounts = approve.getByRole('textbox', { name: 'Số tiền' });
    await amounts.nth(0).fill('60000000');
    await approve.getByRole('button', { name: 'Thêm', exact: true }).click();
    await approve.getByRole('combobox', { name: 'Nguồn' }).nth(1).click();
    await page.getByRole('option', { name: 'Nhà tài trợ' }).click();
    await approve.getByRole('textbox', { name: 'Ghi chú (nhà tài trợ…)' }).nth(1).fill('Quỹ Trái tim cho em');
    await amounts.nth(1).fill('60000000');
    await approve.getByTestId('surgery-lines-sum').getByText(/120\.000\.000\u00a0₫ \/ 120\.000\.000\u00a0₫ — đã khớp tổng chi phí/).waitFor();
    await approve.getByRole('button', { name: 'Duyệt hỗ trợ', exact: true }).click();
    const refusal = approve.getByTestId('support-refusal');
    await refusal.getByText('Chưa duyệt được hỗ trợ').waitFor();
    await refusal.getByText('Vượt mức trần chi theo quy định.').waitFor();
    await refusal.getByTestId('support-refusal-rule').getByText(/Quy tắc SURGERY_SUPPORT: Phần quỹ hỗ trợ \(dòng Quỹ\) vượt mức hỗ trợ tối đa mỗi ca phẫu thuật/).waitFor();
    await refusal.getByTestId('support-refusal-rule').getByText(/Tối đa 50\.000\.000\u00a0₫ mỗi ca/).waitFor();
    await refusal.getByTestId('support-refusal-basis').getByText(/^Căn cứ: Quy chế hoạt động Quỹ Bảo trợ trẻ em tỉnh/).waitFor();

    // 40.000.000 ₫ from the fund, 70.000.000 ₫ from the sponsor, 10.000.000 ₫ from the family: approved.
    await amounts.nth(0).fill('40000000');
    await amounts.nth(1).fill('70000000');
    await approve.getByTestId('surgery-lines-sum').getByText(/còn thiếu 10\.000\.000\u00a0₫/).waitFor();
    await approve.getByRole('button', { name: 'Thêm', exact: true }).click();
    await approve.getByRole('combobox', { name: 'Nguồn' }).nth(2).click();
    await page.getByRole('option', { name: 'Gia đình' }).click();
    await amounts.nth(2).fill('10000000');
    await approve.getByTestId('surgery-lines-sum').getByText(/đã khớp tổng chi phí/).waitFor();
    await approve.getByText('Quỹ hỗ trợ: 40.000.000\u00a0₫').waitFor();
    await confirm(page, 'Duyệt hỗ trợ');
    await page.getByTestId('surgery-status').getByText('Đã duyệt hỗ trợ', { exact: true }).waitFor();
    expect(await figure(page, 'surgery-support')).toBe(40_000_000);
    const lines = page.getByTestId('surgery-funding-lines');
    const rows = await lines.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(4);
    await lines.getByRole('cell', { name: fundName }).waitFor();
    await lines.getByRole('cell', { name: 'Quỹ Trái tim cho em' }).waitFor();
    await lines.getByRole('cell', { name: 'Gia đình' }).waitFor();
    await lines.getByRole('cell', { name: money('120.000.000') }).waitFor();

    // The fund's payment: the disbursement form comes filled in with what the fund still owes.
    await page.getByRole('link', { name: 'Lập phiếu chi hỗ trợ' }).click();
    await page.waitForURL(/#\/Disbursement\/create$/);
    await page.getByRole('textbox', { name: 'Số tiền' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Số tiền' }).inputValue()).toBe('40.000.000');
    expect(await page.getByRole('textbox', { name: 'Người nhận', exact: true }).inputValue()).toBe(HOSPITAL);
    await valueOf(page.getByRole('combobox', { name: 'Quỹ' }), fundName);
    expect(await page.getByRole('combobox', { name: 'Loại chi' }).innerText()).toBe('Phẫu thuật cho trẻ em');
    expect(await page.getByRole('textbox', { name: 'Mã dự án' }).inputValue()).toBe(/SurgeryCase\/(\d+)\/show/.exec(caseUrl)![1]);
    expect(await page.getByRole('textbox', { name: 'Nội dung chi' }).inputValue()).toBe(`Hỗ trợ phẫu thuật (tim bẩm sinh) cho ${CHILD} tại ${HOSPITAL}`);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/#\/Disbursement\/\d+\/show$/);
    paymentUrl = page.url();
    await openStep(page, 'Gửi duyệt');
    await confirm(page, 'Gửi duyệt');
    await page.getByText('Chờ duyệt', { exact: true }).first().waitFor();

    // Back on the case: pending, nothing more to draft.
    await page.goto(caseUrl);
    await page.getByTestId('surgery-pending').getByText(money('40.000.000')).waitFor();
    await page.getByTestId('surgery-disbursements').getByText('Chờ duyệt').waitFor();
    expect(await page.getByRole('link', { name: 'Lập phiếu chi hỗ trợ' }).count()).toBe(0);
    await page.close();
  });

  it('lets another fund manager approve and pay the payment (four eyes)', async () => {
    expect(paymentUrl).not.toBe('');
    const page = await freshPage();
    await signIn(page, MANAGER);
    await page.goto(paymentUrl);
    await page.getByTestId('voucher').waitFor();
    await openStep(page, 'Duyệt');
    await confirm(page, 'Duyệt');
    await page.getByText('Đã duyệt', { exact: true }).first().waitFor();
    await openStep(page, 'Chi tiền');
    await confirm(page, 'Chi tiền');
    await page.getByTestId('voucher-number').getByText(/^PC-\d{4}-\d{6}$/).waitFor();
    await page.close();
  });

  it('lets the officer record the operation, the follow-up and the closing; the timeline shows the five steps', async () => {
    expect(caseUrl).not.toBe('');
    const page = await freshPage();
    await signIn(page, OFFICER);
    await page.goto(caseUrl);
    await page.getByTestId('surgery-paid').getByText(money('40.000.000')).waitFor();
    await simpleStep(page, 'Ghi nhận phẫu thuật', 'Đã phẫu thuật');
    await simpleStep(page, 'Chuyển theo dõi sau mổ', 'Theo dõi sau mổ');
    const close = await openStep(page, 'Kết thúc hồ sơ');
    await close.getByRole('textbox', { name: 'Giấy ra viện (số)' }).fill('GRV-2025-118');
    await confirm(page, 'Kết thúc hồ sơ');
    await page.getByTestId('surgery-status').getByText('Đã kết thúc', { exact: true }).waitFor();
    expect(await figure(page, 'surgery-paid')).toBe(40_000_000);
    expect(await figure(page, 'surgery-pending')).toBe(0);
    for (const name of ['Duyệt hỗ trợ', 'Ghi nhận phẫu thuật', 'Chuyển theo dõi sau mổ', 'Kết thúc hồ sơ', 'Huỷ hồ sơ']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    const timeline = page.getByTestId('surgery-timeline');
    const steps = await timeline.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(steps.map((s) => s.trim())).toEqual(['Giới thiệu', 'Duyệt hỗ trợ', 'Phẫu thuật', 'Theo dõi sau mổ', 'Kết thúc']);
    await timeline.getByRole('cell', { name: '12/QĐ-BTTE' }).waitFor();
    await timeline.getByRole('cell', { name: 'GRV-2025-118' }).waitFor();
    await timeline.getByRole('cell', { name: 'Phạm Thị Cán' }).first().waitFor();
    expect(await page.getByTestId('surgery-disbursements').getByText('Đã chi', { exact: true }).count()).toBe(1);

    // The list, with its status chips.
    await page.getByRole('menuitem', { name: 'Hỗ trợ phẫu thuật' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Tim bẩm sinh' });
    await row.getByText('Đã kết thúc').waitFor();
    await row.getByText(CHILD).waitFor();
    await page.getByRole('row').filter({ hasText: 'Bệnh về mắt' }).getByText('Được giới thiệu').waitFor();
    await page.close();
  });
});

describe('scholarships in the console', () => {
  it('lets the officer award a scholarship once a year and opens the payment of a term prefilled', async () => {
    const page = await freshPage();
    await signIn(page, OFFICER);
    await page.getByRole('menuitem', { name: 'Học bổng' }).click();
    await page.getByRole('link', { name: 'Cấp học bổng' }).click();
    await page.waitForURL(/#\/Scholarship\/create$/);

    /** Fills the form for 2025-2026, 2.000.000 ₫ a term, 2 terms. */
    const fill = async () => {
      await pickChild(page);
      await valueOf(page.getByRole('combobox', { name: 'Quỹ', exact: true }), fundName);
      await page.getByRole('textbox', { name: 'Năm học' }).fill('2025-2026');
      await page.getByRole('textbox', { name: 'Trường' }).fill(SCHOOL);
      await page.getByRole('textbox', { name: 'Lớp' }).fill('Lớp 1');
      await page.getByRole('textbox', { name: 'Số tiền mỗi học kỳ' }).fill('2000000');
      expect(await page.getByRole('combobox', { name: 'Số học kỳ' }).innerText()).toBe('2');
      await page.getByRole('textbox', { name: 'Quyết định cấp học bổng' }).fill('45/QĐ-BTTE');
    };
    await page.getByTestId('scholarship-rate').getByText(/tối đa 3\.000\.000\u00a0₫ mỗi học kỳ/).waitFor();
    await fill();
    // Above the fund's rate per term: refused on the form, with the rule and its basis.
    await page.getByRole('textbox', { name: 'Số tiền mỗi học kỳ' }).fill('5000000');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const overRate = page.getByTestId('support-refusal');
    await overRate.getByText('Vượt mức trần chi theo quy định.').waitFor();
    await overRate.getByTestId('support-refusal-rule').getByText(/Quy tắc SCHOLARSHIP_PER_TERM: Số tiền mỗi học kỳ vượt mức học bổng tối đa của quỹ\. \(Tối đa 3\.000\.000\u00a0₫\.\)/).waitFor();
    await overRate.getByTestId('support-refusal-basis').getByText(/^Căn cứ: Quy chế hoạt động Quỹ Bảo trợ trẻ em tỉnh/).waitFor();
    await page.getByRole('textbox', { name: 'Số tiền mỗi học kỳ' }).fill('2000000');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/#\/Scholarship\/\d+\/show$/);
    const scholarshipUrl = page.url();
    const scholarshipId = /Scholarship\/(\d+)\/show/.exec(scholarshipUrl)![1]!;
    await page.getByTestId('scholarship-child').getByText(CHILD).waitFor();
    expect(await figure(page, 'scholarship-total')).toBe(4_000_000);
    expect(await figure(page, 'scholarship-paid')).toBe(0);

    // A second one for the same child and year: refused, explained, with a link to the first.
    await page.goto(`${ui.server.url}/#/Scholarship/create`);
    await fill();
    await page.getByRole('button', { name: 'Lưu' }).click();
    const refusal = page.getByTestId('support-refusal');
    await refusal.getByText('Chưa ghi nhận được học bổng').waitFor();
    await refusal.getByText('Trùng với một bản ghi đã có.').waitFor();
    await refusal.getByText('Trẻ này đã có học bổng cho năm học này: mỗi trẻ chỉ được cấp một học bổng trong một năm học.').waitFor();
    expect(page.url()).toMatch(/#\/Scholarship\/create$/);
    await refusal.getByRole('link', { name: `Mở học bổng đã có (mã số ${scholarshipId})` }).click();
    await page.waitForURL(new RegExp(`#/Scholarship/${scholarshipId}/show$`));

    // "Pay a term": the disbursement form filled in for term 1.
    await page.getByRole('link', { name: 'Chi học bổng học kỳ' }).click();
    await page.waitForURL(/#\/Disbursement\/create$/);
    await page.getByRole('textbox', { name: 'Số tiền' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Số tiền' }).inputValue()).toBe('2.000.000');
    await valueOf(page.getByRole('combobox', { name: 'Quỹ' }), fundName);
    expect(await page.getByRole('combobox', { name: 'Loại chi' }).innerText()).toBe('Học bổng');
    expect(await page.getByRole('textbox', { name: 'Mã dự án' }).inputValue()).toBe(scholarshipId);
    expect(await page.getByRole('textbox', { name: 'Người nhận', exact: true }).inputValue()).toBe(GUARDIAN);
    expect(await page.getByRole('textbox', { name: 'Nội dung chi' }).inputValue()).toBe(`Học bổng học kỳ 1 năm học 2025-2026 cho ${CHILD}, ${SCHOOL}`);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/#\/Disbursement\/\d+\/show$/);

    // Back on the scholarship: pending, and the next payment is for term 2.
    await page.goto(scholarshipUrl);
    await page.getByTestId('scholarship-pending').getByText(money('2.000.000')).waitFor();
    await page.getByTestId('scholarship-disbursements').getByText('Nháp').waitFor();
    await page.getByRole('link', { name: 'Chi học bổng học kỳ' }).click();
    await page.waitForURL(/#\/Disbursement\/create$/);
    await page.getByRole('textbox', { name: 'Nội dung chi' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Nội dung chi' }).inputValue()).toBe(`Học bổng học kỳ 2 năm học 2025-2026 cho ${CHILD}, ${SCHOOL}`);

    // The list, filtered by school year.
    await page.getByRole('menuitem', { name: 'Học bổng' }).click();
    const row = page.getByRole('row').filter({ hasText: SCHOOL });
    await row.getByText(CHILD).waitFor();
    await row.getByText('2025-2026').waitFor();
    await row.getByText(money('2.000.000')).first().waitFor();
    await page.close();
  });
});

describe('an inspector', () => {
  it('sees the surgery cases with the child’s name masked and no step', async () => {
    const page = await freshPage();
    await ui.signIn(page, INSPECTOR, 'Hỗ trợ phẫu thuật');
    await page.getByRole('menuitem', { name: 'Hỗ trợ phẫu thuật' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Bệnh về mắt' });
    await row.getByText(MASKED, { exact: true }).waitFor();
    expect(await page.getByText(CHILD).count()).toBe(0);
    await row.click();
    await page.waitForURL(new RegExp(`#/SurgeryCase/${referredCaseId}/show$`));
    await page.getByTestId('surgery-status').getByText('Được giới thiệu', { exact: true }).waitFor();
    await page.getByTestId('surgery-child').getByText(MASKED, { exact: true }).waitFor();
    for (const name of ['Duyệt hỗ trợ', 'Ghi nhận phẫu thuật', 'Chuyển theo dõi sau mổ', 'Kết thúc hồ sơ', 'Huỷ hồ sơ']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole('link', { name: 'Lập phiếu chi hỗ trợ' }).count()).toBe(0);
    await page.close();
  });
});

import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { todayVn } from '../../api/src/common/dates';
import { FundKind } from '../../api/src/modules/funds/fund.entity';
import { fundOf } from '../support/funds';
import { gql, signIn as apiSignIn } from '../support/graphql';
import { amountOf, confirm, consoleTests, disbursementStep, valueOf } from '../support/browser';

// The built console (admin/dist, `npm run build:admin`) served by the real API, in Debian's
// Chromium: children in special circumstances and a Tết gift campaign for them. The fund manager
// registers a child through the form (a birth date 16 years ago is refused) and edits it; runs the
// campaign wizard for the children of three communes (a first try above the rate of 1.000.000 ₫ a
// child is refused in Vietnamese; at 500.000 ₫ the preview shows the count and total against the
// fund); a gift cannot be handed over before its batch is paid; the batch disbursement is
// submitted by ketoan@ and approved and paid by ketoan2@ (four eyes) in the console; ketoan@
// prints commune 13744's list to be signed (DANH SÁCH KÝ NHẬN QUÀ with the children's full
// names), marks all but two lines handed over and returns those two to the fund with a reason:
// 2 returned, and the fund's balance up by 2 × 500.000 ₫. The inspector sees the campaign's list
// and the children with masked names, and no search box.

jest.setTimeout(300_000);

const MANAGER = 'ketoan@soquy.example';
const MANAGER2 = 'ketoan2@soquy.example';
const INSPECTOR = 'thanhtra@soquy.example';
const FUND = 'Quỹ Bảo trợ trẻ em Tỉnh Nam Định';
const CAMPAIGN = 'Quà Tết cho trẻ em có hoàn cảnh đặc biệt';
const COMMUNES = { '13741': 'Thị trấn Gôi', '13744': 'Xã Minh Thuận', '13747': 'Xã Hiển Khánh', '13750': 'Xã Tân Khánh' } as const;
type CommuneCode = keyof typeof COMMUNES;
const DONATED = 50_000_000;
const AMOUNT = 500_000;
const money = (amount: string) => `${amount}\u00a0₫`;

const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const middles = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức', 'Thu'];
const givens = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Linh', 'Mai', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Uyên', 'Vy'];

/** 14 children in each of the three communes of the campaign, 4 in another commune. */
const children: { name: string; commune: CommuneCode }[] = Array.from({ length: 46 }, (_, i) => ({
  name: `${families[i % 8]} ${middles[i % 6]} ${givens[i % 16]}`,
  commune: i < 42 ? (['13741', '13744', '13747'] as const)[i % 3]! : '13750',
}));
const inMinhThuan = children.filter((child) => child.commune === '13744').map((child) => child.name);
const [notHandedA, notHandedB] = inMinhThuan.slice(-2) as [string, string];

let fundId = '';
const unitIds: Partial<Record<CommuneCode, string>> = {};

// The province's Child Protection Fund receives 50.000.000 ₫; the children are registered through the API.
const ui = consoleTests(async (server) => {
  const manager = await apiSignIn(server.graphqlUrl, MANAGER);
  fundId = String((await fundOf(server.orm.em, '36', FundKind.CHILD_PROTECTION)).id);
  const donation = await gql(
    server.graphqlUrl,
    `mutation Give($fundId: ID!, $receivedOn: LocalDate!, $key: String!) {
      createDonation(fundId: $fundId, amount: ${DONATED}, receivedOn: $receivedOn, method: BANK_TRANSFER, donorName: "Công ty Kiểm Thử Quà Tết", idempotencyKey: $key) { id }
    }`,
    { fundId, receivedOn: todayVn(), key: randomUUID() },
    manager,
  );
  if (!donation.data?.createDonation) throw new Error(`createDonation failed: ${JSON.stringify(donation.errors)}`);
  const rows = await server.orm.em
    .fork()
    .getConnection()
    .execute<{ id: number; code: CommuneCode }[]>("select id, code from administrative_unit where code in ('13741', '13744', '13747', '13750')");
  for (const row of rows) unitIds[row.code] = String(row.id);
  const year = Number(todayVn().slice(0, 4));
  for (const [i, child] of children.entries()) {
    const created = await gql(
      server.graphqlUrl,
      `mutation($fullName: String!, $birthDate: LocalDate!, $unitId: ID!, $circumstanceCode: ID!, $guardianName: String!) {
        createChild(fullName: $fullName, birthDate: $birthDate, gender: ${i % 2 ? 'MALE' : 'FEMALE'}, unitId: $unitId, circumstanceCode: $circumstanceCode,
          guardianName: $guardianName, guardianPhone: "0912345678", address: "Xóm ${1 + (i % 7)}") { id }
      }`,
      {
        fullName: child.name,
        birthDate: `${year - 1 - (i % 14)}-0${1 + (i % 9)}-1${i % 9}`,
        unitId: unitIds[child.commune],
        circumstanceCode: i % 2 ? 'ORPHAN_BOTH' : 'DISABLED',
        guardianName: `${families[(i + 3) % 8]} Văn Giám Hộ`,
      },
      manager,
    );
    if (!created.data?.createChild) throw new Error(`createChild failed: ${JSON.stringify(created.errors)}`);
  }
});

const freshPage = () => ui.freshPage();
const signIn = (page: Page, email: string) => ui.signIn(page, email, 'Quỹ');

const fundBalance = async (): Promise<number> => {
  const token = await apiSignIn(ui.server.graphqlUrl, MANAGER);
  const answer = await gql<{ Fund: { balance: number } }>(ui.server.graphqlUrl, 'query($id: ID!) { Fund(id: $id) { balance } }', { id: fundId }, token);
  if (!answer.data?.Fund) throw new Error(`Fund failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.Fund.balance;
};

/** Picks units in the wizard's autocomplete by name. */
async function pickUnits(page: Page, codes: CommuneCode[]): Promise<void> {
  const input = page.getByRole('combobox', { name: 'Xã hoặc đơn vị cấp trên' });
  for (const code of codes) {
    await input.fill(COMMUNES[code].replace(/^(Thị trấn|Xã) /, ''));
    await page.getByRole('option', { name: COMMUNES[code], exact: true }).click();
  }
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).innerText()).trim();

describe('children and gift campaigns in the console', () => {
  let campaignUrl = '';
  let batchUrl = '';

  it('lets the fund manager register a child (under 16 only), read the audited profile, edit it and find it by name', async () => {
    const page = await freshPage();
    await signIn(page, MANAGER);
    await page.getByRole('menuitem', { name: 'Trẻ em hoàn cảnh đặc biệt' }).click();
    await page.getByRole('cell', { name: children[45]!.name, exact: true }).waitFor(); // newest first
    expect(await page.getByTestId('children-masked').count()).toBe(0);
    await page.getByRole('link', { name: 'Thêm trẻ em' }).click();
    await page.waitForURL(/#\/Child\/create$/);

    const year = Number(todayVn().slice(0, 4));
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Đỗ Thị Hồng Nhung');
    await page.getByLabel('Ngày sinh').fill(`${year - 16}-01-01`);
    await page.getByRole('combobox', { name: 'Giới tính' }).click();
    await page.getByRole('option', { name: 'Nữ', exact: true }).click();
    await page.getByRole('combobox', { name: 'Xã, phường, thị trấn' }).fill('Tân Khánh');
    await page.getByRole('option', { name: 'Xã Tân Khánh', exact: true }).click();
    await page.getByRole('combobox', { name: 'Hoàn cảnh' }).click();
    await page.getByRole('option', { name: 'Trẻ em khuyết tật', exact: true }).click();
    await page.getByRole('textbox', { name: 'Người giám hộ', exact: true }).fill('Đỗ Văn Hùng');
    await page.getByRole('textbox', { name: 'Điện thoại người giám hộ' }).fill('0987654321');
    await page.getByRole('textbox', { name: 'Địa chỉ' }).fill('Xóm 4, xã Tân Khánh');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Trẻ em là người dưới 16 tuổi: ngày sinh này đã từ 16 năm trở lên').waitFor();

    await page.getByLabel('Ngày sinh').fill(`${year - 8}-05-20`);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/#\/Child\/\d+\/show$/);
    await page.getByText('Đỗ Thị Hồng Nhung', { exact: true }).first().waitFor();
    await page.getByTestId('child-audit-caption').getByText('Việc xem đầy đủ hồ sơ này được ghi vào nhật ký kiểm toán.').waitFor();
    await page.getByText('Trẻ em khuyết tật', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Sửa' }).click();
    await page.waitForURL(/#\/Child\/\d+$/);
    await valueOf(page.getByRole('textbox', { name: 'Điện thoại người giám hộ' }), '0987654321');
    await page.getByRole('textbox', { name: 'Điện thoại người giám hộ' }).fill('0911222333');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/#\/Child\/\d+\/show$/);
    await page.getByText('0911222333', { exact: true }).waitFor();

    await page.getByRole('menuitem', { name: 'Trẻ em hoàn cảnh đặc biệt' }).click();
    await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill('nhung');
    await page.getByRole('cell', { name: 'Đỗ Thị Hồng Nhung', exact: true }).waitFor();
    await page.getByText('1-1 / 1').waitFor();
    await page.close();
  });

  it('runs the Tết campaign wizard: a gift above the rate is refused, then the preview against the fund and the campaign', async () => {
    const page = await freshPage();
    await signIn(page, MANAGER);
    await page.getByRole('menuitem', { name: 'Đợt tặng quà' }).click();
    await page.getByRole('link', { name: 'Lập đợt tặng quà' }).click();
    await page.waitForURL(/#\/GiftCampaign\/create$/);

    // Step 1: the only Child Protection Fund is preselected; Tết and cash by default, today.
    await valueOf(page.getByRole('combobox', { name: 'Quỹ', exact: true }), FUND);
    await page.getByRole('textbox', { name: 'Tên đợt tặng quà' }).fill(CAMPAIGN);
    expect(await page.getByRole('combobox', { name: 'Dịp' }).innerText()).toBe('Tết Nguyên đán');
    expect(await page.getByRole('combobox', { name: 'Hình thức quà' }).innerText()).toBe('Tiền mặt');
    expect(await page.getByLabel('Ngày trao quà').inputValue()).toBe(todayVn());
    await page.getByRole('textbox', { name: 'Mức quà mỗi suất' }).fill('1500000');
    await page.getByTestId('gift-rate').getByText(/tối đa 1\.000\.000\u00a0₫ mỗi suất/).waitFor();
    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();

    // Step 2: the three communes; 42 children, 63.000.000 ₫: more than the fund holds.
    await pickUnits(page, ['13741', '13744', '13747']);
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByTestId('gift-preview-count').getByText('42', { exact: true }).waitFor();
    expect(amountOf(await text(page, 'gift-preview-total'))).toBe(42 * 1_500_000);
    expect(amountOf(await text(page, 'gift-preview-available'))).toBe(await fundBalance());
    await page.getByTestId('gift-preview-enough').getByText(/^Quỹ không đủ để chi 63\.000\.000\u00a0₫/).waitFor();
    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();

    // Step 3: refused, in Vietnamese, with the rate and its basis.
    await page.getByTestId('gift-summary-count').getByText('42').waitFor();
    await page.getByRole('button', { name: 'Tạo đợt tặng quà' }).click();
    const refusal = page.getByTestId('gift-error');
    await refusal.getByText('Chưa tạo được đợt tặng quà').waitFor();
    await refusal.getByText(/Mức quà mỗi suất vượt định mức có hiệu lực vào ngày trao quà \(tối đa 1\.000\.000\u00a0₫; Quy chế hoạt động Quỹ Bảo trợ trẻ em/).waitFor();
    expect(page.url()).toMatch(/#\/GiftCampaign\/create$/);

    // Back to step 1: 500.000 ₫ a child; the criteria are kept, the preview is made again.
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await page.getByRole('textbox', { name: 'Mức quà mỗi suất' }).fill('500000');
    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByTestId('gift-preview-count').getByText('42', { exact: true }).waitFor();
    expect(amountOf(await text(page, 'gift-preview-total'))).toBe(42 * AMOUNT);
    expect(amountOf(await text(page, 'gift-preview-available'))).toBe(DONATED);
    expect(amountOf(await text(page, 'gift-preview-pending'))).toBe(0);
    await page.getByTestId('gift-preview-enough').getByText(/^Quỹ đủ để chi 21\.000\.000\u00a0₫: còn 50\.000\.000\u00a0₫/).waitFor();
    const byUnit = page.getByTestId('gift-preview-units');
    for (const code of ['13741', '13744', '13747'] as const) {
      const row = byUnit.getByRole('row').filter({ hasText: COMMUNES[code] });
      expect((await row.locator('td').allInnerTexts()).map((cell) => cell.trim())).toEqual([COMMUNES[code], '14', money('7.000.000')]);
    }
    expect(await byUnit.getByText(COMMUNES['13750']).count()).toBe(0);
    // Every eligible child is listed and checked; one left out and back in.
    await page.getByText('Đã chọn 42 / 42 trẻ').waitFor();
    const eligible = page.getByTestId('gift-eligible');
    await eligible.getByRole('checkbox', { name: inMinhThuan[0]!, exact: true }).uncheck();
    await page.getByText('Đã chọn 41 / 42 trẻ').waitFor();
    await eligible.getByRole('checkbox', { name: inMinhThuan[0]!, exact: true }).check();
    await page.getByText('Đã chọn 42 / 42 trẻ').waitFor();
    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();

    // Step 3: created, then its page.
    expect(amountOf(await text(page, 'gift-summary-total'))).toBe(42 * AMOUNT);
    await page.getByRole('button', { name: 'Tạo đợt tặng quà' }).click();
    await page.waitForURL(/#\/GiftCampaign\/\d+\/show$/);
    campaignUrl = page.url();
    await page.getByTestId('gift-figure-recipients').getByText('42', { exact: true }).waitFor();
    expect(amountOf(await text(page, 'gift-figure-total'))).toBe(21_000_000);
    expect(await text(page, 'gift-figure-pending')).toBe('42');
    expect(await page.getByTestId('gift-recipient-row').count()).toBe(42);
    await page.getByText(/qua quy trình duyệt \(hai người\) và chi tiền/).waitFor();

    // Not paid yet: handing a gift over is refused, explained.
    await page.getByTestId('gift-batch-unpaid').waitFor();
    await page.getByRole('checkbox', { name: inMinhThuan[0]!, exact: true }).check();
    await page.getByRole('button', { name: 'Đã trao', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Đã trao', exact: true }).click();
    await dialog.getByTestId('gift-error').getByText(/Phiếu chi của đợt quà này chưa được chi: cần gửi duyệt, duyệt và chi tiền/).waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The batch disbursement: drafted for the whole amount; ketoan@ submits it.
    await page.getByTestId('gift-batch-link').click();
    await page.waitForURL(/#\/Disbursement\/\d+\/show$/);
    batchUrl = page.url();
    expect(amountOf(await page.getByTestId('voucher-amount').innerText())).toBe(21_000_000);
    await disbursementStep(page, 'Gửi duyệt');
    await page.getByText('Chờ duyệt', { exact: true }).first().waitFor();
    // Four eyes: the one who submitted does not approve.
    expect(await page.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
    await page.close();
  });

  it('lets a second fund manager approve and pay the batch', async () => {
    expect(batchUrl).not.toBe('');
    const page = await freshPage();
    await signIn(page, MANAGER2);
    await page.goto(batchUrl);
    await page.getByTestId('voucher').waitFor();
    await disbursementStep(page, 'Duyệt');
    await page.getByText('Đã duyệt', { exact: true }).first().waitFor();
    await disbursementStep(page, 'Chi tiền');
    await page.getByTestId('voucher-number').getByText(/^PC-\d{4}-\d{6}$/).waitFor();
    await page.close();
    expect(await fundBalance()).toBe(DONATED - 21_000_000);
  });

  it('prints commune 13744’s list to be signed, marks the gifts handed over and returns two to the fund', async () => {
    expect(campaignUrl).not.toBe('');
    const page = await freshPage();
    await signIn(page, MANAGER);
    await page.goto(campaignUrl);
    await page.getByTestId('gift-batches').getByText('Đã chi', { exact: true }).waitFor();
    expect(await page.getByTestId('gift-batch-unpaid').count()).toBe(0);

    // Commune 13744 only.
    await page.getByRole('combobox', { name: /^Xã, phường, thị trấn/ }).click();
    await page.getByRole('option', { name: `${COMMUNES['13744']} (14)` }).click();
    const table = page.getByTestId('gift-recipients');
    await table.getByText(inMinhThuan[0]!, { exact: true }).waitFor();
    await table.getByText(COMMUNES['13744']).first().waitFor();
    expect(await page.getByTestId('gift-recipient-row').count()).toBe(14);
    expect(await table.getByText(children[0]!.name, { exact: true }).count()).toBe(0); // Gôi

    // Print: the browser's print, and on paper the list with its title, the full names, the totals and the signatures.
    await page.evaluate('window.__printed = 0; window.print = () => { window.__printed += 1; }');
    await page.getByRole('button', { name: 'In danh sách' }).click();
    expect(await page.evaluate('window.__printed')).toBe(1);
    const list = page.getByTestId('gift-signature-list');
    expect(await list.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await list.isVisible()).toBe(true);
    expect(await page.getByTestId('gift-recipients').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In danh sách' }).isVisible()).toBe(false);
    const printed = await list.innerText();
    expect(printed).toContain('DANH SÁCH KÝ NHẬN QUÀ');
    expect(printed).toContain(CAMPAIGN);
    expect(printed).toContain(`Xã: ${COMMUNES['13744']}`);
    for (const name of inMinhThuan) expect(printed).toContain(name);
    expect(printed).toContain('Tổng cộng: 14 suất');
    expect(amountOf(await list.getByTestId('gift-signature-list-total').innerText())).toBe(14 * AMOUNT);
    for (const signer of ['Ký nhận', 'Người lập danh sách', 'Chủ tịch']) await list.getByText(signer, { exact: true }).waitFor();
    await page.emulateMedia({ media: 'screen' });

    // All but two handed over today.
    await page.getByRole('checkbox', { name: 'Tất cả các dòng chưa trao' }).check();
    await page.getByRole('checkbox', { name: notHandedA, exact: true }).uncheck();
    await page.getByRole('checkbox', { name: notHandedB, exact: true }).uncheck();
    await page.getByTestId('gift-selected-count').getByText('Đã chọn 12 dòng').waitFor();
    await page.getByRole('button', { name: 'Đã trao', exact: true }).click();
    await page.getByRole('dialog').getByText('Xác nhận đã trao 12 suất quà').waitFor();
    await confirm(page, 'Đã trao');
    await page.getByTestId('gift-figure-handed-over').getByText('12', { exact: true }).waitFor();

    // The two not handed over go back to the fund, with the reason.
    const before = await fundBalance();
    await page.getByRole('checkbox', { name: notHandedA, exact: true }).check();
    await page.getByRole('checkbox', { name: notHandedB, exact: true }).check();
    await page.getByRole('button', { name: 'Hoàn quỹ', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Hoàn quỹ 2 suất quà').waitFor();
    await dialog.getByRole('textbox', { name: 'Lý do không trao được' }).fill('Gia đình chuyển đi nơi khác trước ngày trao quà');
    await confirm(page, 'Hoàn quỹ');
    await page.getByTestId('gift-figure-returned').getByText('2', { exact: true }).waitFor();
    expect(amountOf(await text(page, 'gift-figure-returned-amount'))).toBe(2 * AMOUNT);
    expect(await text(page, 'gift-figure-pending')).toBe('28');
    const returned = page.getByTestId('gift-recipient-row').filter({ hasText: notHandedA });
    await returned.getByText('Đã hoàn quỹ').waitFor();
    await returned.getByText(/Gia đình chuyển đi nơi khác/).waitFor();
    expect(await fundBalance()).toBe(before + 2 * AMOUNT);

    // The fund's page shows it.
    await page.goto(`${ui.server.url}/#/Fund/${fundId}/show`);
    await page.getByTestId('fund-balance').getByText(money('30.000.000')).waitFor();
    await page.close();
  });

  it('shows the inspector the campaign’s list and the children with masked names, and no search box', async () => {
    const page = await freshPage();
    await signIn(page, INSPECTOR);
    await page.getByRole('menuitem', { name: 'Đợt tặng quà' }).click();
    const row = page.getByTestId('gift-campaigns').getByRole('row').filter({ hasText: CAMPAIGN });
    await row.getByText('Tết Nguyên đán').waitFor();
    expect(await page.getByRole('link', { name: 'Lập đợt tặng quà' }).count()).toBe(0);
    await row.getByText(CAMPAIGN).click();
    await page.waitForURL(/#\/GiftCampaign\/\d+\/show$/);
    await page.getByTestId('gift-figure-returned').getByText('2', { exact: true }).waitFor();
    const lines = page.getByTestId('gift-recipient-row');
    await lines.first().waitFor();
    expect(await lines.count()).toBe(42);
    // No checkbox column for the inspector: the child's name is the second cell.
    const names = await page.locator('[data-testid="gift-recipient-row"] td:nth-child(2)').allInnerTexts();
    expect(names).toHaveLength(42);
    for (const name of names) expect(name.trim()).toMatch(/^[A-ZĐ]\. /);
    for (const name of inMinhThuan) expect(await page.getByText(name, { exact: true }).count()).toBe(0);
    for (const name of ['Đã trao', 'Hoàn quỹ', 'Thêm trẻ em']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);

    await page.getByRole('menuitem', { name: 'Trẻ em hoàn cảnh đặc biệt' }).click();
    await page.getByTestId('children-masked').waitFor();
    const cells = page.locator('[data-testid="children-list"] td.column-fullName');
    await cells.first().waitFor();
    const masked = await cells.allInnerTexts();
    expect(masked.length).toBeGreaterThan(0);
    for (const name of masked) expect(name.trim()).toMatch(/^[A-ZĐ]\. /);
    expect(await page.getByRole('textbox', { name: 'Tìm kiếm' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Thêm trẻ em' }).count()).toBe(0);
    await page.close();
  });

  it('lets the fund manager add a child registered later: only children not yet in the campaign are offered, in a new batch', async () => {
    expect(campaignUrl).not.toBe('');
    const token = await apiSignIn(ui.server.graphqlUrl, MANAGER);
    const late = await gql(
      ui.server.graphqlUrl,
      `mutation($unitId: ID!, $birthDate: LocalDate!) {
        createChild(fullName: "Ngô Thị Hạnh", birthDate: $birthDate, gender: FEMALE, unitId: $unitId, circumstanceCode: "NO_CARETAKER", guardianName: "Ngô Văn Tư", address: "Xóm 9") { id }
      }`,
      { unitId: unitIds['13744'], birthDate: `${Number(todayVn().slice(0, 4)) - 6}-02-02` },
      token,
    );
    expect(late.errors).toBeUndefined();
    const page = await freshPage();
    await signIn(page, MANAGER);
    await page.goto(campaignUrl);
    await page.getByTestId('gift-figure-recipients').getByText('42', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Thêm trẻ em' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Thêm trẻ em vào “Quà Tết cho trẻ em có hoàn cảnh đặc biệt”').waitFor();
    // The campaign's communes are the criteria; the 42 children already in it are left out.
    await dialog.getByText(COMMUNES['13744'], { exact: true }).first().waitFor();
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    await dialog.getByTestId('gift-preview-count').getByText('1', { exact: true }).waitFor();
    await dialog.getByTestId('gift-eligible').getByText('Ngô Thị Hạnh', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: `Thêm 1 trẻ (${money('500.000')})` }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('gift-figure-recipients').getByText('43', { exact: true }).waitFor();
    await page.getByTestId('gift-batches').getByText('Nháp', { exact: true }).waitFor();
    expect(await page.getByTestId('gift-batch-link').count()).toBe(2);
    await page.close();
  });
});

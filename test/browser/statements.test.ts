import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { gql, signIn as apiSignIn } from '../support/graphql';
import { consoleTests } from '../support/browser';

// The built console served by the real API, in Debian's Chromium: the province's fund manager
// opens "Báo cáo thu chi" for the province's Gratitude funds this year, sees the receipts and the
// closing balance of a donation made through the API and the balanced check, then downloads the
// XLSX, whose closing line holds the same amount.

jest.setTimeout(240_000);

const money = (amount: string) => `${amount}\u00a0₫`;
const PREFIX = 'Quỹ Đền ơn đáp nghĩa ';
const DISTRICT = 'Huyện Vụ Bản';

const ui = consoleTests(async (server) => {
  const manager = await apiSignIn(server.graphqlUrl, 'ketoan@soquy.example');
  const funds = await gql<{ allFunds: { id: string; name: string }[] }>(server.graphqlUrl, '{ allFunds(perPage: 500) { id name } }', {}, manager);
  const fund = funds.data?.allFunds.find((f) => f.name === 'Quỹ Đền ơn đáp nghĩa Tỉnh Nam Định');
  if (!fund) throw new Error(`no province fund: ${JSON.stringify(funds)}`);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const donation = await gql(
    server.graphqlUrl,
    `mutation Give($fundId: ID!, $receivedOn: LocalDate!, $key: String!) {
      createDonation(fundId: $fundId, amount: 12345000, receivedOn: $receivedOn, method: CASH, donorName: "Bà Nguyễn Thị Báo Cáo", idempotencyKey: $key) { id }
    }`,
    { fundId: fund.id, receivedOn: today, key: randomUUID() },
    manager,
  );
  if (!donation.data?.createDonation) throw new Error(`createDonation failed: ${JSON.stringify(donation.errors)}`);
  const district = funds.data!.allFunds.find((f) => f.name === `${PREFIX}${DISTRICT}`)!;
  const gift = await gql(
    server.graphqlUrl,
    `mutation Give($fundId: ID!, $receivedOn: LocalDate!, $key: String!) {
      createDonation(fundId: $fundId, amount: 2000000, receivedOn: $receivedOn, method: BANK_TRANSFER, donorName: "Ông Trần Văn Huyện", idempotencyKey: $key) { id }
    }`,
    { fundId: district.id, receivedOn: today, key: randomUUID() },
    manager,
  );
  if (!gift.data?.createDonation) throw new Error(`createDonation failed: ${JSON.stringify(gift.errors)}`);
});

describe('fund statements in the console', () => {
  it('shows the province statement with its totals and the balanced check, and downloads it as XLSX', async () => {
    const page = await ui.freshPage();
    await ui.signIn(page, 'ketoan@soquy.example', 'Báo cáo thu chi');
    await page.getByRole('menuitem', { name: 'Báo cáo thu chi' }).click();
    await page.getByRole('heading', { name: 'Báo cáo thu chi quỹ' }).waitFor();
    const balanced = page.getByTestId('statement-balanced');
    await balanced.waitFor();
    expect(await balanced.textContent()).toMatch(/^Cân đối/);
    const lines = page.getByTestId('statement-lines');
    const receipts = lines.getByRole('row').filter({ hasText: 'II. Thu trong kỳ' });
    expect(await receipts.getByRole('cell').nth(1).textContent()).toBe(money('14.345.000'));
    const closing = lines.getByRole('row').filter({ hasText: 'VI. Số dư cuối kỳ' });
    expect(await closing.getByRole('cell').nth(1).textContent()).toBe(money('14.345.000'));
    const byLevel = page.getByTestId('statement-by-level');
    expect(await byLevel.getByRole('row').filter({ hasText: 'Cấp tỉnh' }).getByRole('cell').last().textContent()).toBe(money('12.345.000'));
    expect(await byLevel.getByRole('row').filter({ hasText: 'Cấp huyện' }).getByRole('cell').last().textContent()).toBe(money('2.000.000'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải XLSX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-thu-chi-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await download.path())!) as never);
    let closingValue: unknown;
    workbook.getWorksheet('Báo cáo')!.eachRow((row) => {
      const values = row.values as unknown[];
      if (String(values[1] ?? '').startsWith('VI. Số dư cuối kỳ')) closingValue = values[2];
    });
    expect(closingValue).toBe(14_345_000);

    // Drill down from the rows by unit: the district's own statement.
    await page.getByTestId('statement-by-unit').getByRole('button', { name: DISTRICT }).click();
    await page.getByText(new RegExp(`^${DISTRICT}: `)).waitFor();
    await lines.getByRole('row').filter({ hasText: 'II. Thu trong kỳ' }).getByRole('cell').nth(1).filter({ hasText: money('2.000.000') }).waitFor();
    await page.close();
  });
});

import type { Page } from 'playwright-core';
import { consoleTests } from '../support/browser';

// The built console (admin/dist, `npm run build:admin`) served by the real API, in Debian's
// Chromium: sign-in, the units list and tree, scoping of a commune user, and the language switch.
// Sign-in lands on the dashboard (test/browser/dashboard.test.ts); these tests go on to the units.

jest.setTimeout(60_000);

const ui = consoleTests();
const freshPage = () => ui.freshPage();
const signIn = async (page: Page, email: string) => {
  await ui.signIn(page, email);
  await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();
  await page.getByRole('menuitem', { name: 'Đơn vị hành chính', exact: true }).click();
};

describe('the console', () => {
  it('signs the administrator in, lists the 237 units, finds Hải Hậu without diacritics and shows its place in the tree', async () => {
    const page = await freshPage();
    expect(await page.title()).toBe('Sổ Quỹ');
    await signIn(page, 'admin@soquy.example');

    await page.getByText('1-25 / 237').waitFor();
    await page.getByRole('menuitem', { name: 'Đơn vị hành chính', exact: true }).waitFor();
    await page.getByRole('menuitem', { name: 'Người dùng' }).waitFor();
    await page.getByRole('cell', { name: 'Tỉnh Nam Định', exact: true }).first().waitFor();

    await page.getByPlaceholder('Tìm kiếm').fill('hai hau');
    await page.getByText('1-1 / 1').waitFor();
    await page.getByRole('cell', { name: 'Huyện Hải Hậu' }).click();

    await page.waitForURL(/#\/AdministrativeUnit\/\d+\/show$/);
    const breadcrumb = page.getByRole('navigation', { name: 'Các đơn vị cấp trên' });
    await breadcrumb.getByRole('link', { name: 'Tỉnh Nam Định' }).waitFor();
    await breadcrumb.getByText('Huyện Hải Hậu').waitFor();
    await page.getByRole('heading', { name: 'Đơn vị trực thuộc' }).waitFor();
    await page.getByRole('cell', { name: 'Thị trấn Yên Định' }).waitFor();
    await page.getByText('1-10 / 34').waitFor();

    // A child opens its own page, whose breadcrumb leads back up the tree.
    await page.getByRole('cell', { name: 'Thị trấn Yên Định' }).click();
    await breadcrumb.getByRole('link', { name: 'Huyện Hải Hậu' }).waitFor();
    await breadcrumb.getByRole('link', { name: 'Tỉnh Nam Định' }).click();
    await page.getByRole('cell', { name: 'Huyện Hải Hậu' }).waitFor();
    await page.close();
  });

  it('shows a commune user only their commune, and no user management', async () => {
    const page = await freshPage();
    await signIn(page, 'xa13741@soquy.example');

    await page.getByText('1-1 / 1').waitFor();
    const rows = page.locator('.RaDatagrid-tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getByRole('cell', { name: 'Thị trấn Gôi' }).count()).toBe(1);
    await page.getByRole('menuitem', { name: 'Đơn vị hành chính', exact: true }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Người dùng' }).count()).toBe(0);

    // The list of users is refused, not merely hidden from the menu.
    await page.goto(`${ui.server.url}/#/User`);
    await page.getByText('Không có quyền truy cập').first().waitFor();
    await page.close();
  });

  it('switches to English from the app bar and keeps the choice', async () => {
    const page = await freshPage();
    await signIn(page, 'admin@soquy.example');
    await page.getByText('1-25 / 237').waitFor();

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();

    await page.getByText('1-25 of 237').waitFor();
    await page.getByRole('menuitem', { name: 'Administrative units' }).waitFor();
    await page.getByRole('menuitem', { name: 'Users' }).waitFor();
    await page.getByRole('columnheader', { name: 'Level' }).waitFor();
    await page.getByPlaceholder('Search').waitFor();
    await page.getByText('Province', { exact: true }).first().waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');

    await page.reload();
    await page.getByText('1-25 of 237').waitFor();
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('columnheader', { name: 'Full name' }).waitFor();
    await page.getByRole('cell', { name: 'System administrator' }).first().waitFor();
    await page.close();
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';

// The built console (admin/dist, `npm run build:admin`) served by the real API, in Debian's
// Chromium: sign-in, the units list and tree, scoping of a commune user, and the language switch.

jest.setTimeout(60_000);

const DEMO_PASSWORD = 'SoQuy@2025';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dist = path.resolve(__dirname, '../../admin/dist/index.html');

let server: TestServer;
let context: BrowserContext;
let profile: string;
/** Requests to anything but the API's origin (fonts, CDNs, telemetry…): there must be none. */
const outside: string[] = [];
/** Uncaught errors and Content-Security-Policy violations reported by the pages. */
const pageProblems: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(dist)) throw new Error('The console is not built: run `npm run build:admin` first');
  server = await startTestServer();
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'soquy-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'vi-VN',
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.url}/`) || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

afterEach(() => {
  expect(pageProblems).toEqual([]);
  expect(outside).toEqual([]);
  pageProblems.length = 0;
  outside.length = 0;
});

/** A new tab on the console with nothing stored: no session, no language choice. */
async function freshPage(): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageProblems.push(message.text());
  });
  await page.goto(`${server.url}/`);
  await page.evaluate('localStorage.clear()');
  await page.reload();
  return page;
}

/** Signs in through the Vietnamese form, the default. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sổ Quỹ' }).waitFor();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Mật khẩu' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('the console', () => {
  it('signs the administrator in, lists the 237 units, finds Hải Hậu without diacritics and shows its place in the tree', async () => {
    const page = await freshPage();
    expect(await page.title()).toBe('Sổ Quỹ');
    await signIn(page, 'admin@soquy.example');

    await page.getByText('1-25 / 237').waitFor();
    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).waitFor();
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
    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Người dùng' }).count()).toBe(0);

    // The list of users is refused, not merely hidden from the menu.
    await page.goto(`${server.url}/#/User`);
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

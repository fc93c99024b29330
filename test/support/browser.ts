import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../api/src/seed/demo';
import { startTestServer, type TestServer } from './server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dist = path.resolve(__dirname, '../../admin/dist/index.html');

export interface ConsoleTests {
  /** The API serving the built console, started in beforeAll. */
  readonly server: TestServer;
  /** A new tab on the console with nothing stored: no session, no language choice. */
  freshPage(): Promise<Page>;
  /** Signs in through the Vietnamese form; waits for `menuItem` when given. */
  signIn(page: Page, email: string, menuItem?: string): Promise<void>;
}

/**
 * Registers the hooks of a console test file: the real API on a fresh database (after `prepare`),
 * Debian's Chromium through playwright-core, and after each test the checks that no request left
 * the API's origin and no page error or CSP violation happened.
 */
export function consoleTests(prepare?: (server: TestServer) => Promise<void>): ConsoleTests {
  let server: TestServer | undefined;
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  const outside: string[] = [];
  const pageProblems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(dist)) throw new Error('The console is not built: run `npm run build:admin` first');
    server = await startTestServer();
    await prepare?.(server);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'soquy-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'vi-VN',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const origin = server.url;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    // A first load of the console in a new Chromium can take long on a busy machine: do it here,
    // with room, so that no test's own waits pay for it.
    const warm = await context.newPage();
    await warm.goto(`${origin}/`);
    await warm.getByRole('heading', { name: 'Sổ Quỹ' }).waitFor({ timeout: 90_000 });
    await warm.close();
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

  return {
    get server() {
      if (!server) throw new Error('the test server starts in beforeAll');
      return server;
    },
    async freshPage() {
      const page = await context!.newPage();
      page.setDefaultTimeout(30_000);
      page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageProblems.push(message.text());
      });
      // Clear the origin's storage from a page without the console: a loaded console may write its
      // stored list filters back after a clear, and the next test would start filtered.
      await page.goto(`${server!.url}/healthz`);
      await page.evaluate('localStorage.clear(); sessionStorage.clear()');
      await page.goto(`${server!.url}/`);
      return page;
    },
    async signIn(page, email, menuItem) {
      await page.getByRole('heading', { name: 'Sổ Quỹ' }).waitFor();
      await page.getByRole('textbox', { name: 'Email' }).fill(email);
      await page.getByRole('textbox', { name: 'Mật khẩu' }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      if (menuItem) await page.getByRole('menuitem', { name: menuItem }).waitFor();
    },
  };
}

/** "1.500.000 ₫" (with a non-breaking space) as a number of đồng. */
export function amountOf(text: string): number {
  const match = /(-?)([\d.]+)\u00a0₫/.exec(text.trim());
  if (!match) throw new Error(`Not an amount: "${text}"`);
  return Number(`${match[1]}${match[2]!.replace(/\./g, '')}`);
}

/** Opens a step's dialog from the page's toolbar button and returns the dialog. */
export async function openStep(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

/** Confirms the open dialog with its button and waits for it to close. */
export async function confirm(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** A disbursement step through its dialog (Gửi duyệt, Duyệt, Chi tiền). */
export async function disbursementStep(page: Page, name: string): Promise<void> {
  await openStep(page, name);
  await confirm(page, name);
}

/** Waits until an input holds a value (filled in once its data has loaded), then checks it. */
export async function valueOf(input: Locator, expected: string): Promise<void> {
  const until = Date.now() + 15_000;
  let value = await input.inputValue();
  while (value !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await input.inputValue();
  }
  expect(value).toBe(expected);
}

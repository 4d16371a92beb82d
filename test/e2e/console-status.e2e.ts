import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '#main/backend/lib/paths';
import { launchChromium } from '#test/helpers/browser';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';

const RESULTS = join(appRoot(), 'test-results');
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(appRoot(), 'dist', 'renderer', 'index.html'))) {
    throw new Error('The console is not built: run `npm run build` first (npm test does).');
  }
  mkdirSync(RESULTS, { recursive: true });
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('staff console', () => {
  it('logs the admin in and shows the store status', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await page.goto(server.url);
    await page.getByTestId('login-identifier').fill(ADMIN.email);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();

    await expect.poll(() => page.getByTestId('status-page').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('health-status').textContent()).toBe('ok');
    expect(await page.getByTestId('version').textContent()).toContain(server.backend.version);
    await expect
      .poll(() => page.getByTestId('count-products').textContent())
      .toMatch(/^\s*3\d\s*$/);
    expect(Number(await page.getByTestId('count-categories').textContent())).toBeGreaterThanOrEqual(
      4,
    );
    expect(await page.getByTestId('user-name').textContent()).toContain('Quản trị viên');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.screenshot({ path: join(RESULTS, 'console-status.png'), fullPage: true });

    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: join(RESULTS, 'console-status-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the server error for a wrong password and keeps the user on the login page', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByTestId('login-identifier').fill(ADMIN.email);
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-password').press('Enter');
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toContain('Thông tin đăng nhập không chính xác');
    expect(await page.getByTestId('status-page').count()).toBe(0);
    await page.close();
  });

  it('refuses customers: the console is for staff', async () => {
    const reg = await server.request('POST', '/users/register', {
      body: { name: 'Khách hàng', email: 'khach@store.test', password: 'khach-123456' },
    });
    expect(reg.status).toBe(201);
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByTestId('login-identifier').fill('khach@store.test');
    await page.getByTestId('login-password').fill('khach-123456');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').isVisible()).toBe(true);
    expect(await page.getByTestId('status-page').count()).toBe(0);
    await page.close();
  });
});

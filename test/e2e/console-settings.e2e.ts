import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '#main/backend/lib/paths';
import { launchChromium } from '#test/helpers/browser';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';
import { normalize, openConsole, screenshot } from './console-page.helper.ts';

const RESULTS = join(appRoot(), 'test-results');
let server: TestServer;
let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  if (!existsSync(join(appRoot(), 'dist', 'renderer', 'index.html'))) {
    throw new Error('The console is not built: run `npm run build` first (npm test does).');
  }
  mkdirSync(RESULTS, { recursive: true });
  server = await startTestServer();
  browser = await launchChromium();
  adminToken = await server.login(ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function storedSettings() {
  const res = await server.request('GET', '/admin/settings/rental', { token: adminToken });
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('staff console: rental settings', () => {
  it('shows the stored rules, saves changes and still shows them after a reload', async () => {
    const { page, errors } = await openConsole(browser, server, 'settings');
    const minDays = page.getByTestId('rental-min-days');
    const maxDays = page.getByTestId('rental-max-days');

    // Seed 002's defaults, as the server sends them.
    await expect.poll(() => minDays.inputValue()).toBe('1');
    expect(await maxDays.inputValue()).toBe('30');
    expect(await page.getByTestId('rental-deposit-rate').inputValue()).toBe('80');
    expect(await page.getByTestId('rental-overdue-rate').inputValue()).toBe('150');
    expect(await page.getByTestId('rental-policy').inputValue()).toBe('flexible');
    expect(await page.getByTestId('rental-rent-to-own').isChecked()).toBe(true);
    expect(normalize(await page.getByTestId('rental-summary-days').textContent())).toBe(
      '1–30 ngày',
    );

    // A maximum below the minimum is refused before it is sent.
    await minDays.fill('10');
    await maxDays.fill('5');
    await page.getByTestId('rental-settings-save').click();
    await expect
      .poll(() => page.getByTestId('form-error').textContent())
      .toBe('Số ngày tối đa không được nhỏ hơn số ngày tối thiểu.');
    expect(await maxDays.getAttribute('aria-invalid')).toBe('true');
    expect((await storedSettings()).duration_limits).toEqual({ min_days: 1, max_days: 30 });

    await minDays.fill('2');
    await maxDays.fill('14');
    await page.getByTestId('rental-deposit-rate').fill('50,5');
    await page.getByTestId('rental-overdue-rate').fill('200');
    await page.getByTestId('rental-policy').selectOption('strict');
    await page.getByTestId('rental-rent-to-own').uncheck();
    await page.getByTestId('rental-settings-save').click();
    await expect
      .poll(() => page.getByTestId('toast').last().textContent())
      .toContain('Đã lưu cài đặt cho thuê.');
    // The summary shows what the server now holds, not what was typed.
    await expect
      .poll(async () => normalize(await page.getByTestId('rental-summary-days').textContent()))
      .toBe('2–14 ngày');
    expect(normalize(await page.getByTestId('rental-summary-deposit').textContent())).toBe('50,5%');
    expect(await page.getByTestId('rental-summary-policy').textContent()).toBe('Nghiêm ngặt');
    expect(await page.getByTestId('rental-summary-rent-to-own').textContent()).toBe('Tắt');
    expect(await storedSettings()).toEqual({
      duration_limits: { min_days: 2, max_days: 14 },
      deposit: { default_rate: 50.5 },
      penalty: { overdue_fee_rate: 200, cancellation_policy: 'strict' },
      rent_to_own: { enabled: false, rent_deduction: 100 },
    });
    await screenshot(page, join(RESULTS, 'console-rental-settings.png'));

    await page.reload();
    await expect.poll(() => page.getByTestId('rental-min-days').inputValue()).toBe('2');
    expect(await page.getByTestId('rental-max-days').inputValue()).toBe('14');
    expect(await page.getByTestId('rental-deposit-rate').inputValue()).toBe('50.5');
    expect(await page.getByTestId('rental-overdue-rate').inputValue()).toBe('200');
    expect(await page.getByTestId('rental-policy').inputValue()).toBe('strict');
    expect(await page.getByTestId('rental-rent-to-own').isChecked()).toBe(false);

    // In English, the same stored values in English words.
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Settings');
    expect(normalize(await page.getByTestId('rental-summary-days').textContent())).toBe(
      '2–14 days',
    );
    expect(await page.getByTestId('rental-summary-policy').textContent()).toBe('Strict');
    await page.getByTestId('lang-toggle').click();
    expect(errors).toEqual([]);
    await page.close();
  });
});

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
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  browser = await launchChromium();
  adminToken = await server.login(ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface StoredPromotion {
  id: number;
  code: string;
  name: string;
  scope: string;
  start_date: string;
  end_date: string;
  quantity: number | null;
  target_ranks: string[];
  status: boolean;
  discount_config: { type: string; value: number };
  min_order_amount: number;
  product_ids: number[];
  category_ids: number[];
}

async function storedPromotions(): Promise<StoredPromotion[]> {
  const res = await server.request('GET', '/admin/promotions?limit=100', { token: adminToken });
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('staff console: promotions', () => {
  it('creates a promotion from the form, refuses a code in use, edits and deletes it', async () => {
    const taken = await server.request('POST', '/admin/promotions', {
      token: adminToken,
      body: {
        name: 'Mừng khai trương',
        code: 'KHAITRUONG',
        scope: 'all',
        start_date: '2030-01-01T00:00',
        end_date: '2030-12-31T23:59',
        discount_config: { type: 'amount', value: 20_000 },
      },
    });
    expect(taken.status, taken.text).toBe(200);
    const categories = await server.request('GET', '/admin/categories?limit=100', {
      token: adminToken,
    });
    const coffee = categories.body.data.find((c: { name: string }) => c.name === 'Cà phê & Trà');

    const { page, errors } = await openConsole(browser, server, 'promotions');
    const rows = page.getByTestId('promotion-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(normalize(await rows.first().getByTestId('promotion-discount').textContent())).toBe(
      '20.000 ₫',
    );
    expect(await rows.first().getByTestId('promotion-state').textContent()).toBe('Sắp diễn ra');

    await page.getByTestId('promotion-new').click();
    const form = page.getByTestId('promotion-form');
    await page.getByTestId('promotion-name').fill('Tết cà phê');
    // Codes are typed in any case and kept in capitals.
    await page.getByTestId('promotion-code-input').fill('tet-caphe');
    expect(await page.getByTestId('promotion-code-input').inputValue()).toBe('TET-CAPHE');
    await page.getByTestId('promotion-scope').selectOption('buy');
    await page.getByTestId('promotion-discount-value').fill('150');
    await page.getByTestId('promotion-min-order').fill('100.000');
    await page.getByTestId('promotion-quantity').fill('50');
    await page.getByTestId('promotion-ranks').fill('Gold, Diamond');
    await page.getByTestId('promotion-start').fill('2030-02-01T08:00');
    await page.getByTestId('promotion-end').fill('2030-01-31T08:00');
    await page
      .getByTestId('promotion-categories')
      .getByRole('checkbox', { name: 'Cà phê & Trà' })
      .check();
    await page.getByTestId('promotion-product-search').fill('Robusta');
    const robusta = page
      .getByTestId('promotion-products')
      .getByRole('checkbox', { name: 'Cà phê Robusta Buôn Ma Thuột' });
    await robusta.check();
    expect(await page.getByTestId('promotion-products-chosen').textContent()).toContain(
      'Cà phê Robusta Buôn Ma Thuột',
    );

    // What the console can tell by itself it says before asking the server, field by field.
    await page.getByTestId('promotion-save').click();
    await expect
      .poll(() => page.getByTestId('form-error').textContent())
      .toBe('Giảm theo phần trăm tối đa là 100%.');
    const value = page.getByTestId('promotion-discount-value');
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    expect(await value.evaluate((el) => el === document.activeElement)).toBe(true);
    await value.fill('15');
    await page.getByTestId('promotion-save').click();
    await expect
      .poll(() => page.getByTestId('form-error').textContent())
      .toBe('Thời điểm kết thúc phải sau thời điểm bắt đầu.');
    expect(await page.getByTestId('promotion-end').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('promotion-end').fill('2030-02-28T22:00');
    expect((await storedPromotions()).length).toBe(1);

    // A code already in use: only the server knows; its message, and the code input marked.
    await page.getByTestId('promotion-code-input').fill('khaitruong');
    await page.getByTestId('promotion-save').click();
    await expect
      .poll(() => page.getByTestId('form-error').textContent())
      .toBe('Promotion code KHAITRUONG already exists');
    const code = page.getByTestId('promotion-code-input');
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await code.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await value.getAttribute('aria-invalid')).toBe(null);
    await screenshot(page, join(RESULTS, 'console-promotion-error.png'));
    expect((await storedPromotions()).length).toBe(1);

    await code.fill('TET-CAPHE');
    await page.getByTestId('promotion-save').click();
    await expect.poll(() => page.getByTestId('toast').last().textContent()).toContain('TET-CAPHE');
    expect(await form.count()).toBe(0);
    const row = rows.filter({ hasText: 'TET-CAPHE' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('promotion-name-cell').textContent()).toBe('Tết cà phê');
    expect(await row.getByTestId('promotion-discount').textContent()).toBe('15%');
    expect(normalize(await row.getByTestId('promotion-usage').textContent())).toBe('0 / 50');
    await screenshot(page, join(RESULTS, 'console-promotions.png'));

    const created = (await storedPromotions()).find((p) => p.code === 'TET-CAPHE');
    expect(created).toMatchObject({
      name: 'Tết cà phê',
      scope: 'buy',
      // Typed in Vietnam time (UTC+7) and answered the way seed 002 writes dates: the same
      // wall-clock time, without a zone.
      start_date: '2030-02-01T08:00:00',
      end_date: '2030-02-28T22:00:00',
      quantity: 50,
      target_ranks: ['Gold', 'Diamond'],
      status: true,
      discount_config: { type: 'percentage', value: 15 },
      min_order_amount: 100_000,
      product_ids: [1],
      category_ids: [coffee.id],
    });

    // Edit: the form opens with what is stored, in Vietnam time.
    await row.getByTestId('promotion-edit').click();
    await expect.poll(() => page.getByTestId('promotion-name').inputValue()).toBe('Tết cà phê');
    expect(await page.getByTestId('promotion-start').inputValue()).toBe('2030-02-01T08:00');
    expect(await page.getByTestId('promotion-end').inputValue()).toBe('2030-02-28T22:00');
    expect(await page.getByTestId('promotion-scope').inputValue()).toBe('buy');
    expect(await page.getByTestId('promotion-ranks').inputValue()).toBe('Gold, Diamond');
    expect(
      await page
        .getByTestId('promotion-categories')
        .getByRole('checkbox', { name: 'Cà phê & Trà' })
        .isChecked(),
    ).toBe(true);
    // The chosen product is named, though the form only received its id.
    const chosen = page.getByTestId('promotion-products-chosen');
    await expect.poll(() => chosen.textContent()).toContain('Cà phê Robusta Buôn Ma Thuột');
    await chosen.getByRole('button', { name: 'Bỏ “Cà phê Robusta Buôn Ma Thuột”' }).click();
    expect(await chosen.count()).toBe(0);
    await page.getByTestId('promotion-discount-type').selectOption('amount');
    await page.getByTestId('promotion-discount-value').fill('25.000');
    await page.getByTestId('promotion-quantity').fill('');
    await page.getByTestId('promotion-active').uncheck();
    await page.getByTestId('promotion-save').click();
    await expect
      .poll(async () => normalize(await row.getByTestId('promotion-discount').textContent()))
      .toBe('25.000 ₫');
    expect(await row.getByTestId('promotion-state').textContent()).toBe('Tạm dừng');
    const edited = (await storedPromotions()).find((p) => p.code === 'TET-CAPHE');
    expect(edited).toMatchObject({
      discount_config: { type: 'amount', value: 25_000 },
      quantity: null,
      status: false,
      start_date: '2030-02-01T08:00:00',
      product_ids: [],
      category_ids: [coffee.id],
    });

    // Delete, after confirming.
    await row.getByTestId('promotion-delete').click();
    expect(await page.getByTestId('confirm-dialog').textContent()).toContain('TET-CAPHE');
    await page.getByTestId('confirm-ok').click();
    await expect
      .poll(() => page.getByTestId('toast').last().textContent())
      .toContain('Promotion permanently deleted');
    await expect.poll(() => row.count()).toBe(0);
    const res = await server.request('GET', `/admin/promotions/${edited!.id}`, {
      token: adminToken,
    });
    expect(res.status).toBe(404);
    expect((await storedPromotions()).map((p) => p.code)).toEqual(['KHAITRUONG']);
    expect(errors).toEqual([]);
    await page.close();
  });
});

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '#main/backend/lib/paths';
import { launchChromium } from '#test/helpers/browser';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';
import { orderDetail, placeOrders, type PlacedOrders } from './console-orders.helper.ts';
import { normalize, openConsole, screenshot } from './console-page.helper.ts';

const RESULTS = join(appRoot(), 'test-results');
let server: TestServer;
let browser: Browser;
let adminToken: string;
let orders: PlacedOrders;

beforeAll(async () => {
  if (!existsSync(join(appRoot(), 'dist', 'renderer', 'index.html'))) {
    throw new Error('The console is not built: run `npm run build` first (npm test does).');
  }
  mkdirSync(RESULTS, { recursive: true });
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  browser = await launchChromium();
  adminToken = await server.login(ADMIN.email, ADMIN.password);
  orders = await placeOrders(server, adminToken, {
    name: 'Chị Hoa',
    email: 'hoa@store.test',
    password: 'hoa-123456',
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const variantStock = async (sku: string): Promise<number> => {
  const res = await server.request('GET', '/admin/products/1', { token: adminToken });
  expect(res.status).toBe(200);
  return res.body.data.variants.find((v: { sku: string }) => v.sku === sku).stock;
};

describe('staff console: orders', () => {
  it('lists, filters and searches orders, then confirms and cancels a sale', async () => {
    const { page, errors } = await openConsole(browser, server, 'orders');
    const rows = page.getByTestId('order-row');
    const saleRow = rows.filter({ hasText: orders.sale.number });
    const rentalRow = rows.filter({ hasText: orders.rental.number });

    await expect.poll(() => rows.count()).toBe(2);
    expect(normalize(await saleRow.getByTestId('order-total').textContent())).toBe('195.000 ₫');
    expect(await saleRow.getByTestId('order-customer').textContent()).toBe('Chị Hoa');
    expect(await saleRow.getByTestId('order-status').textContent()).toBe('Chờ xác nhận');
    expect(normalize(await rentalRow.getByTestId('order-total').textContent())).toBe('1.150.000 ₫');

    // The type filter and the search both go to the server.
    await page.getByTestId('order-filter-rental').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rentalRow.count()).toBe(1);
    await page.getByTestId('order-filter-all').click();
    await page.getByTestId('order-search').fill(orders.sale.number);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await saleRow.count()).toBe(1);
    await page.getByTestId('order-search').fill('không có đơn này');
    await expect.poll(() => page.getByTestId('orders-empty').isVisible()).toBe(true);
    await page.getByTestId('order-search').fill('');
    await expect.poll(() => rows.count()).toBe(2);

    // Opening by keyboard: the order number is the row's button.
    await saleRow.getByTestId('order-open').focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('order-detail');
    await expect.poll(() => detail.getByTestId('order-item').count()).toBe(1);
    expect(normalize(await detail.getByTestId('order-item').textContent())).toContain(
      'Cà phê Robusta Buôn Ma Thuột',
    );
    expect(normalize(await detail.getByTestId('order-item').textContent())).toContain('65.000 ₫');
    expect(normalize(await detail.getByTestId('order-total-due').textContent())).toBe('195.000 ₫');
    expect(await detail.getByTestId('order-customer-name').textContent()).toBe('Chị Hoa');
    expect(await detail.textContent()).toContain('9 Hùng Vương, Huế');
    const history = detail.getByTestId('order-history-entry');
    expect(await history.count()).toBe(1);
    // A pending sale can be confirmed or cancelled, nothing else.
    expect(await detail.getByTestId('order-action-ship').count()).toBe(0);
    expect(await detail.getByTestId('order-action-complete').count()).toBe(0);
    await screenshot(page, join(RESULTS, 'console-order-detail.png'));

    await detail.getByTestId('order-note').fill('Đã gọi xác nhận với khách');
    await detail.getByTestId('order-action-confirm').click();
    await expect
      .poll(() => detail.getByTestId('order-detail-status').getAttribute('data-status'))
      .toBe('Confirmed');
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.last().textContent()).toContain('Đã gọi xác nhận với khách');
    await expect.poll(() => saleRow.getByTestId('order-status').textContent()).toBe('Đã xác nhận');
    expect(await page.getByTestId('toast').last().textContent()).toContain(orders.sale.number);
    // The next step for a confirmed sale is shipping.
    expect(await detail.getByTestId('order-action-ship').count()).toBe(1);
    expect(await detail.getByTestId('order-action-confirm').count()).toBe(0);
    expect(await detail.getByTestId('order-note').inputValue()).toBe('');

    const confirmed = await orderDetail(server, adminToken, orders.sale.id, 'sale');
    expect(confirmed.status).toBe('Confirmed');
    expect(confirmed.history.map((h: { to: string }) => h.to)).toEqual(['Pending', 'Confirmed']);
    expect(confirmed.history[1].note).toBe('Đã gọi xác nhận với khách');

    // Cancelling asks first; dismissing the question changes nothing.
    const stockBefore = await variantStock('CS-001-1');
    await detail.getByTestId('order-action-cancel').click();
    await page.getByTestId('confirm-cancel').click();
    expect(await page.getByTestId('confirm-dialog').count()).toBe(0);
    expect((await orderDetail(server, adminToken, orders.sale.id, 'sale')).status).toBe(
      'Confirmed',
    );
    await detail.getByTestId('order-action-cancel').click();
    await page.getByTestId('confirm-ok').click();
    await expect
      .poll(() => detail.getByTestId('order-detail-status').getAttribute('data-status'))
      .toBe('Cancelled');
    await expect.poll(() => detail.getByTestId('order-no-actions').isVisible()).toBe(true);
    expect(await history.count()).toBe(3);
    expect((await orderDetail(server, adminToken, orders.sale.id, 'sale')).status).toBe(
      'Cancelled',
    );
    // The three bags went back on the shelf.
    expect(await variantStock('CS-001-1')).toBe(stockBefore + 3);
    await screenshot(page, join(RESULTS, 'console-order-cancelled.png'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the server's reason when a step is no longer allowed", async () => {
    const { page, errors } = await openConsole(browser, server, 'orders');
    await page.getByTestId('order-filter-rental').click();
    const row = page.getByTestId('order-row').filter({ hasText: orders.rental.number });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('order-open').click();
    const detail = page.getByTestId('order-detail');
    const start = detail.getByTestId('order-action-confirm');
    await expect.poll(() => start.textContent()).toBe('Bắt đầu chuẩn bị');
    expect(await start.getAttribute('data-next-status')).toBe('Preparing');
    // The rental's days and deposit are part of what the customer owes.
    expect(normalize(await detail.getByTestId('order-item').textContent())).toContain('150.000 ₫');
    expect(normalize(await detail.getByTestId('order-total-due').textContent())).toBe(
      '1.150.000 ₫',
    );

    // Someone else cancels the rental while this screen still offers to prepare it.
    const cancelled = await server.request(
      'PATCH',
      `/admin/orders/${orders.rental.id}/status?type=rental`,
      { token: adminToken, body: { status: 'Cancelled' } },
    );
    expect(cancelled.status, cancelled.text).toBe(200);
    await start.click();
    await expect
      .poll(() => detail.getByTestId('form-error').textContent())
      .toBe('Cannot change order status from Cancelled to Preparing');
    expect((await orderDetail(server, adminToken, orders.rental.id, 'rental')).status).toBe(
      'Cancelled',
    );
    // Switching to English translates the console's words but not the server's.
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Orders');
    expect(await detail.getByTestId('form-error').textContent()).toBe(
      'Cannot change order status from Cancelled to Preparing',
    );
    await page.getByTestId('lang-toggle').click();
    expect(errors).toEqual([]);
    await page.close();
  });
});

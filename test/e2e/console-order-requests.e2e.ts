import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '#main/backend/lib/paths';
import { launchChromium } from '#test/helpers/browser';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';
import { orderDetail, placeOrders, type PlacedOrders } from './console-orders.helper.ts';
import { openConsole, screenshot } from './console-page.helper.ts';

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
    name: 'Anh Minh',
    email: 'minh@store.test',
    password: 'minh-123456',
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function askToCancel(reason: string) {
  const res = await server.request('POST', `/api/v1/orders/${orders.sale.id}/cancel-request`, {
    token: orders.customerToken,
    body: { reason },
  });
  expect(res.status, res.text).toBe(200);
}

describe('staff console: customer requests and rental preparation', () => {
  it("declines, then accepts, a customer's cancel request", async () => {
    await askToCancel('Đặt nhầm số lượng');
    const { page, errors } = await openConsole(browser, server, 'orders');
    const row = page.getByTestId('order-row').filter({ hasText: orders.sale.number });
    await expect
      .poll(() => row.getByTestId('order-status').textContent())
      .toBe('Khách yêu cầu hủy');
    await row.getByTestId('order-open').click();
    const detail = page.getByTestId('order-detail');
    const review = detail.getByTestId('order-request-review');
    await expect
      .poll(() => review.getByTestId('order-request-customer-reason').textContent())
      .toContain('Đặt nhầm số lượng');
    // An open request is settled by reviewing it, not by the ordinary status buttons.
    expect(await detail.getByTestId('order-action-cancel').count()).toBe(0);
    expect(await detail.getByTestId('order-action-confirm').count()).toBe(0);
    await screenshot(page, join(RESULTS, 'console-order-request.png'));

    await review.getByTestId('order-request-reason').fill('Đơn đã đóng gói, anh nhận giúp nhé');
    await review.getByTestId('order-request-decline').click();
    await expect
      .poll(() => detail.getByTestId('order-detail-status').getAttribute('data-status'))
      .toBe('Pending');
    expect(await detail.getByTestId('order-request-review').count()).toBe(0);
    const declined = await orderDetail(server, adminToken, orders.sale.id, 'sale');
    expect(declined.status).toBe('Pending');
    expect(declined.history.map((h: { to: string }) => h.to)).toEqual([
      'Pending',
      'Cancel Requested',
      'Pending',
    ]);
    await expect.poll(() => detail.getByTestId('order-history-entry').count()).toBe(3);

    // Asked again; accepting ends the order, so the console asks first.
    await askToCancel('Không cần nữa');
    await page.reload();
    await row.getByTestId('order-open').click();
    await detail.getByTestId('order-request-accept').click();
    await page.getByTestId('confirm-ok').click();
    await expect
      .poll(() => detail.getByTestId('order-detail-status').getAttribute('data-status'))
      .toBe('Cancelled');
    expect((await orderDetail(server, adminToken, orders.sale.id, 'sale')).status).toBe(
      'Cancelled',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('records which unit goes out with a rental, and in what condition', async () => {
    const { page, errors } = await openConsole(browser, server, 'orders');
    const row = page.getByTestId('order-row').filter({ hasText: orders.rental.number });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('order-open').click();
    const detail = page.getByTestId('order-detail');
    const form = detail.getByTestId('rental-prep-form');
    await expect.poll(() => form.getByTestId('rental-prep-item').count()).toBe(1);

    await form.getByTestId('rental-prep-description').fill('Xe mới, phanh tốt');
    await form.getByTestId('rental-prep-save').click();
    await expect
      .poll(() => form.getByTestId('form-error').textContent())
      .toBe('Vui lòng nhập mã tài sản.');
    expect(await form.getByTestId('rental-prep-asset').getAttribute('aria-invalid')).toBe('true');

    await form.getByTestId('rental-prep-asset').fill('XE-001');
    await form.getByTestId('rental-prep-photos').fill('/media/demo/xe-001-truoc.jpg');
    await form.getByTestId('rental-prep-save').click();
    await expect
      .poll(() => detail.getByTestId('order-item-asset').textContent())
      .toContain('XE-001');
    expect(await form.getByTestId('rental-prep-asset').inputValue()).toBe('');
    const [item] = (await orderDetail(server, adminToken, orders.rental.id, 'rental')).items;
    expect(item).toMatchObject({
      asset_id: 'XE-001',
      condition_note: 'Xe mới, phanh tốt',
      evidence_photos: ['/media/demo/xe-001-truoc.jpg'],
    });

    // Preparing the first unit starts the order's preparation; the form stays for the rest.
    await expect
      .poll(() => detail.getByTestId('order-detail-status').getAttribute('data-status'))
      .toBe('Preparing');
    expect(await form.count()).toBe(1);
    // Handing the bike over closes it.
    await detail.getByTestId('order-action-ship').click();
    await expect
      .poll(() => detail.getByTestId('order-detail-status').getAttribute('data-status'))
      .toBe('Active');
    expect(await form.count()).toBe(0);
    expect((await orderDetail(server, adminToken, orders.rental.id, 'rental')).status).toBe(
      'Active',
    );
    await screenshot(page, join(RESULTS, 'console-order-rental.png'));
    expect(errors).toEqual([]);
    await page.close();
  });
});

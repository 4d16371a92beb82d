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

async function findProduct(name: string) {
  const res = await server.request('GET', `/admin/products?search=${encodeURIComponent(name)}`, {
    token: adminToken,
  });
  expect(res.status).toBe(200);
  return (res.body.data as { id: number; name: string }[]).find((p) => p.name === name);
}

async function productDetail(id: number) {
  const res = await server.request('GET', `/admin/products/${id}`, { token: adminToken });
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('staff console: catalog', () => {
  it('searches, creates, edits, refuses a duplicate SKU and deletes a product', async () => {
    const { page, errors } = await openConsole(browser, server, 'products');
    const rows = page.getByTestId('product-row');

    await page.getByTestId('product-search').fill('ca phe');
    await expect.poll(() => rows.filter({ hasText: 'Cà phê Robusta' }).count()).toBe(1);
    const names = await page.getByTestId('product-name-cell').allTextContents();
    expect(names.filter((n) => n.startsWith('Cà phê')).length).toBeGreaterThanOrEqual(3);
    const robusta = rows.filter({ hasText: 'Cà phê Robusta Buôn Ma Thuột' });
    expect(normalize(await robusta.getByTestId('product-price').textContent())).toBe('65.000 ₫');
    expect(await robusta.textContent()).toContain('CS-001-1');
    await screenshot(page, join(RESULTS, 'console-products.png'));

    // Everything on the page follows the language toggle, except the server's own words.
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Products');
    expect(await robusta.locator('.badge').textContent()).toBe('In stock');
    expect(normalize(await page.getByTestId('pager-info').textContent())).toBe(
      'Page 1 of 1 · 6 items',
    );
    await screenshot(page, join(RESULTS, 'console-products-en.png'));
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sản phẩm');

    // Create, with two variants.
    const name = 'Trà sen Tây Hồ E2E';
    await page.getByTestId('product-new').click();
    const form = page.getByTestId('product-form');
    await page.getByTestId('product-name').fill(name);
    await page.getByTestId('product-category').selectOption({ label: 'Cà phê & Trà' });
    await page.getByTestId('product-description').fill('Trà ướp sen Tây Hồ');
    await page.getByTestId('product-tags').fill('trà, quà tặng');
    await page.getByTestId('product-hot').check();
    await page.getByTestId('product-images').fill('/media/demo/ca-phe-arabica-cau-dat.svg');
    const variants = page.getByTestId('variant-row');
    await variants.nth(0).getByTestId('variant-sku').fill('E2E-TRA-100');
    await variants.nth(0).getByTestId('variant-size').fill('100g');
    await variants.nth(0).getByTestId('variant-price').fill('120000');
    await variants.nth(0).getByTestId('variant-stock').fill('12');
    await page.getByTestId('variant-add').click();
    await variants.nth(1).getByTestId('variant-sku').fill('E2E-TRA-250');
    await variants.nth(1).getByTestId('variant-size').fill('250g');
    // The console refuses what is not a whole number of đồng before asking the server.
    await variants.nth(1).getByTestId('variant-price').fill('12,5');
    await page.getByTestId('product-save').click();
    await expect
      .poll(() => page.getByTestId('form-error').textContent())
      .toContain('số nguyên không âm');
    expect(await variants.nth(1).getByTestId('variant-price').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await variants.nth(1).getByTestId('variant-price').fill('250.000');
    await variants.nth(1).getByTestId('variant-stock').fill('5');
    await screenshot(page, join(RESULTS, 'console-product-form.png'));
    await page.getByTestId('product-save').click();
    await expect.poll(() => page.getByTestId('toast').last().textContent()).toContain(name);
    expect(await form.count()).toBe(0);

    const created = await findProduct(name);
    expect(created).toBeDefined();
    const detail = await productDetail(created!.id);
    expect(detail.category_id).toBe(1);
    // Tags are a set: the server returns them sorted.
    expect([...detail.tags].sort()).toEqual(['quà tặng', 'trà']);
    expect(detail.is_hot).toBe(true);
    expect(detail.images.map((i: { url: string }) => i.url)).toEqual([
      '/media/demo/ca-phe-arabica-cau-dat.svg',
    ]);
    expect(
      detail.variants.map((v: { sku: string; price: number; stock: number }) => [
        v.sku,
        v.price,
        v.stock,
      ]),
    ).toEqual([
      ['E2E-TRA-100', 120000, 12],
      ['E2E-TRA-250', 250000, 5],
    ]);

    // A field the form does not show, set through the API, must survive a save from the form.
    const withCondition = detail.variants.map((v: { id: number; sku: string }, i: number) => ({
      ...v,
      condition: i === 0 ? 'Hàng trưng bày' : 'New',
    }));
    const patched = await server.request('PATCH', `/admin/products/${created!.id}`, {
      token: adminToken,
      body: { variants: withCondition },
    });
    expect(patched.status).toBe(200);

    // Edit the first variant's price.
    await page.getByTestId('product-search').fill(name);
    const row = rows.filter({ hasText: name });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('product-edit').click();
    await expect
      .poll(() => variants.nth(0).getByTestId('variant-sku').inputValue())
      .toBe('E2E-TRA-100');
    expect(await page.getByTestId('product-name').inputValue()).toBe(name);
    await variants.nth(0).getByTestId('variant-price').fill('135000');
    await page.getByTestId('product-save').click();
    await expect.poll(() => row.getByTestId('product-price').textContent()).toMatch(/135\.000/);
    const edited = await productDetail(created!.id);
    expect(edited.variants.map((v: { price: number }) => v.price)).toEqual([135000, 250000]);
    expect(edited.variants[0].condition).toBe('Hàng trưng bày');
    expect(edited.variants.map((v: { id: number }) => v.id)).toEqual(
      detail.variants.map((v: { id: number }) => v.id),
    );

    // A SKU that another product already uses: the server's message, and the field marked.
    await row.getByTestId('product-edit').click();
    const secondSku = variants.nth(1).getByTestId('variant-sku');
    await secondSku.fill('CS-001-1');
    await page.getByTestId('product-save').click();
    await expect
      .poll(() => page.getByTestId('form-error').textContent())
      .toContain('SKU CS-001-1 already exists');
    expect(await secondSku.getAttribute('aria-invalid')).toBe('true');
    expect(await secondSku.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await variants.nth(0).getByTestId('variant-sku').getAttribute('aria-invalid')).toBe(
      null,
    );
    await screenshot(page, join(RESULTS, 'console-product-error.png'));
    await page.getByRole('button', { name: 'Hủy' }).click();
    expect((await productDetail(created!.id)).variants[1].sku).toBe('E2E-TRA-250');

    // Delete, after confirming.
    await row.getByTestId('product-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect
      .poll(() => page.getByTestId('toast').last().textContent())
      .toContain('Product permanently deleted');
    await expect.poll(() => row.count()).toBe(0);
    expect(await findProduct(name)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('creates and renames a category, and shows why a category with products stays', async () => {
    const { page, errors } = await openConsole(browser, server, 'categories');
    const rows = page.getByTestId('category-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(6);

    await page.getByTestId('category-name').fill('Đồ gia dụng E2E');
    await page.getByTestId('category-save').click();
    const created = rows.filter({ hasText: 'Đồ gia dụng E2E' });
    await expect.poll(() => created.count()).toBe(1);
    expect(normalize(await created.getByTestId('category-count').textContent())).toBe('0');

    await created.getByTestId('category-rename').click();
    const input = page.getByTestId('category-name');
    expect(await input.inputValue()).toBe('Đồ gia dụng E2E');
    await input.fill('Đồ gia dụng');
    await page.getByTestId('category-save').click();
    await expect.poll(() => rows.filter({ hasText: /^Đồ gia dụngdo-gia-dung/ }).count()).toBe(1);
    const list = await server.request('GET', '/admin/categories?limit=100', { token: adminToken });
    const names = list.body.data.map((c: { name: string }) => c.name);
    expect(names).toContain('Đồ gia dụng');
    expect(names).not.toContain('Đồ gia dụng E2E');

    // A name already taken is refused, with the input marked.
    await input.fill('Đồ uống');
    await page.getByTestId('category-save').click();
    await expect
      .poll(() => page.getByTestId('form-error').textContent())
      .toContain('Category name already exists');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('');

    const coffee = rows.filter({ hasText: 'Cà phê & Trà' });
    await coffee.getByTestId('category-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect
      .poll(() => page.getByTestId('toast').last().textContent())
      .toContain('Cannot delete category because it contains');
    expect(await coffee.count()).toBe(1);
    await screenshot(page, join(RESULTS, 'console-categories.png'));

    await rows.filter({ hasText: 'Đồ gia dụng' }).getByTestId('category-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => rows.filter({ hasText: 'Đồ gia dụng' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("answers a customer's review", async () => {
    const customer = { name: 'Nguyễn Thị Mai', email: 'mai@store.test', password: 'mai-123456' };
    const reg = await server.request('POST', '/users/register', { body: customer });
    expect(reg.status).toBe(201);
    const customerToken = await server.login(customer.email, customer.password);
    const products = await server.request('GET', '/products?limit=100');
    const robusta = products.body.data.find(
      (p: { name: string }) => p.name === 'Cà phê Robusta Buôn Ma Thuột',
    );
    const rated = await server.request('POST', `/products/${robusta.id}/ratings`, {
      token: customerToken,
      body: { stars: 4, comment: 'Ngon' },
    });
    expect(rated.status).toBe(201);

    const { page, errors } = await openConsole(browser, server, 'reviews');
    await page.getByTestId('review-product-search').fill('Robusta');
    const option = page.getByTestId('review-product-option').filter({ hasText: 'Robusta' });
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    const review = page.getByTestId('review-row').filter({ hasText: 'Ngon' });
    await expect.poll(() => review.count()).toBe(1);
    expect(await review.textContent()).toContain(customer.name);
    expect(normalize(await page.getByTestId('review-total').textContent())).toBe('1 đánh giá');
    expect(normalize(await page.getByTestId('review-average').textContent())).toBe('4,0');

    await review.getByTestId('review-reply').fill('Cảm ơn chị đã ủng hộ cửa hàng!');
    await screenshot(page, join(RESULTS, 'console-reviews-reply.png'));
    await review.getByTestId('review-reply-save').click();
    await expect
      .poll(() => review.getByTestId('review-admin-reply').textContent())
      .toContain('Cảm ơn chị đã ủng hộ cửa hàng!');
    await screenshot(page, join(RESULTS, 'console-reviews.png'));

    const productId = (await findProduct('Cà phê Robusta Buôn Ma Thuột'))!.id;
    const res = await server.request('GET', `/admin/reviews/${productId}`, { token: adminToken });
    expect(res.status).toBe(200);
    const [saved] = res.body.data.reviews;
    expect(saved.content).toBe('Ngon');
    expect(saved.admin_reply.content).toBe('Cảm ơn chị đã ủng hộ cửa hàng!');
    expect(saved.permissions.can_reply).toBe(false);

    await page.getByTestId('review-filter-unanswered').click();
    await expect.poll(() => page.getByTestId('reviews-empty').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

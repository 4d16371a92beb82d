import type { Browser, Page } from 'playwright-core';
import { ADMIN, type TestServer } from '#test/helpers/test-server';

export interface ConsolePage {
  page: Page;
  /** Uncaught exceptions and console errors other than the failed requests a test provokes. */
  errors: string[];
}

/** A fresh tab, signed in as the admin, at `#/<route>`. */
export async function openConsole(
  browser: Browser,
  server: TestServer,
  route: string,
): Promise<ConsolePage> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Chromium logs every 4xx answer; the tests provoke some on purpose.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      errors.push(m.text());
    }
  });
  await page.goto(server.url);
  await page.getByTestId('login-identifier').fill(ADMIN.email);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('status-page').waitFor();
  await page.goto(`${server.url}/#/${route}`);
  return { page, errors };
}

/** Text as a person reads it: Intl puts a no-break space between "65.000" and "₫". */
export function normalize(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A full-page picture from the top: the sidebar and header are sticky, and a page scrolled to
 * a focused field would be captured with them drawn halfway down.
 */
export async function screenshot(page: Page, path: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
}

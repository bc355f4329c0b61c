import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoSlug } from '../../src/server/demo/demo-data';
import { contentSecurityPolicy } from '../../src/server/http/security-headers';
import { type E2eServer, launchBrowser, newPage, startServer } from './support';

// Issue 10 §5: every page of the built app carries the CSP and runs under it without a violation (a
// violation is a console error, which `newPage` collects). The other browser tests run under it too.

let server: E2eServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

it('serves each area and the home page with the CSP, and they run under it', async () => {
  const context = await browser.newContext();
  const { page, problems } = await newPage(context);
  for (const path of ['/', '/console/', '/app/', `/rdv/${demoSlug}`]) {
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.headers()['content-security-policy'], path).toBe(contentSecurityPolicy);
    expect(response?.headers()['x-frame-options'], path).toBe('DENY');
    await page.getByRole('heading').first().waitFor();
  }
  // the home page's look comes from its style sheet, not an inline <style> the CSP would block
  const color = await page
    .goto(`${server.url}/`)
    .then(() => page.evaluate(() => getComputedStyle(document.querySelector('h1') as Element).color));
  expect(color).toBe('rgb(15, 110, 110)');
  expect(problems).toEqual([]);
  await context.close();
});

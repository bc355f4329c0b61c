import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoSlug } from '../../src/server/demo/demo-data';
import { expectNoSeriousA11yViolations } from './axe';
import { leaDurand, signInPatientApi } from './demo';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

let server: E2eServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const phone = { viewport: phoneViewport, isMobile: true, hasTouch: true };

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): string {
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/** Waits until the app's service worker controls the page (it claims open pages when it activates). */
async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 15_000,
  });
}

it('links a valid manifest with its icons, and the service worker controls /app only', async () => {
  const context = await browser.newContext(phone);
  const { page, problems } = await newPage(context);
  await page.goto(`${server.url}/app`);
  await page.getByRole('heading', { name: 'Bienvenue' }).waitFor();

  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/app/manifest.webmanifest');
  const answer = await context.request.get(`${server.url}${href}`);
  expect(answer.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = (await answer.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    scope: string;
    display: string;
    lang: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({
    name: 'Sourire',
    short_name: 'Sourire',
    start_url: '/app',
    scope: '/app',
    display: 'standalone',
    lang: 'fr',
  });
  expect(manifest.theme_color).toBe(await page.locator('meta[name="theme-color"]').getAttribute('content'));
  // the colours the app shows: header (brand) and page background (canvas)
  expect(manifest.theme_color).toBe('#0f6e6e');
  expect(manifest.background_color).toBe('#f4f7f8');
  const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
  expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
    '192x192 any',
    '192x192 maskable',
    '512x512 any',
    '512x512 maskable',
  ]);
  for (const icon of pngs) {
    const image = await context.request.get(`${server.url}${icon.src}`);
    expect(image.headers()['content-type']).toBe('image/png');
    expect(pngSize(await image.body())).toBe(icon.sizes);
  }
  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect(pngSize(await (await context.request.get(`${server.url}${touchIcon}`)).body())).toBe('180x180');

  // Chromium's own reading of the manifest: no error
  const cdp = await context.newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  expect(parsed.errors).toEqual([]);

  // the worker: revalidated on every check, allowed to control /app (above its folder), and in control
  const worker = await context.request.get(`${server.url}/app/sw.js`);
  expect(worker.headers()['cache-control']).toBe('no-cache');
  expect(worker.headers()['service-worker-allowed']).toBe('/app');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${server.url}/app`);
  await controlledByServiceWorker(page);

  // the booking page and the console are outside its scope
  for (const path of [`/rdv/${demoSlug}`, '/console/']) {
    const other = await context.newPage();
    await other.goto(`${server.url}${path}`);
    expect(await other.evaluate(() => navigator.serviceWorker.controller === null)).toBe(true);
    await other.close();
  }
  expect(problems).toEqual([]);
  await context.close();
});

it('reloads offline into the signed-in app with the last known appointments, and forgets them on sign-out', async () => {
  const context = await browser.newContext(phone);
  const { page, problems } = await newPage(context);
  await signInPatientApi(context, server, leaDurand);
  await page.goto(`${server.url}/app`);
  await page.getByRole('heading', { name: 'Bonjour Léa' }).waitFor();
  await controlledByServiceWorker(page);
  // the first load ran before the worker took control: online loads through it store the patient data
  await page.reload();
  const next = page.getByRole('region', { name: 'Prochain rendez-vous' });
  await page.waitForLoadState('networkidle');
  const nextOnline = await next.textContent();
  expect(nextOnline).not.toContain('Chargement');
  await page.goto(`${server.url}/app/rdv`);
  await page.getByRole('heading', { name: 'Mes rendez-vous' }).waitFor();
  await page.waitForLoadState('networkidle');
  const listOnline = await page.locator('main').textContent();

  await context.setOffline(true);
  const offlineAnswers = new Set<string>();
  page.on('response', (response) => {
    if (response.headers()['x-sourire-offline'] === '1') offlineAnswers.add(new URL(response.url()).pathname);
  });
  await page.reload();
  await page.getByRole('heading', { name: 'Mes rendez-vous' }).waitFor();
  const banner = page.getByRole('status').filter({ hasText: 'Hors connexion' });
  await banner.waitFor();
  // the same appointments, under the offline notice
  const listOffline = (await page.locator('main').textContent()) ?? '';
  expect(listOffline.replace((await banner.textContent()) ?? '', '')).toBe(listOnline);
  await page.goto(`${server.url}/app`);
  await page.getByRole('heading', { name: 'Bonjour Léa' }).waitFor();
  await expect.poll(() => next.textContent()).toBe(nextOnline);
  expect([...offlineAnswers].sort()).toEqual([
    '/api/patient/appointments',
    '/api/patient/home',
    '/api/patient/me',
  ]);
  // nothing but the patient data is stored
  const stored = await page.evaluate(async () => {
    const cache = await caches.open('sourire-app-data');
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  });
  expect(stored.every((path) => /^\/api\/patient\/(me|home|appointments)$/.test(path))).toBe(true);

  // signing out (online) deletes the stored data: offline, nobody's file shows any more
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('heading', { name: 'Bienvenue' }).waitFor();
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('alert').waitFor();
  expect(await page.getByText('Bonjour Léa').count()).toBe(0);
  expect(await page.evaluate(async () => (await (await caches.open('sourire-app-data')).keys()).length)).toBe(
    0,
  );
  expect(problems).toEqual([]);
  await context.close();
});

it('has no serious accessibility violation on the app sign-in page and the booking page, on a phone', async () => {
  const context = await browser.newContext(phone);
  const { page, problems } = await newPage(context);
  await page.goto(`${server.url}/app`);
  await page.getByRole('heading', { name: 'Bienvenue' }).waitFor();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`${server.url}/rdv/${demoSlug}`);
  await page.getByRole('heading', { level: 1, name: /Cabinet dentaire des Tilleuls/ }).waitFor();
  await expectNoSeriousA11yViolations(page);
  expect(problems).toEqual([]);
  await context.close();
});

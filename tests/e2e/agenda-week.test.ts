import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/demo/demo-data';
import { expectNoSeriousA11yViolations } from './axe';
import { demoAccounts } from './demo';
import { type E2eServer, launchBrowser, newPage, startServer } from './support';

/** Issue 9 §2.8: the week of three practitioners, readable at 1366 px. */
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

async function signIn(page: Page, path = '/console/agenda') {
  await page.goto(`${server.url}${path}`);
  await page.getByLabel('Adresse e-mail').fill(demoAccounts.secretary);
  await page.getByLabel('Mot de passe').fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

it('shows Monday to Friday of three practitioners at 1366 px without scrolling sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, problems } = await newPage(context);
  await signIn(page);
  await page.getByRole('button', { name: 'Semaine', exact: true }).click();
  // next week: a whole working week of the demo ahead
  await page.getByRole('button', { name: 'Période suivante' }).click();
  await page.locator('.agenda-appointment').first().waitFor();
  await page.screenshot({ path: '/tmp/week-1366.png' });

  const widths = await page.evaluate(() => {
    const scroll = document.querySelector('.agenda-scroll') as HTMLElement;
    return {
      page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      grid: [scroll.scrollWidth, scroll.clientWidth],
    };
  });
  expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1] ?? 0);
  expect(widths.grid[0]).toBeLessThanOrEqual(widths.grid[1] ?? 0);
  for (const day of ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.']) {
    const header = page.locator('.agenda-day strong', { hasText: day });
    const box = await header.boundingBox();
    expect(box, day).not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1366);
  }
  // the three columns of a day are the three practitioners
  const names = await page
    .locator('.agenda-day')
    .first()
    .locator('.agenda-day__names span')
    .allTextContents();
  expect(names).toEqual(['Bernard', 'Haddad', 'Moreau']);

  // each block says the patient and the motif (short label, coloured)
  const block = page.locator('.agenda-appointment:not(.is-cancelled)').first();
  const label = (await block.locator('button').getAttribute('aria-label')) ?? '';
  const [, patient = '', motif = ''] = label.split(', ');
  const text = (await block.textContent()) ?? '';
  expect(text).toContain(patient.split(' ')[0]);
  const shortLabel = await block
    .locator('.agenda-appointment__motif, .agenda-appointment__motif-inline')
    .textContent();
  expect(shortLabel?.replace('·', '').trim().length).toBeGreaterThan(2);
  expect(motif.toLowerCase()).toContain(
    (shortLabel ?? '').replace('·', '').trim().split(' ')[0]?.toLowerCase(),
  );
  expect(await block.evaluate((element) => getComputedStyle(element).borderLeftColor)).not.toBe(
    'rgb(0, 0, 0)',
  );

  // keyboard: Tab reaches the blocks, and focus shows the card (patient, motif, times, status)
  await page.getByRole('button', { name: 'Période suivante' }).focus();
  let focused = '';
  for (let step = 0; step < 40 && !focused.includes('agenda-appointment__body'); step += 1) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.className ?? '');
  }
  expect(focused).toContain('agenda-appointment__body');
  const card = page.getByRole('tooltip');
  await card.waitFor();
  const focusedLabel = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  const [times = '', who = '', what = ''] = focusedLabel.split(', ');
  const cardText = (await card.textContent()) ?? '';
  expect(cardText).toContain(who);
  expect(cardText).toContain(what);
  expect(cardText).toContain(times.replace('–', '–'));
  expect(cardText).toMatch(/Statut/);
  const cardBox = await card.boundingBox();
  expect((cardBox?.x ?? 0) + (cardBox?.width ?? 0)).toBeLessThanOrEqual(1366);
  await page.screenshot({ path: '/tmp/week-card.png' });
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });

  // Enter opens the panel, which floats over the week instead of squeezing it
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Rendez-vous' });
  await panel
    .getByText(who.split(' ')[0] ?? '-', { exact: false })
    .first()
    .waitFor();
  const squeezed = await page.evaluate(() => {
    const scroll = document.querySelector('.agenda-scroll') as HTMLElement;
    return scroll.scrollWidth - scroll.clientWidth;
  });
  expect(squeezed).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '/tmp/week-panel.png' });
  await panel.getByRole('button', { name: 'Fermer le détail' }).click();

  // one practitioner alone: key 2 shows Dr Haddad only, 0 all again
  await page.keyboard.press('2');
  await expect
    .poll(() => page.locator('.agenda-day').first().locator('.agenda-day__names span').allTextContents())
    .toEqual(['Dr Haddad']);
  await page.keyboard.press('0');
  await expect
    .poll(() => page.locator('.agenda-day').first().locator('.agenda-day__names span').count())
    .toBe(3);
  expect(problems).toEqual([]);
  await context.close();
});

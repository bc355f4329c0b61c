import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { messages } from '../../src/server/db/schema';
import { makePatient } from '../support/factories';
import { expectNoSeriousA11yViolations } from './axe';
import {
  type DemoIdentity,
  demoAccounts,
  demoPatient,
  demoPracticeRow,
  leaDurand,
  paulDurand,
  signInPatientApi,
  signInStaff,
} from './demo';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

/**
 * Who signs a message written on a family phone (issue 9 §3.16): the composer's "Qui écrit ?" offers the
 * phone's family, the person signed in first chosen; the practice sees the name chosen. Checked at 360 px
 * with axe.
 */

const phone = { viewport: phoneViewport, isMobile: true, hasTouch: true };

let server: E2eServer;
let browser: Browser;
const ids = { paul: '', lea: '' };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ids.paul = (await demoPatient(server.deps.db, 'Durand', 'Paul')).id;
  ids.lea = (await demoPatient(server.deps.db, 'Durand', 'Léa')).id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A phone signed in as `identity`, on a screen of the app. */
async function phoneOf(
  identity: DemoIdentity,
  path: string,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext(phone);
  await signInPatientApi(context, server, identity);
  const { page, problems } = await newPage(context);
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/app${path}`);
  return { context, page, problems };
}

async function checkScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    phoneViewport.width,
  );
  await expectNoSeriousA11yViolations(page);
}

it('on Paul’s phone, Léa is chosen as the writer: the app and the console show her name', async () => {
  const { context, page, problems } = await phoneOf(paulDurand, `/messagerie/${ids.lea}`);
  await page.getByRole('heading', { level: 1, name: 'Messages · Léa Durand' }).waitFor();
  const writer = page.getByLabel('Qui écrit ?');
  // the person signed in is chosen first
  expect(await writer.inputValue()).toBe(ids.paul);
  expect(await writer.locator('option').allTextContents()).toEqual(
    expect.arrayContaining(['Paul Durand (vous)', 'Léa Durand', 'Hugo Durand']),
  );
  await writer.selectOption({ label: 'Léa Durand' });
  const text = 'C’est Léa : mon appareil me fait mal depuis hier.';
  await page.getByLabel('Votre message').fill(text);
  await checkScreen(page);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await page.getByText('Message envoyé.').waitFor();

  const list = page.getByRole('region', { name: 'Messages, du plus ancien au plus récent' });
  const item = list.locator('li', { hasText: text });
  await item.waitFor();
  expect(await item.textContent()).toContain('Léa Durand');
  expect(await item.textContent()).not.toContain('Paul Durand');
  // the choice stays for the next message
  expect(await page.getByLabel('Qui écrit ?').inputValue()).toBe(ids.lea);
  await checkScreen(page);
  // stored under Léa, sent from Paul's verified phone
  const [row] = await server.deps.db.select().from(messages).where(eq(messages.body, text));
  expect(row).toMatchObject({ authorPatientId: ids.lea, senderPhone: paulDurand.e164 });
  expect(problems).toEqual([]);
  await context.close();

  // the practice's thread names Léa as the writer
  const desk = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const { page: deskPage, problems: deskProblems } = await newPage(desk);
  await signInStaff(deskPage, server, demoAccounts.secretary, `/console/messages/${ids.lea}`);
  await deskPage.getByRole('heading', { name: 'Conversation avec Léa Durand' }).waitFor();
  await deskPage.getByRole('article', { name: 'Message de Léa Durand' }).getByText(text).waitFor();
  expect(deskProblems).toEqual([]);
  await desk.close();
});

it('Léa signed in on her father’s phone writes as herself by default', async () => {
  const { context, page, problems } = await phoneOf(leaDurand, `/messagerie/${ids.lea}`);
  await page.getByRole('heading', { level: 1, name: 'Messages · Léa Durand' }).waitFor();
  expect(await page.getByLabel('Qui écrit ?').inputValue()).toBe(ids.lea);
  const text = 'Bonjour, je peux venir mercredi après les cours ?';
  await page.getByLabel('Votre message').fill(text);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await page.getByText('Message envoyé.').waitFor();
  const item = page
    .getByRole('region', { name: 'Messages, du plus ancien au plus récent' })
    .locator('li', { hasText: text });
  await item.waitFor();
  expect(await item.textContent()).toContain('Léa Durand');
  expect(problems).toEqual([]);
  await context.close();
});

it('a phone of one person asks nobody who is writing', async () => {
  const practice = await demoPracticeRow(server.deps.db);
  const alone: DemoIdentity = {
    phone: '06 39 95 40 17',
    e164: '+33639954017',
    lastName: 'Garnier',
    firstName: 'Inès',
    birthDate: '1991-02-08',
  };
  const ines = await makePatient(server.deps.db, practice.id, {
    lastName: alone.lastName,
    firstName: alone.firstName,
    birthDate: alone.birthDate,
    mobilePhone: alone.e164,
  });
  const { context, page, problems } = await phoneOf(alone, `/messagerie/${ines.id}`);
  await page.getByRole('heading', { level: 1, name: 'Messages · Inès Garnier' }).waitFor();
  await page.getByLabel('Votre message').waitFor();
  expect(await page.getByLabel('Qui écrit ?').count()).toBe(0);
  const text = 'Bonjour, une question sur mon devis.';
  await page.getByLabel('Votre message').fill(text);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await page.getByText('Message envoyé.').waitFor();
  const [row] = await server.deps.db.select().from(messages).where(eq(messages.body, text));
  expect(row?.authorPatientId).toBe(ines.id);
  await checkScreen(page);
  expect(problems).toEqual([]);
  await context.close();
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumFlags, chromiumPath } from './lighthouse-run';

export interface Installability {
  installable: boolean;
  errors: string[];
  serviceWorker: boolean;
}

/**
 * Chromium's own verdict on "can this page be installed" (Lighthouse 12 dropped its PWA category): the page is
 * loaded in a phone-sized context, given a few seconds for its service worker to take control, then asked
 * through the DevTools protocol (`Page.getInstallabilityErrors`). A persistent profile, because Chromium never
 * installs from an incognito context (which `browser.newContext()` is).
 */
export async function checkInstallability(url: string): Promise<Installability> {
  const profile = mkdtempSync(join(tmpdir(), 'sourire-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumFlags,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const serviceWorker = await page.evaluate(async () => {
      if (!('serviceWorker' in navigator)) return false;
      const deadline = Date.now() + 8000;
      while (Date.now() < deadline) {
        if (navigator.serviceWorker.controller) return true;
        const registration = await navigator.serviceWorker.getRegistration();
        if (!registration && Date.now() > deadline - 5000) return false;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return false;
    });
    const session = await context.newCDPSession(page);
    const answer = await session.send('Page.getInstallabilityErrors');
    const errors = answer.installabilityErrors.map((error) =>
      [error.errorId, ...error.errorArguments.map((argument) => `${argument.name}=${argument.value}`)].join(
        ' ',
      ),
    );
    return { installable: errors.length === 0, errors, serviceWorker };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

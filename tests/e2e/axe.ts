import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Runs axe-core (every rule it runs by default: WCAG 2.x A/AA and best practices) on the page as it is now and
 * fails listing each serious or critical violation with the elements at fault. The page must come from
 * `browser.newContext()` (axe opens frames through the context).
 */
export async function expectNoSeriousA11yViolations(page: Page, options: { exclude?: string[] } = {}) {
  let builder = new AxeBuilder({ page });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 5).map((node) => node.target.join(' '));
      return `${violation.id} (${violation.impact}): ${violation.help} — ${nodes.join(', ')}`;
    });
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

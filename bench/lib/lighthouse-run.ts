import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const categories = ['performance', 'accessibility', 'best-practices'] as const;
const metrics = {
  fcp_ms: 'first-contentful-paint',
  lcp_ms: 'largest-contentful-paint',
  tbt_ms: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
} as const;

export interface LighthouseFigures {
  scores: Record<(typeof categories)[number], number>;
  metrics: Record<keyof typeof metrics, number>;
  /** Audits of the three categories that did not pass, for the report (not asserted). */
  failed: string[];
  /** HTTP status of each same-origin request of the page load, by path (e.g. `/api/patient/me` → 200). */
  statuses: Map<string, number>;
}

/**
 * Lighthouse `runs` times on a page and the median run by performance score (Lighthouse's own advice: one run
 * varies with the machine's load, and here other work shares two cores).
 */
export async function medianLighthouse(
  url: string,
  runs: number,
  cookie?: string,
): Promise<LighthouseFigures> {
  const results: LighthouseFigures[] = [];
  for (let run = 0; run < runs; run += 1) results.push(await runLighthouse(url, cookie));
  results.sort((a, b) => a.scores.performance - b.scores.performance);
  const median = results[Math.floor((results.length - 1) / 2)];
  if (!median) throw new Error('no Lighthouse run');
  return median;
}

/** One Lighthouse run, mobile profile (Lighthouse's default: Moto G Power, simulated slow 4G), fresh Chromium. */
async function runLighthouse(url: string, cookie?: string): Promise<LighthouseFigures> {
  const chrome = await launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
      ...(cookie ? { extraHeaders: { cookie } } : {}),
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const auditIds = new Set(
      categories.flatMap((id) => (lhr.categories[id]?.auditRefs ?? []).map((ref) => ref.id)),
    );
    const failed = [...auditIds].filter((id) => {
      const audit = lhr.audits[id];
      return (
        audit !== undefined &&
        audit.score !== null &&
        audit.score < 0.9 &&
        ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)
      );
    });
    const requests = lhr.audits['network-requests']?.details;
    const statuses = new Map<string, number>();
    if (requests?.type === 'table') {
      for (const item of requests.items) {
        if (typeof item.url === 'string' && typeof item.statusCode === 'number') {
          statuses.set(new URL(item.url).pathname, item.statusCode);
        }
      }
    }
    return {
      statuses,
      scores: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
      },
      metrics: {
        fcp_ms: Math.round(numeric(metrics.fcp_ms)),
        lcp_ms: Math.round(numeric(metrics.lcp_ms)),
        tbt_ms: Math.round(numeric(metrics.tbt_ms)),
        cls: Math.round(numeric(metrics.cls) * 1000) / 1000,
      },
      failed,
    };
  } finally {
    chrome.kill();
  }
}

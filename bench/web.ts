// `npm run bench:web`: Lighthouse (mobile) on the patient app and the public booking page, Chromium's
// installability verdict, and the patient app's initial JavaScript. Builds the web app, starts the real server
// (`src/server/main.ts`) on a free port with a temporary DATA_DIR and the demo practice. Prints `name: value`
// lines; figures vary from run to run and machine to machine, nothing is asserted.
// Targets (issue 5): performance ≥ 90, accessibility ≥ 95, app initial JS ≤ 150 KB gzip.
// `--no-build` reuses dist/web as it is; `--runs=N` audits each page N times and keeps the median run (3).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { demoSlug } from '../src/server/demo/demo-data';
import { areaPages, distWeb, initialJs } from './lib/initial-js';
import { checkInstallability } from './lib/installability';
import { type LighthouseFigures, medianLighthouse } from './lib/lighthouse-run';
import { signInDemoPatient } from './lib/patient-session';
import { startRealServer } from './lib/real-server';

function print(prefix: string, figures: LighthouseFigures): void {
  console.log(`${prefix}_performance: ${figures.scores.performance}`);
  console.log(`${prefix}_accessibility: ${figures.scores.accessibility}`);
  console.log(`${prefix}_best_practices: ${figures.scores['best-practices']}`);
  for (const [name, value] of Object.entries(figures.metrics)) console.log(`${prefix}_${name}: ${value}`);
  console.log(`${prefix}_failed_audits: ${figures.failed.join(', ') || 'none'}`);
}

async function installable(prefix: string, url: string): Promise<void> {
  const verdict = await checkInstallability(url);
  console.log(`${prefix}_installable: ${verdict.installable ? 1 : 0}`);
  console.log(`${prefix}_service_worker: ${verdict.serviceWorker ? 1 : 0}`);
  console.log(`${prefix}_installability_errors: ${verdict.errors.join('; ') || 'none'}`);
}

const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 3);

async function main(): Promise<void> {
  // Lighthouse's simulated CPU slowdown applies on top of the real one: the load says how busy the machine was.
  console.log(`bench_load_average_1m: ${loadavg()[0]?.toFixed(2)}`);
  console.log(`lighthouse_runs_per_page: ${runs}`);
  if (!process.argv.includes('--no-build')) await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  // dist/web is shared: a browser-test run in the same checkout rebuilds it meanwhile (under vitest, with
  // NODE_ENV=test, so with React's development build), and the figures would be that build's. Said below.
  const appPage = () => readFileSync(join(distWeb, areaPages.app), 'utf8');
  const builtPage = appPage();
  const server = await startRealServer();
  try {
    const app = `${server.url}/app`;
    const booking = `${server.url}/rdv/${demoSlug}`;

    // The signed-in home (APP-2) is what a returning patient opens; the sign-in page is measured too.
    const home = await medianLighthouse(app, runs, await signInDemoPatient(server.url));
    print('app', home);
    // 1 when the audited page really was the signed-in home (its session check answered 200).
    console.log(`app_signed_in: ${home.statuses.get('/api/patient/me') === 200 ? 1 : 0}`);
    await installable('app', app);
    print('app_sign_in', await medianLighthouse(app, runs));
    print('booking', await medianLighthouse(booking, runs));
    await installable('booking', booking);

    const js = initialJs('app');
    console.log(`app_initial_js_gzip_kb: ${js.gzipKb.toFixed(1)}`);
    console.log(`app_initial_js_files: ${js.files}`);
    // 0: another build replaced dist/web during the run; run again where nothing else builds (a copy)
    console.log(`bench_build_unchanged: ${appPage() === builtPage ? 1 : 0}`);
    console.log(`bench_load_average_1m_end: ${loadavg()[0]?.toFixed(2)}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});

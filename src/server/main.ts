import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { type AppDeps, systemClock } from './context';
import { openDatabase } from './db/client';
import { demoSignInSheet, demoWanted, isDatabaseEmpty, seedDemo } from './demo/seed-demo';
import { seedDemoActivity } from './demo/seed-demo-activity';
import { fileStorageFromConfig } from './files/from-config';
import { privateUmask, secureDataDir } from './files/secure-data-dir';
import { type JobRunner, startJobRunner } from './jobs/runner';
import { sweepFiles } from './jobs/sweep-files';
import { localBus, postgresBus } from './live/live-bus';
import { createTransports } from './modules/outbox/transports';
import { backfillNameKeys } from './modules/patients/name-keys';
import { forgetSetupLink, issueSetupLink } from './modules/setup/setup-link';

/** Start-up: configuration, database and migrations, demo seed, HTTP server, background jobs. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  // Before anything is written: the keys `loadConfig` may create, the database, the stored files.
  process.umask(privateUmask);
  const config = loadConfig();
  await secureDataDir(config.dataDir);
  const database = await openDatabase(config.database);
  await database.migrate();
  // PGlite unpacks a new database with mode 0666 whatever the umask: close it again
  const dataDirCheck = await secureDataDir(config.dataDir);
  await backfillNameKeys(database.db);

  const empty = await isDatabaseEmpty(database.db);
  const seeded = demoWanted(config, empty) ? await seedDemo(database.db, systemClock.now()) : false;
  // no practice and no demo: the first administrator is created from a one-time link (or admin:create)
  const setupLink =
    empty && !seeded ? await issueSetupLink(config.dataDir, config.publicUrl, systemClock.now()) : null;
  if (!empty) await forgetSetupLink(config.dataDir);

  let runner: JobRunner | null = null;
  const transports = createTransports(config);
  const live =
    config.database.kind === 'postgres'
      ? await postgresBus(config.database.url, (error) =>
          process.stderr.write(`live updates: ${String(error)}\n`),
        )
      : localBus();
  const deps: AppDeps = {
    config,
    db: database.db,
    dbKind: database.kind,
    clock: systemClock,
    transports,
    kickOutbox: () => runner?.kick(),
    migrationState: () => database.migrationState(),
    live,
    files: fileStorageFromConfig(config.files),
  };
  // conversations, documents, waiting list, outbox: they need the file storage, hence the deps
  if (seeded) await seedDemoActivity(deps);
  const app = await buildApp(deps);
  // uploads a crash cut short, files whose row was never written (then hourly, with the housekeeping)
  const swept = await sweepFiles(deps);
  if (swept.temporaryRemoved + swept.orphansRemoved > 0) app.log.info({ swept }, 'stored files swept');
  if (dataDirCheck.fixed > 0) app.log.info({ dataDir: dataDirCheck }, 'data directory made private');
  // what PostgreSQL writes later follows the umask, but PGlite rewrites a few files 0644: repair hourly
  const dataDirTimer = setInterval(
    () =>
      void secureDataDir(config.dataDir).catch((error) =>
        app.log.error({ err: error }, 'data directory check failed'),
      ),
    3600_000,
  );
  dataDirTimer.unref();
  if (config.jobs) runner = startJobRunner(deps, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    clearInterval(dataDirTimer);
    await app.close();
    await runner?.stop();
    await live.close();
    transports.email?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const sheet = await demoSignInSheet(database.db, config.publicUrl);
  const readyMs = Math.round(performance.now() - startedAt);
  const lines = [
    '',
    `Sourire is ready at ${config.publicUrl} (${database.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL'}, ${readyMs} ms${seeded ? ', demo practice created' : ''})`,
    `API documentation: ${config.publicUrl}/api/docs${config.apiDocsPublic ? '' : ' (for signed-in staff; API_DOCS_PUBLIC=true opens it)'}`,
    ...(sheet ?? []),
    ...(setupLink ? firstStartLines(setupLink.url, setupLink.expiresAt) : []),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** What the first start of an empty install prints: the link is shown here only, never logged. */
function firstStartLines(url: string, expiresAt: Date): string[] {
  return [
    'No practice yet. Create the practice and its first administrator with this one-time link',
    `(valid until ${expiresAt.toISOString()}, once; restarting the server prints a new one):`,
    `  ${url}`,
    'or from this machine: npm run admin:create',
    'A demo practice with sample patients is created only with DEMO=true (never on a server patients use).',
  ];
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Sourire could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});

// Online booking under load: 200 concurrent clients book over loopback HTTP on the real app, on an
// in-memory PGlite and, when DATABASE_URL is set, on PostgreSQL (a fresh `sourire_bench_<random>`
// database on that server, dropped at the end). Prints `name: value unit` lines; a benchmark, never a test.
//
//   npm run bench:booking                                 # PGlite, plus PostgreSQL if DATABASE_URL is set
//   BENCH_DB=pglite … / BENCH_DB=postgres …               # one database only
//   BENCH_SECONDS=20 BENCH_WARMUP_SECONDS=5 BENCH_BASELINE_SECONDS=5 BENCH_CLIENTS=200 …  # windows, clients
//   BENCH_KEEP_DB=1 …                                     # keep the PostgreSQL database (printed) for psql
//   BENCH_LOG_ERRORS=1 …                                  # log the server errors (JSON, level error) to stdout
//
// Per database: the app is built with `buildApp(deps)` (logger off, no job runner), plus a bare route
// `GET /bench/ping` answering `{ ok: true }` through the same hooks (guard, web headers), and listens on
// 127.0.0.1:<random port>. One practice is open online: a 30-minute motif bookable online without delays
// (min 0 minutes, max 90 days), 10 practitioners open Monday–Friday 08:00–20:00 (Europe/Paris, 15-minute
// grid, public holidays closed) for the next 13 weeks, 200 known patients, each with a booking grant
// inserted directly (the SMS step is not measured; the bench keeps the clear tokens).
//
// Load comes from a forked process (bench/booking-load.ts), 200 keep-alive connections in closed loops:
// 1. `fastify_baseline_per_s`: GET /bench/ping for BENCH_BASELINE_SECONDS after a 1 s warm-up;
// 2. bookings: POST /api/public/practices/:slug/bookings for BENCH_SECONDS after BENCH_WARMUP_SECONDS, slots
//    chosen from the free slots fetched once at the start, with deliberate contention (see the load
//    script). 201 and 409 SLOT_TAKEN are both completed requests; anything else is an error.
// Then SQL counts overlapping live appointments of a practitioner (`double_bookings`, must be 0) and
// checks that every 201 is an appointment in the database and nothing else was created.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { type EventLoopUtilization, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { parseEnv, toConfig } from '../src/server/config';
import { type AppDeps, systemClock } from '../src/server/context';
import { type Database, type Db, openDatabase } from '../src/server/db/client';
import * as schema from '../src/server/db/schema';
import { fileStorageFromConfig } from '../src/server/files/from-config';
import { localBus } from '../src/server/live/live-bus';
import { hashToken, newToken } from '../src/server/modules/auth/tokens';
import type {
  BaselineJob,
  BookingJob,
  LatencySummary,
  LoadJob,
  LoadMessage,
  LoadResult,
} from './booking-load';
import {
  countStatements,
  installStatementCounter,
  type MinimalSetup,
  minimalBooking,
  runMinimal,
  setUpMinimal,
} from './booking-probes';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const BOOKING_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** long enough for every client to complete a few bookings before the window opens */
const BOOKING_WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 5);
const MINIMAL_SECONDS = Number(process.env.BENCH_MINIMAL_SECONDS ?? 10);
/** requests of each kind whose SQL statements are counted, one at a time */
const PROBES = 3;
const PRACTITIONERS = 10;
const POOL_SIZE = 10;
const MOTIF_MINUTES = 30;
/** 14-day pages of free slots the clients start from (6 × 14 = 84 days, within the motif's 90). */
const SLOT_PAGES = 6;
const POPULAR_SHARE = 0.5;
const POPULAR_OPTIONS = 10;
const TIME_ZONE = 'Europe/Paris';
const SLUG = 'bench-booking';
/** BENCH_KEEP_DB=1 keeps the PostgreSQL database for psql experiments (drop it yourself). */
const keepDatabase = process.env.BENCH_KEEP_DB === '1';
/** BENCH_DB=pglite or BENCH_DB=postgres runs one database only. */
const only = process.env.BENCH_DB ?? '';

const machine = () =>
  `${cpus().length} cores, load ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`;
const load1 = () => (loadavg()[0] ?? 0).toFixed(2);

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

// ---------------------------------------------------------------------------------------------------
// The practice

interface Setup {
  practiceId: string;
  motifId: string;
  tokens: string[];
}

/** YYYY-MM-DD of an instant in the practice's time zone. */
const localDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(at);

async function setUp(db: Db): Promise<Setup> {
  const now = systemClock.now();
  const [practice] = await db
    .insert(schema.practices)
    .values({
      slug: SLUG,
      name: 'Cabinet dentaire du banc d’essai',
      city: 'Lyon',
      phone: '+33465710000',
      timeZone: TIME_ZONE,
      slotGridMinutes: 15,
      onlineBookingOpen: true,
      closedOnPublicHolidays: true,
    })
    .returning();
  if (!practice) throw new Error('practice not created');
  const [location] = await db
    .insert(schema.locations)
    .values({
      practiceId: practice.id,
      name: 'Cabinet principal',
      addressLine: '10 rue des Tilleuls',
      postalCode: '69003',
      city: 'Lyon',
    })
    .returning();
  if (!location) throw new Error('location not created');
  const [motif] = await db
    .insert(schema.motifs)
    .values({
      practiceId: practice.id,
      name: 'Contrôle',
      durationMinutes: MOTIF_MINUTES,
      onlineBookable: true,
      minBookingDelayMinutes: 0,
      maxBookingDelayDays: 90,
    })
    .returning();
  if (!motif) throw new Error('motif not created');
  const practitioners = await db
    .insert(schema.staff)
    .values(
      Array.from({ length: PRACTITIONERS }, (_, position) => ({
        practiceId: practice.id,
        email: `praticien.${position}@bench-booking.example`,
        role: 'practitioner' as const,
        title: 'Dr',
        firstName: 'Praticien',
        lastName: `Numéro ${position + 1}`,
      })),
    )
    .returning();
  const firstDay = localDay(now);
  const untilDay = localDay(new Date(now.getTime() + 91 * 86_400_000));
  await db.insert(schema.openingRanges).values(
    practitioners.map((member) => ({
      practiceId: practice.id,
      practitionerId: member.id,
      locationId: location.id,
      firstDay,
      untilDay,
      startMinute: 8 * 60,
      endMinute: 20 * 60,
      weekdays: [1, 2, 3, 4, 5],
      intervalWeeks: 1,
    })),
  );
  const patients = await db
    .insert(schema.patients)
    .values(
      Array.from({ length: CLIENTS }, (_, index) => ({
        practiceId: practice.id,
        lastName: `Patient${index}`,
        firstName: 'Banc',
        birthDate: `19${50 + (index % 50)}-0${1 + (index % 9)}-1${index % 10}`,
        // the range ARCEP reserves for fiction: 06 39 98 xx xx
        mobilePhone: `+3363998${String(index).padStart(4, '0')}`,
        country: 'FR',
        ownPractitionerId: (practitioners[index % PRACTITIONERS] as { id: string }).id,
      })),
    )
    .returning();
  const tokens = patients.map(() => newToken());
  await db.insert(schema.bookingGrants).values(
    patients.map((patient, index) => ({
      practiceId: practice.id,
      tokenHash: hashToken(tokens[index] as string),
      phone: patient.mobilePhone ?? '',
      patientId: patient.id,
      lastName: patient.lastName,
      firstName: patient.firstName,
      birthDate: patient.birthDate,
      expiresAt: new Date(now.getTime() + 30 * 60_000),
      createdAt: now,
    })),
  );
  await db.execute(sql.raw('ANALYZE'));
  return { practiceId: practice.id, motifId: motif.id, tokens };
}

// ---------------------------------------------------------------------------------------------------
// The load generator, in its own process

const loadScript = fileURLToPath(new URL('./booking-load.ts', import.meta.url));

/** CPU used by the server process and, on PostgreSQL, by the database's backends, over the window. */
interface ServerUse {
  serverCpuMs: number;
  /** share of the window the server's event loop was busy (1 = saturated) */
  eventLoopUtilization: number;
  /** CPU of the PostgreSQL backends serving the bench database, or null (PGlite, or /proc unreadable) */
  backendCpuMs: number | null;
}

/** CPU time (user + system, ms) of processes, from /proc (Linux; clock ticks of 10 ms). */
function procCpuMs(pids: number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return null;
    }
  }
  return total;
}

/** Runs a job in a forked load generator, sampling the server's CPU when its window opens and closes. */
function runLoad(
  job: LoadJob,
  backendPids: () => Promise<number[]>,
): Promise<{ result: LoadResult; use: ServerUse | null }> {
  return new Promise((resolve, reject) => {
    // execArgv is inherited: the child runs under tsx like this script
    const child = fork(loadScript, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    let start: { cpu: NodeJS.CpuUsage; elu: EventLoopUtilization } | null = null;
    let backends: { pids: number[]; cpuMs: number | null } | null = null;
    let use: ServerUse | null = null;
    child.on('message', (message: LoadMessage) => {
      if (message.phase === 'start') {
        start = { cpu: process.cpuUsage(), elu: performance.eventLoopUtilization() };
        void backendPids().then((pids) => {
          backends = { pids, cpuMs: pids.length > 0 ? procCpuMs(pids) : null };
        });
      } else if (message.phase === 'end' && start) {
        const cpu = process.cpuUsage(start.cpu);
        const measured = backends as { pids: number[]; cpuMs: number | null } | null;
        const pgEnd = measured && measured.cpuMs !== null ? procCpuMs(measured.pids) : null;
        use = {
          serverCpuMs: (cpu.user + cpu.system) / 1000,
          eventLoopUtilization: performance.eventLoopUtilization(start.elu).utilization,
          backendCpuMs: pgEnd === null || !measured?.cpuMs ? null : pgEnd - measured.cpuMs,
        };
      } else if (message.phase === 'result') {
        settled = true;
        resolve({ result: message.result, use });
      } else if (message.phase === 'failed') {
        settled = true;
        reject(new Error(`load generator: ${message.error}`));
      }
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with ${code} and no result`));
    });
    child.send(job);
  });
}

const ms = (value: number) => value.toFixed(1);
const latencyText = (summary: LatencySummary | undefined) =>
  summary
    ? `p50 ${ms(summary.p50)} ms, p90 ${ms(summary.p90)} ms, p99 ${ms(summary.p99)} ms, max ${ms(summary.max)} ms (${summary.count})`
    : 'none';

/** Where the CPU went during a window: per request and as a share of one core. */
function cpuText(use: ServerUse | null, run: LoadResult): string {
  if (!use) return 'not sampled';
  const windowMs = run.seconds * 1000;
  const requests = Math.max(run.completed, 1);
  const part = (cpuMs: number) =>
    `${(cpuMs / requests).toFixed(2)} ms per request (${((100 * cpuMs) / windowMs).toFixed(0)} % of one core)`;
  return [
    `server process ${part(use.serverCpuMs)}, event loop busy ${(100 * use.eventLoopUtilization).toFixed(0)} %`,
    use.backendCpuMs === null ? null : `PostgreSQL backends ${part(use.backendCpuMs)}`,
    `load generator ${part(run.generatorCpuMs)}`,
  ]
    .filter(Boolean)
    .join('; ');
}

// ---------------------------------------------------------------------------------------------------
// One database

async function benchDatabase(
  dbKind: 'pglite' | 'postgres',
  database: Database,
  backendPids: () => Promise<number[]> = async () => [],
) {
  const label = `db=${dbKind}`;
  const migrateStarted = performance.now();
  await database.migrate();
  const migrateMs = performance.now() - migrateStarted;
  const minimal = await setUpMinimal(database.db, PRACTITIONERS);
  const setup = await setUp(database.db);
  console.log(
    `setup{${label}}: migrations ${(migrateMs / 1000).toFixed(1)} s; 1 practice, ${PRACTITIONERS} practitioners Mon–Fri 08:00–20:00, motif ${MOTIF_MINUTES} min, ${CLIENTS} patients with a booking grant${dbKind === 'postgres' ? `; pool ${POOL_SIZE} connections` : '; one connection (PGlite)'}; load ${load1()}`,
  );

  const config = toConfig(
    parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent' }),
    () => randomBytes(32).toString('hex'),
  );
  const deps: AppDeps = {
    config,
    db: database.db,
    dbKind,
    clock: systemClock,
    transports: { email: null, sms: null },
    kickOutbox: () => {},
    migrationState: () => database.migrationState(),
    live: localBus(),
    files: fileStorageFromConfig(config.files),
  };
  const app: FastifyInstance = await buildApp(deps, {
    logger: process.env.BENCH_LOG_ERRORS ? { level: 'error' } : false,
  });
  app.get('/bench/ping', { config: { access: { kind: 'public' } } }, async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  try {
    // 1. The bare route: what this server does without the database.
    const baselineJob: BaselineJob = {
      kind: 'baseline',
      base,
      path: '/bench/ping',
      clients: CLIENTS,
      warmupSeconds: 1,
      seconds: BASELINE_SECONDS,
    };
    const loadBeforeBaseline = load1();
    const { result: ping, use: pingCpu } = await runLoad(baselineJob, backendPids);
    const pingPerSecond = (ping.byStatus['200'] ?? 0) / ping.seconds;
    console.log(
      `fastify_baseline_per_s{${label}}: ${pingPerSecond.toFixed(0)} req/s (GET /bench/ping, ${CLIENTS} keep-alive connections, ${ping.seconds} s after 1 s warm-up; ${latencyText(ping.latency)}; non-200 ${ping.completed - (ping.byStatus['200'] ?? 0)}, network errors ${ping.networkErrors}; generator lag p99 ${ms(ping.generatorLagP99Ms)} ms; load ${loadBeforeBaseline} → ${load1()})`,
    );
    for (const sample of ping.errorSamples) console.log(`  baseline error: ${sample}`);
    console.log(`cpu_baseline{${label}}: ${cpuText(pingCpu, ping)}`);

    // 2. The minimal booking transaction, same driver and pool, same concurrency, in this process.
    const minimalLoad = load1();
    const minimalUse = await sampleUse(backendPids, (window) =>
      runMinimal(database.db, minimal, {
        clients: CLIENTS,
        warmupSeconds: 1,
        seconds: MINIMAL_SECONDS,
        onWindow: window,
      }),
    );
    const minimalRun = minimalUse.value;
    const minimalPerSecond = minimalRun.committed / minimalRun.seconds;
    console.log(
      `minimal_tx_per_s{${label}}: ${minimalPerSecond.toFixed(1)} tx/s (BEGIN; appointment under the exclusion constraint; history row; outbox row; audit row; COMMIT — ${CLIENTS} concurrent loops in the server process, ${minimalRun.seconds.toFixed(1)} s after 1 s warm-up; failed ${minimalRun.failed}${minimalRun.firstError ? `, first error: ${minimalRun.firstError}` : ''}; load ${minimalLoad} → ${load1()})`,
    );
    console.log(
      `cpu_minimal_tx{${label}}: ${perRequestText(minimalUse.use, Math.max(minimalRun.committed, 1))} per transaction`,
    );

    // 3. Bookings.
    const bookingJob: BookingJob = {
      kind: 'booking',
      base,
      slug: SLUG,
      motifId: setup.motifId,
      durationMinutes: MOTIF_MINUTES,
      tokens: setup.tokens,
      warmupSeconds: BOOKING_WARMUP_SECONDS,
      seconds: BOOKING_SECONDS,
      pages: SLOT_PAGES,
      popularShare: POPULAR_SHARE,
      popularOptions: POPULAR_OPTIONS,
      seed: 42,
    };
    const loadBeforeBooking = load1();
    const { result: run, use: bookingCpu } = await runLoad(bookingJob, backendPids);
    const loadAfterBooking = load1();
    const successes = run.byStatus['201'] ?? 0;
    const conflicts = run.byStatus['409'] ?? 0;
    const errors = run.completed - successes - conflicts + run.networkErrors;
    const perSecond = successes / run.seconds;
    console.log(
      `booking_slots_offered{${label}}: ${run.options} options (${run.slotStarts} slot starts × free practitioners, ${SLOT_PAGES} pages of days=14 fetched once in ${ms(run.slotsFetchMs ?? 0)} ms); ${Math.round(CLIENTS * POPULAR_SHARE)} clients choose among the ${POPULAR_OPTIONS} earliest free options, ${CLIENTS - Math.round(CLIENTS * POPULAR_SHARE)} among all; ${run.optionsLeft} options not known taken at the end`,
    );
    console.log(
      `booking_p50_ms{${label}}: ${ms(run.latency.p50)} ms (${CLIENTS} concurrent clients, keep-alive, loopback; 201 and 409 together, ${run.seconds} s after ${BOOKING_WARMUP_SECONDS} s warm-up; load ${loadBeforeBooking} → ${loadAfterBooking})`,
    );
    console.log(
      `booking_p99_ms{${label}}: ${ms(run.latency.p99)} ms (max ${ms(run.latency.max)} ms; generator lag p99 ${ms(run.generatorLagP99Ms)} ms)`,
    );
    console.log(
      `booking_latency_by_status{${label}}: 201 ${latencyText(run.latencyByStatus['201'])}; 409 ${latencyText(run.latencyByStatus['409'])}`,
    );
    console.log(
      `booking_per_s{${label}}: ${perSecond.toFixed(1)} bookings/s (201 answers; ${(perSecond / pingPerSecond).toFixed(4)} × fastify_baseline_per_s, i.e. 1 : ${Math.round(pingPerSecond / Math.max(perSecond, 1e-9))})`,
    );
    console.log(
      `booking_requests_per_s{${label}}: ${(run.completed / run.seconds).toFixed(1)} req/s (201 + 409 + errors)`,
    );
    console.log(`booking_successes{${label}}: ${successes} (201 in the window)`);
    console.log(`booking_conflicts{${label}}: ${conflicts} (409 SLOT_TAKEN in the window)`);
    console.log(
      `booking_errors{${label}}: ${errors} (statuses ${JSON.stringify(run.byStatus)}, network errors ${run.networkErrors}; outside the window ${JSON.stringify(run.unmeasuredByStatus)})`,
    );
    for (const sample of run.errorSamples) console.log(`  booking error: ${sample}`);
    console.log(`booking_timeline{${label}}: ${run.timeline.join(' ')} (201 per second of the window)`);
    console.log(`cpu_booking{${label}}: ${cpuText(bookingCpu, run)}`);
    console.log(
      `cpu_booking_per_request{${label}}: ${perRequestText(bookingCpu, Math.max(run.completed, 1))} per booking request (201 and 409; load ${loadAfterBooking})`,
    );
    console.log(
      `booking_to_minimal_ratio{${label}}: ${(perSecond / Math.max(minimalPerSecond, 1e-9)).toFixed(3)} (booking_per_s ${perSecond.toFixed(1)} / minimal_tx_per_s ${minimalPerSecond.toFixed(1)}; goal on PostgreSQL ≥ 0.25)`,
    );

    // 4. What the database holds.
    const [overlaps] = await rows<{ pairs: number; same_start: number }>(
      database.db,
      sql`select count(*)::int as pairs,
                 count(*) filter (where a.starts_at = b.starts_at)::int as same_start
            from appointments a
            join appointments b
              on b.practitioner_id = a.practitioner_id
             and a.id < b.id
             and a.starts_at < b.ends_at
             and b.starts_at < a.ends_at
           where a.practice_id = ${setup.practiceId} and b.practice_id = ${setup.practiceId}
             and a.cancelled_at is null and a.deleted_at is null
             and b.cancelled_at is null and b.deleted_at is null`,
    );
    const [created] = await rows<{ total: number; online: number }>(
      database.db,
      sql`select count(*)::int as total, count(*) filter (where channel = 'online')::int as online
            from appointments where practice_id = ${setup.practiceId}`,
    );
    const bookedIds = new Set(run.bookedIds ?? []);
    const stored = new Set(
      (
        await rows<{ id: string }>(
          database.db,
          sql`select id::text as id from appointments where practice_id = ${setup.practiceId}`,
        )
      ).map((row) => row.id),
    );
    const missing = [...bookedIds].filter((id) => !stored.has(id)).length;
    const unanswered = [...stored].filter((id) => !bookedIds.has(id)).length;
    console.log(
      `double_bookings{${label}}: ${overlaps?.pairs ?? '?'} (pairs of live appointments of one practitioner whose [starts_at, ends_at) overlap; ${overlaps?.same_start ?? '?'} of them with the same start)`,
    );
    console.log(
      `appointments_created{${label}}: ${created?.total ?? '?'} (${created?.online ?? '?'} online; ${run.bookedIds?.length ?? 0} answered 201 during the whole run, warm-up included, ${bookedIds.size} distinct ids; answered 201 but not in the database: ${missing}; in the database without a 201: ${unanswered})`,
    );
    // 5. SQL statements of one request at a time (nothing else running).
    await countProbes(label, database.db, base, setup, minimal);
  } finally {
    await app.close();
    await deps.live.close();
  }
}

/** CPU of the server process and of the database backends around a window that `work` opens and closes. */
async function sampleUse<T>(
  backendPids: () => Promise<number[]>,
  work: (window: (phase: 'start' | 'end') => void) => Promise<T>,
): Promise<{ value: T; use: ServerUse | null }> {
  let start: { cpu: NodeJS.CpuUsage; elu: EventLoopUtilization } | null = null;
  let backends: { pids: number[]; cpuMs: number | null } | null = null;
  let use: ServerUse | null = null;
  const value = await work((phase) => {
    if (phase === 'start') {
      start = { cpu: process.cpuUsage(), elu: performance.eventLoopUtilization() };
      // the backends serving the pool once the load runs (the pool closes idle connections)
      void backendPids().then((pids) => {
        backends = { pids, cpuMs: pids.length > 0 ? procCpuMs(pids) : null };
      });
    } else if (start) {
      const began = start as { cpu: NodeJS.CpuUsage; elu: EventLoopUtilization };
      const cpu = process.cpuUsage(began.cpu);
      const measured = backends as { pids: number[]; cpuMs: number | null } | null;
      const pgEnd = measured && measured.cpuMs !== null ? procCpuMs(measured.pids) : null;
      use = {
        serverCpuMs: (cpu.user + cpu.system) / 1000,
        eventLoopUtilization: performance.eventLoopUtilization(began.elu).utilization,
        backendCpuMs: pgEnd === null || !measured?.cpuMs ? null : pgEnd - measured.cpuMs,
      };
    }
  });
  return { value, use };
}

/** Server and database CPU per unit of work. */
function perRequestText(use: ServerUse | null, count: number): string {
  if (!use) return 'not sampled';
  const database =
    use.backendCpuMs === null
      ? 'database n/a (PGlite runs in the server process)'
      : `database ${(use.backendCpuMs / count).toFixed(2)} ms`;
  return `server ${(use.serverCpuMs / count).toFixed(2)} ms, ${database}`;
}

/**
 * Counts the SQL statements of single requests, one at a time: a booking that succeeds, the same slot
 * booked again by another patient (409 SLOT_TAKEN, refused by the check before the transaction), and
 * the minimal transaction. Slots far ahead, where the load rarely booked.
 */
async function countProbes(label: string, db: Db, base: string, setup: Setup, minimal: MinimalSetup) {
  const from = new Date(systemClock.now().getTime() + 70 * 86_400_000).toISOString();
  const page = (await (
    await fetch(
      `${base}/api/public/practices/${SLUG}/slots?motifId=${setup.motifId}&days=14&from=${encodeURIComponent(from)}`,
    )
  ).json()) as { slots: { start: string; options: { practitionerId: string; locationId: string }[] }[] };
  const book = (token: string, start: string, option: { practitionerId: string; locationId: string }) =>
    fetch(`${base}/api/public/practices/${SLUG}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        bookingToken: token,
        motifId: setup.motifId,
        practitionerId: option.practitionerId,
        locationId: option.locationId,
        startsAt: start,
      }),
    }).then(async (answer) => {
      await answer.arrayBuffer();
      return answer.status;
    });
  const created: string[] = [];
  const conflicts: string[] = [];
  for (let probe = 0; probe < PROBES; probe += 1) {
    const slot = page.slots[probe * 3];
    const option = slot?.options[0];
    if (!slot || !option) break;
    const first = await countStatements(() => book(setup.tokens[probe] as string, slot.start, option));
    created.push(`${first.statements} (${first.value})`);
    const second = await countStatements(() => book(setup.tokens[probe + 1] as string, slot.start, option));
    conflicts.push(`${second.statements} (${second.value})`);
  }
  const minimalCount = await countStatements(() => minimalBooking(db, minimal, 1_000_000));
  console.log(
    `sql_statements{${label}}: per successful booking ${created.join(', ')}; per 409 ${conflicts.join(', ')}; minimal transaction ${minimalCount.statements} (counted at the driver, BEGIN and COMMIT included; one request at a time, status in brackets; load ${load1()})`,
  );
}

// ---------------------------------------------------------------------------------------------------

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  while (cleanups.length > 0)
    await cleanups
      .pop()?.()
      .catch(() => {});
}
process.on('SIGINT', () => {
  void cleanUp().finally(() => process.exit(130));
});

async function main() {
  installStatementCounter();
  console.log(`machine_start: ${machine()}`);
  console.log(
    `transport: real HTTP — Fastify on 127.0.0.1:<random port>; load from a forked Node process (node:http, one keep-alive socket per client, closed loop)`,
  );
  if (only !== 'postgres') {
    const pglite = await openDatabase({ kind: 'pglite', dataDir: null });
    cleanups.push(() => pglite.close());
    await benchDatabase('pglite', pglite);
    await cleanUp();
  }

  const url = process.env.DATABASE_URL;
  if (only === 'pglite') {
    console.log('postgres: skipped (BENCH_DB=pglite)');
  } else if (url) {
    const name = `sourire_bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    cleanups.push(async () => {
      if (keepDatabase) console.log(`postgres_database_kept: ${name} (drop it with: dropdb ${name})`);
      else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });
    const target = new URL(url);
    target.pathname = `/${name}`;
    const postgres = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: POOL_SIZE });
    cleanups.push(() => postgres.close());
    await benchDatabase('postgres', postgres, async () =>
      (
        await admin.query<{ pid: number }>(
          'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        )
      ).rows.map((row) => row.pid),
    );
    await cleanUp();
  } else {
    console.log('postgres: skipped (DATABASE_URL not set)');
  }
  console.log(`machine_end: ${machine()}`);
}

main()
  .catch(async (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());

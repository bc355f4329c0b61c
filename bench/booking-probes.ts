// Probes of `npm run bench:booking` (bench/booking.ts): the SQL statements a request sends, and the
// minimal booking transaction — the physical limit the booking path is compared with (issue 11 §8).
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { systemClock } from '../src/server/context';
import type { Db } from '../src/server/db/client';
import * as schema from '../src/server/db/schema';

// ---------------------------------------------------------------------------------------------------
// Counting SQL statements at the driver

let counting = false;
let counted = 0;
let installed = false;

/**
 * Wraps the drivers' query functions so that every statement sent to the database is counted while a
 * count is running: `pg.Client#query` (the pool's clients, transactions included: BEGIN and COMMIT are
 * statements too) and, for PGlite, `PGlite#query` outside transactions plus, inside one, BEGIN, every
 * `tx.query` and COMMIT/ROLLBACK. Drizzle reaches both drivers only through these.
 */
export function installStatementCounter(): void {
  if (installed) return;
  installed = true;
  const clientQuery = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (counting) counted += 1;
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof clientQuery;

  const liteQuery = PGlite.prototype.query;
  PGlite.prototype.query = function (this: PGlite, ...args: unknown[]) {
    if (counting) counted += 1;
    return (liteQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof liteQuery;
  const liteTransaction = PGlite.prototype.transaction;
  PGlite.prototype.transaction = function (this: PGlite, callback: (tx: never) => Promise<unknown>) {
    if (counting) counted += 2; // BEGIN, and COMMIT or ROLLBACK
    return liteTransaction.call(this, (tx) =>
      callback(
        new Proxy(tx, {
          get(target, property, receiver) {
            const value = Reflect.get(target, property, receiver);
            if (property !== 'query' && property !== 'exec' && property !== 'sql') return value;
            return (...args: unknown[]) => {
              if (counting) counted += 1;
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          },
        }) as never,
      ),
    );
  } as typeof liteTransaction;
}

/** The statements sent while `work` runs (nothing else may use the database meanwhile). */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ value: T; statements: number }> {
  counted = 0;
  counting = true;
  try {
    const value = await work();
    return { value, statements: counted };
  } finally {
    counting = false;
  }
}

// ---------------------------------------------------------------------------------------------------
// The minimal booking transaction

export interface MinimalSetup {
  practiceId: string;
  locationId: string;
  motifId: string;
  patientId: string;
  practitionerIds: string[];
}

/** A second practice, apart from the booking one, whose agenda only the minimal transactions fill. */
export async function setUpMinimal(db: Db, practitioners: number): Promise<MinimalSetup> {
  const [practice] = await db
    .insert(schema.practices)
    .values({ slug: 'bench-minimal', name: 'Cabinet minimal', city: 'Lyon', timeZone: 'Europe/Paris' })
    .returning();
  if (!practice) throw new Error('practice not created');
  const [location] = await db
    .insert(schema.locations)
    .values({
      practiceId: practice.id,
      name: 'Cabinet',
      addressLine: '1 rue du Banc',
      postalCode: '69003',
      city: 'Lyon',
    })
    .returning();
  const [motif] = await db
    .insert(schema.motifs)
    .values({ practiceId: practice.id, name: 'Contrôle', durationMinutes: 30 })
    .returning();
  const [patient] = await db
    .insert(schema.patients)
    .values({
      practiceId: practice.id,
      lastName: 'Minimal',
      firstName: 'Banc',
      birthDate: '1980-01-01',
      mobilePhone: '+33639989999',
      country: 'FR',
    })
    .returning();
  const members = await db
    .insert(schema.staff)
    .values(
      Array.from({ length: practitioners }, (_, position) => ({
        practiceId: practice.id,
        email: `minimal.${position}@bench-booking.example`,
        role: 'practitioner' as const,
        firstName: 'Praticien',
        lastName: `Minimal ${position + 1}`,
      })),
    )
    .returning();
  if (!location || !motif || !patient) throw new Error('minimal practice not created');
  return {
    practiceId: practice.id,
    locationId: location.id,
    motifId: motif.id,
    patientId: patient.id,
    practitionerIds: members.map((member) => member.id),
  };
}

/**
 * One booking reduced to what the database must do: BEGIN; the appointment (the exclusion constraint
 * checks it against the practitioner's others); its history row; one outbox row; one audit row; COMMIT.
 * Hand-written SQL through Drizzle's `execute` on the app's database handle: the same driver and pool.
 */
export async function minimalBooking(db: Db, setup: MinimalSetup, index: number): Promise<void> {
  const practitionerId = setup.practitionerIds[index % setup.practitionerIds.length] as string;
  // each transaction its own 30-minute slot, two years ahead (no other appointment there)
  const start = new Date(
    Date.UTC(2030, 0, 1) + Math.floor(index / setup.practitionerIds.length) * 30 * 60_000,
  );
  const end = new Date(start.getTime() + 30 * 60_000);
  const now = systemClock.now();
  await db.transaction(async (tx) => {
    const result = (await tx.execute(sql`
      insert into appointments (practice_id, practitioner_id, location_id, motif_id, patient_id,
                                starts_at, ends_at, channel, first_visit, created_at, updated_at)
      values (${setup.practiceId}, ${practitionerId}, ${setup.locationId}, ${setup.motifId},
              ${setup.patientId}, ${start.toISOString()}, ${end.toISOString()}, 'online', false,
              ${now.toISOString()}, ${now.toISOString()})
      returning id`)) as unknown as { rows: { id: string }[] };
    const id = result.rows[0]?.id;
    if (!id) throw new Error('no appointment');
    await tx.execute(sql`
      insert into appointment_events (practice_id, appointment_id, at, actor_kind, actor_id, action, details)
      values (${setup.practiceId}, ${id}, ${now.toISOString()}, 'patient', ${setup.patientId}, 'created',
              ${JSON.stringify({ channel: 'online', startsAt: start.toISOString() })}::jsonb)`);
    await tx.execute(sql`
      insert into outbox (practice_id, channel, recipient, kind, body, sensitive, patient_id, appointment_id,
                          idempotency_key, next_attempt_at, created_at)
      values (${setup.practiceId}, 'sms', '+33639989999', 'appointment_confirmation',
              'Votre rendez-vous est confirmé.', true, ${setup.patientId}, ${id},
              ${`appt:${id}:confirmation:v1:sms`}, ${now.toISOString()}, ${now.toISOString()})`);
    await tx.execute(sql`
      insert into audit_log (practice_id, at, actor_kind, actor_id, action, entity, entity_id, patient_id,
                             request_id, ip, details)
      values (${setup.practiceId}, ${now.toISOString()}, 'patient', '+33639989999', 'appointment.create',
              'appointment', ${id}, ${setup.patientId}, ${`minimal-${index}`}, '127.0.0.1',
              ${JSON.stringify({ channel: 'online' })}::jsonb)`);
  });
}

/**
 * Runs the minimal transaction in `clients` closed loops in this process for a warm-up, then for
 * `seconds`: the transactions committed in the window, and the indices to go on from.
 */
export async function runMinimal(
  db: Db,
  setup: MinimalSetup,
  options: {
    clients: number;
    warmupSeconds: number;
    seconds: number;
    onWindow: (phase: 'start' | 'end') => void;
  },
): Promise<{ committed: number; failed: number; seconds: number; firstError: string | null }> {
  let next = 0;
  let measuring = false;
  let stop = false;
  let committed = 0;
  let failed = 0;
  let firstError: string | null = null;
  const loop = async () => {
    while (!stop) {
      // PGlite answers within the microtask queue: yield so that timers (the window) can fire
      await new Promise((resolve) => setImmediate(resolve));
      const index = next;
      next += 1;
      try {
        await minimalBooking(db, setup, index);
        if (measuring) committed += 1;
      } catch (error) {
        if (measuring) failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  const loops = Array.from({ length: options.clients }, () => loop());
  await new Promise((resolve) => setTimeout(resolve, options.warmupSeconds * 1000));
  options.onWindow('start');
  measuring = true;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  measuring = false;
  const seconds = (performance.now() - started) / 1000;
  options.onWindow('end');
  stop = true;
  await Promise.all(loops);
  return { committed, failed, seconds, firstError };
}

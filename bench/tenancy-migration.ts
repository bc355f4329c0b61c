/**
 * How long migration 0016 (ADR 012: composite keys to the practice) takes on a database the size of
 * the benchmarks' (bench/scheduling-api.ts: 100,000 + 5,000 patients, 50,000 appointments), on PGlite
 * and, when DATABASE_URL is set, on PostgreSQL.
 *
 *   npx tsx bench/tenancy-migration.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/tenancy-migration.ts
 *
 * The database is migrated to 0015, filled with SQL (`generate_series`), analysed, then 0016 alone is
 * timed through the runtime migrator, as at server start.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, migrationsFolder, openDatabase } from '../src/server/db/client';

const PATIENTS = [100_000, 5_000];
const APPOINTMENTS = [50_000, 2_500];
const PRACTITIONERS = 10;

async function migrateFrom(database: Database, folder: string): Promise<void> {
  await database.migrate(folder);
}

/** One practice: staff, a location, two motifs, patients, appointments with their history, messages. */
function fill(index: number): string[] {
  const practice = `(SELECT id FROM practices WHERE slug = 'tenancy-bench-${index}')`;
  const patients = PATIENTS[index] ?? 0;
  const appointments = APPOINTMENTS[index] ?? 0;
  return [
    `INSERT INTO practices (slug, name) VALUES ('tenancy-bench-${index}', 'Cabinet ${index}')`,
    `INSERT INTO staff (practice_id, email, role, first_name, last_name)
      SELECT ${practice}, 'dr' || n || '.${index}@bench.test', 'practitioner', 'Dr', 'N' || n
      FROM generate_series(1, ${PRACTITIONERS}) n`,
    `INSERT INTO locations (practice_id, name, address_line, postal_code, city)
      VALUES (${practice}, 'Cabinet', '1 rue', '69003', 'Lyon')`,
    `INSERT INTO motifs (practice_id, name, duration_minutes)
      VALUES (${practice}, 'Contrôle', 30), (${practice}, 'Soin', 60)`,
    `INSERT INTO patients (practice_id, last_name, first_name, birth_date, own_practitioner_id)
      WITH s AS (SELECT array_agg(id ORDER BY id) AS ids FROM staff WHERE practice_id = ${practice})
      SELECT ${practice}, 'Nom' || n, 'Prénom' || n, date '1950-01-01' + (n % 20000), s.ids[1 + n % ${PRACTITIONERS}]
      FROM s, generate_series(1, ${patients}) n`,
    `CREATE TEMP TABLE bench_ids AS SELECT
        (SELECT array_agg(id ORDER BY id) FROM staff WHERE practice_id = ${practice}) AS staff,
        (SELECT array_agg(id ORDER BY id) FROM patients WHERE practice_id = ${practice}) AS patients,
        (SELECT id FROM locations WHERE practice_id = ${practice}) AS location,
        (SELECT id FROM motifs WHERE practice_id = ${practice} LIMIT 1) AS motif`,
    `INSERT INTO appointments (practice_id, practitioner_id, location_id, motif_id, patient_id, starts_at, ends_at)
      SELECT ${practice}, b.staff[1 + n % ${PRACTITIONERS}], b.location, b.motif, b.patients[1 + n % ${patients}],
        timestamptz '2025-01-01 08:00Z' + (n / ${PRACTITIONERS}) * interval '30 minutes',
        timestamptz '2025-01-01 08:30Z' + (n / ${PRACTITIONERS}) * interval '30 minutes'
      FROM bench_ids b, generate_series(0, ${appointments - 1}) n`,
    `INSERT INTO appointment_events (practice_id, appointment_id, actor_kind, action)
      SELECT practice_id, id, 'staff', 'created' FROM appointments WHERE practice_id = ${practice}`,
    `INSERT INTO message_threads (practice_id, patient_id, last_message_at)
      SELECT ${practice}, b.patients[n], now() FROM bench_ids b, generate_series(1, ${patients / 5}) n`,
    `INSERT INTO messages (practice_id, thread_id, author_kind, author_staff_id, body)
      SELECT t.practice_id, t.id, 'staff', b.staff[1], 'Bonjour' FROM message_threads t, bench_ids b, generate_series(1, 2)
      WHERE t.practice_id = ${practice}`,
    'DROP TABLE bench_ids',
  ];
}

async function bench(database: Database) {
  const before0016 = mkdtempSync(join(tmpdir(), 'sourire-migrations-0015-'));
  try {
    cpSync(migrationsFolder, before0016, { recursive: true });
    const journalPath = join(before0016, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((entry) => entry.tag < '0016');
    writeFileSync(journalPath, JSON.stringify(journal));
    await migrateFrom(database, before0016);
    const filled = performance.now();
    for (const statement of [...fill(0), ...fill(1), 'ANALYZE'])
      await database.db.execute(sql.raw(statement));
    const counts = await database.db.execute(
      sql.raw(`SELECT (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM appointments) AS appointments,
        (SELECT count(*) FROM appointment_events) AS events, (SELECT count(*) FROM messages) AS messages`),
    );
    const row = (Array.isArray(counts) ? counts[0] : (counts as { rows: unknown[] }).rows[0]) as Record<
      string,
      string
    >;
    const started = performance.now();
    await migrateFrom(database, migrationsFolder);
    const ms = performance.now() - started;
    console.log(
      `migration_0016_ms{db=${database.kind}}: ${ms.toFixed(0)} ms (patients ${row.patients}, appointments ${row.appointments}, appointment_events ${row.events}, messages ${row.messages}; filled in ${((started - filled) / 1000).toFixed(1)} s)`,
    );
  } finally {
    rmSync(before0016, { recursive: true, force: true });
  }
}

const pglite = await openDatabase({ kind: 'pglite', dataDir: null });
await bench(pglite);
await pglite.close();

const adminUrl = process.env.DATABASE_URL;
if (adminUrl) {
  const name = `sourire_tenancy_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const postgres = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
  try {
    await bench(postgres);
  } finally {
    await postgres.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}

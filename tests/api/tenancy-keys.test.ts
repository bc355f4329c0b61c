import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { sqlState, violatedConstraint } from '../../src/server/errors';
import { openTestDatabase } from '../support/test-app';

/**
 * ADR 012: a practice-owned row can only point at rows of its own practice. The database enforces it
 * with composite keys `(practice_id, x_id) → x (practice_id, id)`; these tests read the catalogue (so a
 * new table cannot forget the key) and try cross-practice writes on the main edges.
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function rows<T>(query: string): Promise<T[]> {
  const result = await database.db.execute(sql.raw(query));
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The outcome of a statement: 'ok', or its SQLSTATE and the constraint it violated. */
async function attempt(query: string): Promise<string> {
  try {
    await database.db.execute(sql.raw(query));
    return 'ok';
  } catch (error) {
    return `${sqlState(error) ?? String(error)} ${violatedConstraint(error) ?? ''}`.trim();
  }
}

interface ForeignKeyRow {
  name: string;
  table: string;
  target: string;
  columns: string[];
  foreign_columns: string[];
  on_delete: string;
  set_null_columns: string[] | null;
  from_owned: boolean;
  to_owned: boolean;
}

/** Every foreign key of the public schema; "owned": the table has `practice_id uuid NOT NULL`. */
const foreignKeysQuery = `
  WITH owned AS (
    SELECT c.oid FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'practice_id' AND a.attnotnull AND NOT a.attisdropped
    WHERE c.relkind = 'r'
  )
  SELECT con.conname AS name, con.conrelid::regclass::text AS table, con.confrelid::regclass::text AS target,
    (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) AS columns,
    (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n) AS foreign_columns,
    con.confdeltype::text AS on_delete,
    (SELECT array_agg(a.attname::text) FROM unnest(con.confdelsetcols) k(n)
      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) AS set_null_columns,
    con.conrelid IN (SELECT oid FROM owned) AS from_owned,
    con.confrelid IN (SELECT oid FROM owned) AS to_owned
  FROM pg_constraint con
  WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace
  ORDER BY 1`;

describe('the catalogue', () => {
  let keys: ForeignKeyRow[];
  beforeAll(async () => {
    keys = await rows<ForeignKeyRow>(foreignKeysQuery);
  });

  it('makes every reference between two practice-owned tables composite, on the practice', () => {
    const between = keys.filter((key) => key.from_owned && key.to_owned);
    const wrong = between
      .filter(
        (key) =>
          key.columns.length !== 2 ||
          key.columns[0] !== 'practice_id' ||
          key.foreign_columns.join() !== 'practice_id,id' ||
          key.name !== `${key.table}_${key.columns[1]}_tenant_fk`,
      )
      .map(
        (key) =>
          `${key.name}: (${key.columns.join(', ')}) → ${key.target} (${key.foreign_columns.join(', ')})`,
      );
    expect(wrong).toEqual([]);
    // ADR 012's survey: 59 keys to 13 tables (a new reference adds to these, and to the ADR)
    expect(between).toHaveLength(59);
    expect(new Set(between.map((key) => key.target)).size).toBe(13);
  });

  it('nulls only the reference on delete, never practice_id', () => {
    const setNull = keys.filter((key) => key.on_delete === 'n');
    const wrong = setNull
      .filter(
        (key) => key.columns.length > 1 && (key.set_null_columns ?? key.columns).join() !== key.columns[1],
      )
      .map((key) => `${key.name} sets (${(key.set_null_columns ?? key.columns).join(', ')}) to null`);
    expect(wrong).toEqual([]);
    expect(setNull.filter((key) => key.from_owned && key.to_owned)).toHaveLength(17);
  });

  it('lets only the staff credentials, which have no practice of their own, point at a practice-owned row alone', () => {
    const single = keys
      .filter((key) => !key.from_owned && key.to_owned)
      .map((key) => `${key.table}.${key.columns.join()} → ${key.target}`);
    // each of these rows has one reference only, so its practice is its staff member's (ADR 012)
    expect(single).toEqual([
      'staff_mfa_tickets.staff_id → staff',
      'staff_password_resets.staff_id → staff',
      'staff_recovery_codes.staff_id → staff',
    ]);
  });

  it('points every practice-owned table at its practice', () => {
    const owned = new Set(keys.filter((key) => key.from_owned).map((key) => key.table));
    const toPractice = new Set(
      keys
        .filter((key) => key.from_owned && key.target === 'practices' && key.columns.join() === 'practice_id')
        .map((key) => key.table),
    );
    expect([...owned].filter((table) => !toPractice.has(table))).toEqual([]);
  });
});

/** One row of each table that a composite key points at, in one practice. */
interface World {
  practice: string;
  staff: string;
  patient: string;
  location: string;
  motif: string;
  appointment: string;
  thread: string;
  message: string;
  document: string;
  link: string;
  code: string;
  range: string;
  session: string;
  entry: string;
}

let day = 0;
/** A fresh hour for an appointment, so that inserts never overlap. */
function nextHour(): [string, string] {
  day += 1;
  const start = new Date(Date.UTC(2027, 0, 1, 8) + day * 3_600_000);
  return [start.toISOString(), new Date(start.getTime() + 1_800_000).toISOString()];
}

async function createWorld(label: string): Promise<World> {
  const w: World = {
    practice: randomUUID(),
    staff: randomUUID(),
    patient: randomUUID(),
    location: randomUUID(),
    motif: randomUUID(),
    appointment: randomUUID(),
    thread: randomUUID(),
    message: randomUUID(),
    document: randomUUID(),
    link: randomUUID(),
    code: randomUUID(),
    range: randomUUID(),
    session: `tenancy-${randomUUID()}`,
    entry: randomUUID(),
  };
  const [from, to] = nextHour();
  for (const statement of [
    `INSERT INTO practices (id, slug, name) VALUES ('${w.practice}', 'tenancy-${label}-${w.practice.slice(0, 8)}', 'Cabinet ${label}')`,
    `INSERT INTO staff (id, practice_id, email, role, first_name, last_name)
      VALUES ('${w.staff}', '${w.practice}', '${w.staff}@tenancy.test', 'practitioner', 'Dr', '${label}')`,
    `INSERT INTO patients (id, practice_id, last_name, first_name, birth_date)
      VALUES ('${w.patient}', '${w.practice}', 'Patient', '${label}', '1980-01-01')`,
    `INSERT INTO locations (id, practice_id, name, address_line, postal_code, city)
      VALUES ('${w.location}', '${w.practice}', 'Cabinet', '1 rue', '69003', 'Lyon')`,
    `INSERT INTO motifs (id, practice_id, name, duration_minutes) VALUES ('${w.motif}', '${w.practice}', 'Contrôle', 30)`,
    `INSERT INTO appointments (id, practice_id, practitioner_id, location_id, motif_id, patient_id, starts_at, ends_at)
      VALUES ('${w.appointment}', '${w.practice}', '${w.staff}', '${w.location}', '${w.motif}', '${w.patient}', '${from}', '${to}')`,
    `INSERT INTO message_threads (id, practice_id, patient_id, last_message_at)
      VALUES ('${w.thread}', '${w.practice}', '${w.patient}', now())`,
    `INSERT INTO messages (id, practice_id, thread_id, author_kind, author_staff_id, body)
      VALUES ('${w.message}', '${w.practice}', '${w.thread}', 'staff', '${w.staff}', 'Bonjour')`,
    `INSERT INTO documents (id, practice_id, patient_id, type, title, file_key, content_type, size, sha256)
      VALUES ('${w.document}', '${w.practice}', '${w.patient}', 'other', 'Devis', gen_random_uuid(), 'application/pdf', 10, 'ab')`,
    `INSERT INTO secure_links (id, practice_id, document_id, token_hash, phone, channel, expires_at)
      VALUES ('${w.link}', '${w.practice}', '${w.document}', '${randomUUID()}', '+33600000000', 'sms', now() + interval '1 day')`,
    `INSERT INTO one_time_codes (id, practice_id, purpose, phone, code_hash, expires_at, last_sent_at)
      VALUES ('${w.code}', '${w.practice}', 'document', '+33600000000', '${randomUUID()}', now() + interval '1 hour', now())`,
    `INSERT INTO opening_ranges (id, practice_id, practitioner_id, location_id, first_day, start_minute, end_minute)
      VALUES ('${w.range}', '${w.practice}', '${w.staff}', '${w.location}', '2027-01-04', 480, 720)`,
    `INSERT INTO sessions (id, kind, practice_id, staff_id, expires_at)
      VALUES ('${w.session}', 'staff', '${w.practice}', '${w.staff}', now() + interval '1 day')`,
    `INSERT INTO waitlist_entries (id, practice_id, patient_id, motif_id, from_day, to_day, created_by)
      VALUES ('${w.entry}', '${w.practice}', '${w.patient}', '${w.motif}', '2027-01-01', '2027-01-31', 'staff')`,
  ]) {
    await database.db.execute(sql.raw(statement));
  }
  return w;
}

/**
 * An insert of a row of practice `own` whose column under test points at `other`'s row (the other
 * references stay in `own`), and the key that must refuse it when the practices differ.
 */
interface Edge {
  key: string;
  insert(own: World, other: World): string;
}

const edges: Edge[] = [
  ...(['practitioner_id', 'location_id', 'motif_id', 'patient_id'] as const).map(
    (column): Edge => ({
      key: `appointments_${column}_tenant_fk`,
      insert: (own, other) => {
        const pick = (c: typeof column, mine: string, theirs: string) => (c === column ? theirs : mine);
        const [from, to] = nextHour();
        return `INSERT INTO appointments (practice_id, practitioner_id, location_id, motif_id, patient_id, starts_at, ends_at)
          VALUES ('${own.practice}', '${pick('practitioner_id', own.staff, other.staff)}',
            '${pick('location_id', own.location, other.location)}', '${pick('motif_id', own.motif, other.motif)}',
            '${pick('patient_id', own.patient, other.patient)}', '${from}', '${to}')`;
      },
    }),
  ),
  {
    key: 'appointment_events_appointment_id_tenant_fk',
    insert: (own, other) => `INSERT INTO appointment_events (practice_id, appointment_id, actor_kind, action)
      VALUES ('${own.practice}', '${other.appointment}', 'system', 'created')`,
  },
  {
    key: 'messages_thread_id_tenant_fk',
    insert: (own, other) => `INSERT INTO messages (practice_id, thread_id, author_kind, author_staff_id, body)
      VALUES ('${own.practice}', '${other.thread}', 'staff', '${own.staff}', 'Bonjour')`,
  },
  {
    key: 'messages_author_staff_id_tenant_fk',
    insert: (own, other) => `INSERT INTO messages (practice_id, thread_id, author_kind, author_staff_id, body)
      VALUES ('${own.practice}', '${own.thread}', 'staff', '${other.staff}', 'Bonjour')`,
  },
  {
    key: 'message_attachments_message_id_tenant_fk',
    insert: (
      own,
      other,
    ) => `INSERT INTO message_attachments (practice_id, message_id, file_key, name, content_type, size, sha256)
      VALUES ('${own.practice}', '${other.message}', '${randomUUID()}', 'radio.png', 'image/png', 10, '${'a'.repeat(64)}')`,
  },
  {
    key: 'documents_patient_id_tenant_fk',
    insert: (
      own,
      other,
    ) => `INSERT INTO documents (practice_id, patient_id, type, title, file_key, content_type, size, sha256)
      VALUES ('${own.practice}', '${other.patient}', 'other', 'Devis', gen_random_uuid(), 'application/pdf', 10, 'ab')`,
  },
  {
    key: 'secure_links_document_id_tenant_fk',
    insert: (
      own,
      other,
    ) => `INSERT INTO secure_links (practice_id, document_id, token_hash, phone, channel, expires_at)
      VALUES ('${own.practice}', '${other.document}', '${randomUUID()}', '+33600000000', 'sms', now() + interval '1 day')`,
  },
  {
    key: 'secure_link_openings_link_id_tenant_fk',
    insert: (
      own,
      other,
    ) => `INSERT INTO secure_link_openings (practice_id, link_id, opened_at, access_hash, access_expires_at)
      VALUES ('${own.practice}', '${other.link}', now(), '${randomUUID()}', now() + interval '1 hour')`,
  },
  {
    key: 'document_codes_code_id_tenant_fk',
    insert: (own, other) => `INSERT INTO document_codes (code_id, practice_id, document_id)
      VALUES ('${other.code}', '${own.practice}', '${own.document}')`,
  },
  {
    key: 'sessions_staff_id_tenant_fk',
    insert: (own, other) => `INSERT INTO sessions (id, kind, practice_id, staff_id, expires_at)
      VALUES ('tenancy-${randomUUID()}', 'staff', '${own.practice}', '${other.staff}', now() + interval '1 day')`,
  },
  {
    key: 'push_subscriptions_session_id_tenant_fk',
    insert: (
      own,
      other,
    ) => `INSERT INTO push_subscriptions (practice_id, session_id, phone, endpoint, p256dh, auth)
      VALUES ('${own.practice}', '${other.session}', '+33600000000', 'https://push.test/${randomUUID()}', 'k', 'a')`,
  },
  {
    key: 'waitlist_offers_entry_id_tenant_fk',
    insert: (own, other) => {
      const [from, to] = nextHour();
      return `INSERT INTO waitlist_offers (practice_id, entry_id, practitioner_id, location_id, starts_at, ends_at, token_hash, expires_at)
        VALUES ('${own.practice}', '${other.entry}', '${own.staff}', '${own.location}', '${from}', '${to}', '${randomUUID()}', now() + interval '1 hour')`;
    },
  },
  {
    key: 'opening_range_motifs_opening_range_id_tenant_fk',
    insert: (own, other) => `INSERT INTO opening_range_motifs (practice_id, opening_range_id, motif_id)
      VALUES ('${own.practice}', '${other.range}', '${own.motif}')`,
  },
  {
    key: 'patients_own_practitioner_id_tenant_fk',
    insert: (
      own,
      other,
    ) => `INSERT INTO patients (practice_id, last_name, first_name, birth_date, own_practitioner_id)
      VALUES ('${own.practice}', 'Martin', 'Léa', '1990-05-05', '${other.staff}')`,
  },
];

describe('a row of one practice pointing at a row of another', () => {
  let a: World;
  let b: World;
  beforeAll(async () => {
    a = await createWorld('a');
    b = await createWorld('b');
  });

  it('tries a key to each of the 13 tables that composite keys point at', async () => {
    const tried = (await rows<ForeignKeyRow>(foreignKeysQuery)).filter((key) =>
      edges.some((edge) => edge.key === key.name),
    );
    expect(tried).toHaveLength(edges.length);
    expect(new Set(tried.map((key) => key.target)).size).toBe(13);
  });

  it.each(edges)('is refused by $key, and accepted within one practice', async (edge) => {
    expect(await attempt(edge.insert(a, b))).toBe(`23503 ${edge.key}`);
    expect(await attempt(edge.insert(b, a))).toBe(`23503 ${edge.key}`);
    expect(await attempt(edge.insert(a, a))).toBe('ok');
  });

  it('cannot be made by moving a row to another practice either', async () => {
    expect(
      await attempt(
        `UPDATE appointment_events SET practice_id = '${b.practice}' WHERE practice_id = '${a.practice}'`,
      ),
    ).toBe('23503 appointment_events_appointment_id_tenant_fk');
  });
});

describe('deleting a row that others point at', () => {
  let a: World;
  beforeAll(async () => {
    a = await createWorld('delete');
  });

  it('still deletes the rows that belong to it (cascade)', async () => {
    await database.db.execute(
      sql.raw(`INSERT INTO appointment_events (practice_id, appointment_id, actor_kind, action)
        VALUES ('${a.practice}', '${a.appointment}', 'system', 'created')`),
    );
    await database.db.execute(sql.raw(`DELETE FROM patients WHERE id = '${a.patient}'`));
    const left = await rows<{ n: number }>(`SELECT
      (SELECT count(*) FROM appointments WHERE practice_id = '${a.practice}')
      + (SELECT count(*) FROM appointment_events WHERE practice_id = '${a.practice}')
      + (SELECT count(*) FROM documents WHERE practice_id = '${a.practice}')
      + (SELECT count(*) FROM secure_links WHERE practice_id = '${a.practice}')
      + (SELECT count(*) FROM messages WHERE practice_id = '${a.practice}')
      + (SELECT count(*) FROM waitlist_entries WHERE practice_id = '${a.practice}') AS n`);
    expect(Number(left[0]?.n)).toBe(0);
  });

  it('nulls only the reference, and keeps the practice, when the reference is optional (set null)', async () => {
    const member = randomUUID();
    const patient = randomUUID();
    await database.db.execute(
      sql.raw(`INSERT INTO staff (id, practice_id, email, role, first_name, last_name)
        VALUES ('${member}', '${a.practice}', '${member}@tenancy.test', 'practitioner', 'Dr', 'Leaving')`),
    );
    await database.db.execute(
      sql.raw(`INSERT INTO patients (id, practice_id, last_name, first_name, birth_date, own_practitioner_id, created_by)
        VALUES ('${patient}', '${a.practice}', 'Durand', 'Paul', '1970-03-03', '${member}', '${member}')`),
    );
    await database.db.execute(sql.raw(`DELETE FROM staff WHERE id = '${member}'`));
    expect(
      await rows(`SELECT practice_id, own_practitioner_id, created_by FROM patients WHERE id = '${patient}'`),
    ).toEqual([{ practice_id: a.practice, own_practitioner_id: null, created_by: null }]);
  });
});

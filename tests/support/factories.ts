import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { nameKeys } from '../../src/domain/phonetic';
import type { Db } from '../../src/server/db/client';
import {
  locations,
  motifs,
  openingRanges,
  outbox,
  patientRelations,
  patients,
  practices,
  type RelationRole,
  type StaffRole,
  staff,
} from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/auth/passwords';

const unique = () => randomBytes(4).toString('hex');

export const testPassword = 'correct-horse-battery';
let passwordHash: Promise<string> | null = null;

export type PracticeRow = typeof practices.$inferSelect;
export type PatientRow = typeof patients.$inferSelect;

/** A fresh practice per test: tests never share rows, whatever database they run on. */
export async function makePractice(db: Db, overrides: Partial<typeof practices.$inferInsert> = {}) {
  const id = unique();
  const [practice] = await db
    .insert(practices)
    .values({ slug: `practice-${id}`, name: `Cabinet ${id}`, phone: '+33465710000', ...overrides })
    .returning();
  if (!practice) throw new Error('practice not created');
  return practice;
}

export async function makeStaff(
  db: Db,
  practiceId: string,
  options: {
    role?: StaffRole;
    email?: string;
    password?: string | null;
    firstName?: string;
    lastName?: string;
  } = {},
) {
  passwordHash ??= hashPassword(testPassword);
  const email = options.email ?? `staff-${unique()}@test.example`;
  const hash =
    options.password === null
      ? null
      : options.password
        ? await hashPassword(options.password)
        : await passwordHash;
  const [member] = await db
    .insert(staff)
    .values({
      practiceId,
      email,
      role: options.role ?? 'secretary',
      firstName: options.firstName ?? 'Alex',
      lastName: options.lastName ?? `Staff${unique()}`,
      passwordHash: hash,
    })
    .returning();
  if (!member) throw new Error('staff not created');
  return { ...member, password: options.password ?? testPassword };
}

export async function makePatient(
  db: Db,
  practiceId: string,
  overrides: Partial<typeof patients.$inferInsert> = {},
) {
  const lastName = overrides.lastName ?? `Patient${unique()}`;
  const [patient] = await db
    .insert(patients)
    .values({
      practiceId,
      lastName,
      firstName: 'Camille',
      birthDate: '1985-06-15',
      mobilePhone: `+3363998${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`,
      ...overrides,
      phoneticKeys: nameKeys(overrides.lastName ?? lastName, overrides.firstName ?? 'Camille'),
    })
    .returning();
  if (!patient) throw new Error('patient not created');
  return patient;
}

export async function linkResponsable(
  db: Db,
  practiceId: string,
  patientId: string,
  responsableId: string,
  role: RelationRole,
) {
  await db.insert(patientRelations).values({ practiceId, patientId, responsableId, role });
}

/** The newest message queued for a recipient. */
export async function lastMessageTo(db: Db, recipient: string) {
  const [message] = await db
    .select()
    .from(outbox)
    .where(eq(outbox.recipient, recipient))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return message;
}

/** The 6-digit code of the newest SMS to a phone, as a person reads it. */
export async function lastCodeSentTo(db: Db, phone: string): Promise<string> {
  const message = await lastMessageTo(db, phone);
  const code = message?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

export async function messagesOfKind(db: Db, practiceId: string, kind: string) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.practiceId, practiceId), eq(outbox.kind, kind)));
}

export async function makeLocation(db: Db, practiceId: string, name = `Site ${unique()}`) {
  const [location] = await db
    .insert(locations)
    .values({ practiceId, name, addressLine: '1 rue du Test', postalCode: '69003', city: 'Lyon' })
    .returning();
  if (!location) throw new Error('location not created');
  return location;
}

export async function makeMotif(
  db: Db,
  practiceId: string,
  overrides: Partial<typeof motifs.$inferInsert> = {},
) {
  const [motif] = await db
    .insert(motifs)
    .values({ practiceId, name: `Motif ${unique()}`, durationMinutes: 30, ...overrides })
    .returning();
  if (!motif) throw new Error('motif not created');
  return motif;
}

/** A weekly opening range, Monday to Friday by default, from a first day far in the past. */
export async function makeOpeningRange(
  db: Db,
  practiceId: string,
  practitionerId: string,
  locationId: string,
  overrides: Partial<typeof openingRanges.$inferInsert> = {},
) {
  const [range] = await db
    .insert(openingRanges)
    .values({
      practiceId,
      practitionerId,
      locationId,
      firstDay: '2020-01-06',
      startMinute: 9 * 60,
      endMinute: 12 * 60,
      weekdays: [1, 2, 3, 4, 5],
      intervalWeeks: 1,
      ...overrides,
    })
    .returning();
  if (!range) throw new Error('range not created');
  return range;
}

/** A practice with a location, a motif, two practitioners with opening ranges, a secretary and an admin. */
export async function makeSchedulingPractice(db: Db) {
  const practice = await makePractice(db);
  const location = await makeLocation(db, practice.id);
  const motif = await makeMotif(db, practice.id, { name: 'Contrôle', durationMinutes: 30 });
  const dentist = await makeStaff(db, practice.id, { role: 'practitioner', lastName: 'Bernard' });
  const other = await makeStaff(db, practice.id, { role: 'practitioner', lastName: 'Moreau' });
  const secretary = await makeStaff(db, practice.id, { role: 'secretary' });
  const admin = await makeStaff(db, practice.id, { role: 'admin' });
  await makeOpeningRange(db, practice.id, dentist.id, location.id);
  await makeOpeningRange(db, practice.id, other.id, location.id);
  return { practice, location, motif, dentist, other, secretary, admin };
}

/** The next weekday (Monday–Friday) at least `daysAhead` days from now, at a local hour in Paris, as an instant. */
export function nextWeekdayAt(hour: number, minute = 0, daysAhead = 7): string {
  const date = new Date(Date.now() + daysAhead * 86_400_000);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
  const day = date.toISOString().slice(0, 10);
  const local = Date.parse(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  const offset = parisOffsetMs(local);
  return new Date(local - offset).toISOString();
}

function parisOffsetMs(utc: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utc));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - utc;
}

import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { formatPhone, normalisePhone } from '../../domain/phone';
import { nameKeys } from '../../domain/phonetic';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { locations, patientRelations, patients, practices, staff } from '../db/schema';
import { hashPassword } from '../modules/auth/passwords';
import { demoLocations, demoPassword, demoPatients, demoPractice, demoSlug, demoStaff } from './demo-data';
import { seedDemoSchedule } from './seed-demo-schedule';

/** A host name or address that only this machine reaches: `localhost` (and `*.localhost`), 127.0.0.0/8, ::1. */
export function isLocalHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) ||
    name === '::1' ||
    name === '::ffff:127.0.0.1'
  );
}

/**
 * Whether start-up creates the demo practice. Its staff accounts share a published password, so a
 * server others can reach never gets them by default: `DEMO=auto` seeds an empty database only outside
 * production **and** when both the address the server listens on (`HOST`) and the address people use
 * (`PUBLIC_URL`) are local to this machine. `HOST=0.0.0.0` (every interface, as in a container) is not
 * local: set `DEMO=true` there. `DEMO=true` is an explicit choice (a benchmark, a showroom) and seeds
 * wherever it is set; otherwise an empty database gets a one-time link to create the first administrator.
 */
export function demoWanted(
  config: Pick<Config, 'env' | 'demo' | 'host' | 'publicUrl'>,
  databaseEmpty: boolean,
): boolean {
  if (config.demo === 'always') return true;
  if (config.demo === 'never' || config.env === 'production' || !databaseEmpty) return false;
  return isLocalServer(config);
}

/** Both the address the server listens on (`HOST`) and the one people use (`PUBLIC_URL`) are this machine's. */
export function isLocalServer(config: Pick<Config, 'host' | 'publicUrl'>): boolean {
  const publicHost = URL.canParse(config.publicUrl) ? new URL(config.publicUrl).hostname : '';
  return isLocalHost(config.host) && isLocalHost(publicHost);
}

/** True when no practice exists yet: `DEMO=auto` seeds only then. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(practices);
  return (row?.n ?? 0) === 0;
}

/** Creates the demo practice, its staff and 40 patients in one transaction. Idempotent by slug. */
export async function seedDemo(db: Db, now: Date): Promise<boolean> {
  const [existing] = await db
    .select({ id: practices.id })
    .from(practices)
    .where(eq(practices.slug, demoSlug));
  if (existing) return false;
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    const [practice] = await tx
      .insert(practices)
      .values({ ...demoPractice, createdAt: now })
      .returning();
    if (!practice) throw new Error('demo practice not created');
    const siteRows = await tx
      .insert(locations)
      .values(
        demoLocations.map(({ key: _key, ...site }) => ({ ...site, practiceId: practice.id, createdAt: now })),
      )
      .returning({ id: locations.id, name: locations.name });
    const staffRows = await tx
      .insert(staff)
      .values(
        demoStaff.map(({ key: _key, ...member }) => ({
          ...member,
          practiceId: practice.id,
          passwordHash,
          createdAt: now,
        })),
      )
      .returning({ id: staff.id, email: staff.email });
    const staffId = (key: string) => {
      const email = demoStaff.find((member) => member.key === key)?.email;
      return staffRows.find((row) => row.email === email)?.id ?? null;
    };
    const patientRows = await tx
      .insert(patients)
      .values(
        demoPatients.map((patient) => ({
          practiceId: practice.id,
          lastName: patient.lastName,
          firstName: patient.firstName,
          phoneticKeys: nameKeys(patient.lastName, patient.firstName),
          birthDate: patient.birthDate,
          mobilePhone: patient.phone ? normalisePhone(patient.phone, 'FR') : null,
          email: patient.email,
          addressLine: patient.addressLine,
          postalCode: '69003',
          city: 'Lyon',
          country: 'FR',
          ownPractitionerId: staffId(patient.practitioner),
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: patients.id });
    const patientId = (key: string) =>
      patientRows[demoPatients.findIndex((patient) => patient.key === key)]?.id;
    const relations = demoPatients.flatMap((patient) =>
      (patient.responsables ?? []).map(([role, responsableKey]) => ({
        practiceId: practice.id,
        patientId: patientId(patient.key) ?? '',
        responsableId: patientId(responsableKey) ?? '',
        role,
        createdAt: now,
      })),
    );
    if (relations.length > 0) await tx.insert(patientRelations).values(relations);
    await seedDemoSchedule(tx, {
      practiceId: practice.id,
      timeZone: practice.timeZone,
      staffId: (key) => staffId(key) ?? '',
      locationId: (key) =>
        siteRows.find((site) => site.name === demoLocations.find((location) => location.key === key)?.name)
          ?.id ?? '',
      patients: demoPatients.map((patient, index) => ({
        id: patientRows[index]?.id ?? '',
        practitioner: patient.practitioner,
        birthDate: patient.birthDate,
      })),
      secretaryId: staffId('secretary') ?? '',
      now,
    });
  });
  return true;
}

/** The lines printed at start-up: how to sign in to the demo. */
export async function demoSignInSheet(db: Db, publicUrl: string): Promise<string[] | null> {
  const [practice] = await db.select().from(practices).where(eq(practices.slug, demoSlug));
  if (!practice) return null;
  const team = await db
    .select({ email: staff.email, role: staff.role, first: staff.firstName, last: staff.lastName })
    .from(staff)
    .where(and(eq(staff.practiceId, practice.id), isNull(staff.removedAt)))
    .orderBy(asc(staff.role), asc(staff.lastName));
  const people = await db
    .select()
    .from(patients)
    .where(eq(patients.practiceId, practice.id))
    .orderBy(asc(patients.lastName), asc(patients.birthDate));
  const lines = [
    `Demo practice: ${practice.name}`,
    `  Console        ${publicUrl}/console   (password for every staff account: ${demoPassword})`,
    ...team.map(
      (member) => `    ${member.role.padEnd(12)} ${member.email.padEnd(42)} ${member.first} ${member.last}`,
    ),
    `  Patient app    ${publicUrl}/app   (phone + last name + first name + birth date; the SMS code is in Console › Outbox)`,
    `  Online booking ${publicUrl}/rdv/${practice.slug}`,
    '  Patients (children sign in with a parent’s phone):',
    ...people.map(
      (person) =>
        `    ${`${person.lastName} ${person.firstName}`.padEnd(26)} ${person.birthDate}  ${person.mobilePhone ? formatPhone(person.mobilePhone, practice.country) : '(a parent’s phone)'}`,
    ),
  ];
  return lines;
}

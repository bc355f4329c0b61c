import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../../src/server/db/client';
import { appointments } from '../../src/server/db/schema';
import { TestClient } from './client';
import { lastCodeSentTo, linkResponsable, makePatient, makePractice, type PracticeRow } from './factories';

/** Signs a patient in through the app's two steps (identity, then the SMS code), like the phone does. */
export async function patientClient(
  app: FastifyInstance,
  db: Db,
  identity: { practice: string; phone: string; lastName: string; firstName: string; birthDate: string },
  options: { userAgent?: string; lang?: string } = {},
): Promise<TestClient> {
  const client = new TestClient(app, options.lang ? { lang: options.lang } : {});
  const headers: Record<string, string> = options.userAgent ? { 'user-agent': options.userAgent } : {};
  const start = await client.post<{ challengeId: string }>('/api/patient/sign-in', identity, headers);
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const verified = await client.post(
    '/api/patient/sign-in/verify',
    { challengeId: start.body.challengeId, code: await lastCodeSentTo(db, identity.phone) },
    headers,
  );
  expect(verified.status).toBe(200);
  return client;
}

/**
 * Two parents with their own phones and two shared children; a stranger with a phone of their own.
 * Phones are unique per call, so families of several tests never meet.
 */
export async function makeFamily(db: Db, existing?: PracticeRow) {
  const practice = existing ?? (await makePractice(db));
  const suffix = () => String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
  const phones = { paul: `+3363998${suffix()}`, marie: `+3363997${suffix()}`, jose: `+3363996${suffix()}` };
  const paul = await makePatient(db, practice.id, {
    lastName: 'Durand',
    firstName: 'Paul',
    birthDate: '1980-03-14',
    mobilePhone: phones.paul,
    email: 'paul.durand@test.example',
    addressLine: '3 rue des Lilas',
    postalCode: '69003',
    city: 'Lyon',
  });
  const marie = await makePatient(db, practice.id, {
    lastName: 'Martin',
    firstName: 'Marie',
    birthDate: '1982-07-22',
    mobilePhone: phones.marie,
  });
  const lea = await makePatient(db, practice.id, {
    lastName: 'Durand',
    firstName: 'Léa',
    birthDate: '2012-05-03',
    mobilePhone: null,
  });
  const hugo = await makePatient(db, practice.id, {
    lastName: 'Durand',
    firstName: 'Hugo',
    birthDate: '2015-09-18',
    mobilePhone: null,
  });
  const jose = await makePatient(db, practice.id, {
    lastName: 'Núñez',
    firstName: 'José',
    birthDate: '1975-11-02',
    mobilePhone: phones.jose,
  });
  for (const child of [lea, hugo]) {
    await linkResponsable(db, practice.id, child.id, paul.id, 'parent1');
    await linkResponsable(db, practice.id, child.id, marie.id, 'parent2');
  }
  const identity = (patient: { lastName: string; firstName: string; birthDate: string }, phone: string) => ({
    practice: practice.slug,
    phone,
    lastName: patient.lastName,
    firstName: patient.firstName,
    birthDate: patient.birthDate,
  });
  return {
    practice,
    paul,
    marie,
    lea,
    hugo,
    jose,
    phones,
    identities: {
      paul: identity(paul, phones.paul),
      marie: identity(marie, phones.marie),
      jose: identity(jose, phones.jose),
    },
  };
}

/** An appointment written straight into the table (the agenda's rules are tested elsewhere). */
export async function makeAppointment(
  db: Db,
  at: { practiceId: string; practitionerId: string; locationId: string; motifId: string },
  patientId: string,
  startsAt: Date,
  overrides: Partial<typeof appointments.$inferInsert> = {},
) {
  const [row] = await db
    .insert(appointments)
    .values({
      ...at,
      patientId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('appointment not created');
  return row;
}

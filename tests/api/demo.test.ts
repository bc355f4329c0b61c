import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, motifs, patients, practices } from '../../src/server/db/schema';
import { ageBand, ageOn, careFits } from '../../src/server/demo/demo-care';
import { demoPassword } from '../../src/server/demo/demo-data';
import { demoMotifs } from '../../src/server/demo/demo-schedule';
import { seedDemo } from '../../src/server/demo/seed-demo';
import { seedDemoActivity } from '../../src/server/demo/seed-demo-activity';
import { localDayOf } from '../../src/server/modules/waitlist/offer-timing';
import { staffClient, type TestClient } from '../support/client';
import { lastCodeSentTo } from '../support/factories';
import { patientClient } from '../support/patient-session';
import { createTestApp, type TestApp } from '../support/test-app';

/** The demo a newcomer gets from `npm start` (issue 9 §4.19): the practice, then its first weeks. */
let t: TestApp;
let secretary: TestClient;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemo(t.deps.db, t.deps.clock.now())).toBe(true);
  await seedDemoActivity(t.deps);
  secretary = await staffClient(t.app, 'nadia.lefevre@cabinet-tilleuls.example', demoPassword);
  admin = await staffClient(t.app, 'claire.martin@cabinet-tilleuls.example', demoPassword);
}, 120_000);
afterAll(async () => t.close());

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('the demo practice', () => {
  it('gives every patient care that fits their age on the day (no implant for a child)', async () => {
    const rows = await t.deps.db
      .select({
        startsAt: appointments.startsAt,
        birthDate: patients.birthDate,
        motif: motifs.name,
        timeZone: practices.timeZone,
      })
      .from(appointments)
      .innerJoin(patients, eq(patients.id, appointments.patientId))
      .innerJoin(motifs, eq(motifs.id, appointments.motifId))
      .innerJoin(practices, eq(practices.id, appointments.practiceId))
      .where(isNull(appointments.deletedAt));
    expect(rows.length).toBeGreaterThan(100);
    const keyOf = new Map(demoMotifs.map((motif) => [motif.name, motif.key]));
    const misfits = rows
      .map((row) => {
        const age = ageOn(row.birthDate, localDayOf(row.startsAt, row.timeZone));
        return { age, motif: row.motif, fits: careFits(ageBand(age), keyOf.get(row.motif) ?? '') };
      })
      .filter((row) => !row.fits);
    expect(misfits).toEqual([]);
    // not vacuous: children are seen, and only for children's care
    const children = rows.filter((row) => ageOn(row.birthDate, localDayOf(row.startsAt, row.timeZone)) < 12);
    expect(children.length).toBeGreaterThan(5);
    expect(children.map((row) => row.motif)).not.toContain('Pose d’implant');
  });

  it('fills the agenda and the patient list', async () => {
    const now = t.deps.clock.now();
    const week = await secretary.get<{ appointments: unknown[] }>(
      `/api/console/agenda?from=${now.toISOString()}&to=${new Date(now.getTime() + 7 * 86_400_000).toISOString()}`,
    );
    expect(week.status).toBe(200);
    expect(week.body.appointments.length).toBeGreaterThan(20);
    const list = await secretary.get<Page<unknown>>('/api/console/patients?q=durand');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBe(4);
  });

  it('has conversations, some unread by the practice, one with a photo and one answered with a PDF', async () => {
    const inbox =
      await secretary.get<Page<{ patient: { lastName: string; firstName: string } }>>(
        '/api/console/messages',
      );
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toHaveLength(6);
    const unread = await secretary.get<{ unreadMessages: number; unreadThreads: number }>(
      '/api/console/messages/unread-count',
    );
    expect(unread.body).toEqual({ unreadMessages: 3, unreadThreads: 3 });
    const unreadOnly = await secretary.get<Page<{ patient: { firstName: string } }>>(
      '/api/console/messages?unread=true',
    );
    expect(unreadOnly.body.items.map((thread) => thread.patient.firstName).sort()).toEqual([
      'Chloé',
      'Léa',
      'Zoé',
    ]);
    const [chloe] = await t.deps.db
      .select()
      .from(patients)
      .where(and(eq(patients.lastName, 'Fontaine'), eq(patients.firstName, 'Chloé')));
    const [jose] = await t.deps.db
      .select()
      .from(patients)
      .where(and(eq(patients.lastName, 'Núñez'), eq(patients.firstName, 'José')));
    type Thread = { items: { attachments: { name: string; contentType: string }[] }[] };
    const photo = await secretary.get<Thread>(`/api/console/messages/threads/${chloe?.id}`);
    expect(photo.body.items.flatMap((message) => message.attachments)).toMatchObject([
      { contentType: 'image/png' },
    ]);
    // answered with a predefined reply, whose advice sheet came with it
    const advice = await secretary.get<Thread>(`/api/console/messages/threads/${jose?.id}`);
    expect(advice.body.items.flatMap((message) => message.attachments)).toMatchObject([
      { contentType: 'application/pdf', name: 'conseils-apres-extraction.pdf' },
    ]);
    const templates = await admin.get<{ title: string }[] | Page<{ title: string }>>(
      '/api/console/message-templates',
    );
    expect(templates.status).toBe(200);
    expect(JSON.stringify(templates.body)).toContain('Conseils après une extraction');
  });

  it('has documents waiting for a signature, signed ones, a waiting list and an outbox', async () => {
    const pending = await secretary.get<Page<{ title: string; patient: { firstName: string } }>>(
      '/api/console/signatures/pending',
    );
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((item) => item.title).sort()).toEqual([
      'Consentement éclairé – pose d’implant',
      'Devis – prothèse amovible complète',
      'Devis – traitement orthodontique',
    ]);
    const [helene] = await t.deps.db
      .select()
      .from(patients)
      .where(and(eq(patients.lastName, 'Garnier'), eq(patients.firstName, 'Hélène')));
    const files = await secretary.get<{ items: { title: string; signature: unknown }[] }>(
      `/api/console/patients/${helene?.id}/documents`,
    );
    expect(files.status).toBe(200);
    expect(JSON.stringify(files.body)).toContain('Devis – couronne céramique 26');
    const waiting = await secretary.get<Page<unknown>>('/api/console/waitlist?status=active');
    expect(waiting.body.items).toHaveLength(4);
    const outbox = await admin.get<Page<{ kind: string }>>('/api/console/outbox');
    expect(outbox.status).toBe(200);
    const kinds = new Set(outbox.body.items.map((message) => message.kind));
    expect(kinds.has('document_signed')).toBe(true);
    expect(outbox.body.items.length).toBeGreaterThan(2);
  });

  it('lets a parent sign his minor daughter’s quote in the app', async () => {
    const paul = await patientClient(t.app, t.deps.db, {
      practice: 'cabinet-des-tilleuls',
      // as the outbox stores it, where the code is read
      phone: '+33639981001',
      lastName: 'Durand',
      firstName: 'Paul',
      birthDate: '1980-03-14',
    });
    type AppDocument = { id: string; title: string };
    const list = await paul.get<{ toSign: AppDocument[]; signed: AppDocument[] }>('/api/patient/documents');
    expect(list.status).toBe(200);
    const quote = list.body.toSign.find((document) => document.title === 'Devis – traitement orthodontique');
    expect(quote).toBeDefined();
    const challenge = await paul.post<{ challengeId: string }>(
      `/api/patient/documents/${quote?.id}/signature/code`,
    );
    expect(challenge.status, JSON.stringify(challenge.body)).toBe(200);
    const signed = await paul.post(`/api/patient/documents/${quote?.id}/signature`, {
      challengeId: challenge.body.challengeId,
      code: await lastCodeSentTo(t.deps.db, '+33639981001'),
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  });
});

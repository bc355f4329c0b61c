import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, asc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import { dayMs, isoOfDay, localMs, minutesOf } from '../../domain/time/local-date';
import { ZoneConverter } from '../../domain/time/zone-converter';
import { type Actor, type AppDeps, type Ctx, makeCtx, withTransaction } from '../context';
import { appointments, documents, messages, messageThreads, motifs, patients, staff } from '../db/schema';
import { discardStored, type StoredUpload, storeUpload } from '../files/store-upload';
import { uploadDocument } from '../modules/documents/upload-document';
import { recordSignature, type SignatureFacts, storeSignedPdf } from '../modules/documents/write-signature';
import { appendMessage } from '../modules/messaging/append-message';
import { markStaffThreadRead } from '../modules/messaging/read-thread';
import { createTemplate } from '../modules/messaging/save-template';
import { sendStaffMessage } from '../modules/messaging/send-staff-message';
import { queueAppointmentNotice } from '../modules/notifications/appointment-notices';
import { findPracticeBySlug } from '../modules/practice/find-practice';
import { addWaitlistEntry } from '../modules/waitlist/add-waitlist-entry';
import {
  type DemoDocument,
  type DemoMoment,
  demoConversations,
  demoDocuments,
  demoReplyTemplates,
  demoWaitlist,
} from './demo-activity-data';
import { demoPatients, demoSlug, demoStaff } from './demo-data';
import { demoPdf, demoPhoto } from './demo-files';
import { demoMotifs } from './demo-schedule';

/** The demo's people and places, looked up once. */
interface Refs {
  deps: AppDeps;
  now: Date;
  practice: Awaited<ReturnType<typeof findPracticeBySlug>>;
  patient: (key: string) => { id: string; firstName: string; lastName: string; phone: string | null };
  staffActor: (key: string) => Actor;
  motifId: (key: string) => string;
  staffId: (key: string) => string;
  /** a moment of `demo-activity-data.ts` as an instant, never after now */
  instant: (moment: DemoMoment) => Date;
}

const fullName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName}`;

async function loadRefs(deps: AppDeps): Promise<Refs> {
  const now = deps.clock.now();
  const practice = await findPracticeBySlug(deps.db, demoSlug);
  const people = await deps.db.select().from(patients).where(eq(patients.practiceId, practice.id));
  const team = await deps.db.select().from(staff).where(eq(staff.practiceId, practice.id));
  const motifRows = await deps.db.select().from(motifs).where(eq(motifs.practiceId, practice.id));
  const patient = (key: string) => {
    const wanted = demoPatients.find((candidate) => candidate.key === key);
    const row = people.find(
      (person) =>
        person.lastName === wanted?.lastName &&
        person.firstName === wanted.firstName &&
        person.birthDate === wanted.birthDate,
    );
    if (!row) throw new Error(`demo patient ${key} missing`);
    return { id: row.id, firstName: row.firstName, lastName: row.lastName, phone: row.mobilePhone };
  };
  const staffRow = (key: string) => {
    const email = demoStaff.find((member) => member.key === key)?.email;
    const row = team.find((member) => member.email === email);
    if (!row) throw new Error(`demo staff ${key} missing`);
    return row;
  };
  const zone = new ZoneConverter(practice.timeZone, now.getTime() - 40 * dayMs, now.getTime() + 40 * dayMs);
  const today = Math.floor(zone.toLocal(now.getTime()) / dayMs);
  return {
    deps,
    now,
    practice,
    patient,
    staffId: (key) => staffRow(key).id,
    staffActor: (key) => {
      const row = staffRow(key);
      return { kind: 'staff', staffId: row.id, role: row.role };
    },
    motifId: (key) => {
      const name = demoMotifs.find((motif) => motif.key === key)?.name;
      const row = motifRows.find((motif) => motif.name === name);
      if (!row) throw new Error(`demo motif ${key} missing`);
      return row.id;
    },
    instant: (moment) => {
      const at =
        'minutesAgo' in moment
          ? now.getTime() - moment.minutesAgo * 60_000
          : zone.toInstant(localMs(today - moment.daysAgo, minutesOf(moment.at)));
      return new Date(Math.min(at, now.getTime() - 60_000));
    },
  };
}

/** A context of the demo practice, as `actor`, at the instant `at` (a message's or a document's moment). */
function ctxAt(refs: Refs, actor: Actor, at: Date): Ctx {
  return { ...makeCtx(refs.deps, { practiceId: refs.practice.id, actor, requestId: 'demo' }), now: at };
}

/** Stores a file as an upload would (type checked from the content), for a message. */
function storeFile(refs: Refs, bytes: Buffer, filename: string): Promise<StoredUpload> {
  return storeUpload(
    refs.deps.files,
    { stream: Readable.from([bytes]), filename },
    { maxBytes: refs.deps.config.files.maxBytes },
  );
}

/**
 * The administrator's predefined replies (MSG-2), one with the practice's advice sheet; the key of each
 * is what a conversation's staff message names to use it.
 */
async function seedReplyTemplates(refs: Refs): Promise<Map<string, string>> {
  const advice = await demoPdf({
    practice: refs.practice.name,
    title: 'Conseils après une extraction',
    patient: '',
    date: '',
    lines: [
      'Ne pas cracher, ne pas fumer ni boire chaud pendant 24 heures.',
      'Mordre sur une compresse 30 minutes en cas de saignement.',
      'Froid sur la joue (poche de glace dans un linge) par périodes de 10 minutes.',
      'Alimentation tiède et molle pendant 2 à 3 jours.',
      'Brossage doux, sans toucher la plaie, dès le lendemain.',
      'Appelez le cabinet si la douleur augmente après 3 jours ou en cas de fièvre.',
    ],
  });
  const ids = new Map<string, string>();
  const ctx = ctxAt(refs, refs.staffActor('admin'), refs.instant({ daysAgo: 30, at: '12:30' }));
  for (const template of demoReplyTemplates) {
    const upload = template.withAdviceSheet
      ? await storeFile(refs, advice, 'conseils-apres-extraction.pdf')
      : null;
    const created = await createTemplate(ctx, { title: template.title, body: template.body, upload });
    ids.set(template.key, created.id);
  }
  return ids;
}

async function seedConversations(refs: Refs): Promise<void> {
  const templates = await seedReplyTemplates(refs);
  for (const conversation of demoConversations) {
    const owner = refs.patient(conversation.patient);
    let last = refs.now;
    for (const message of conversation.messages) {
      const at = refs.instant(message.when);
      last = at;
      const uploads = message.photo ? [await storeFile(refs, demoPhoto(), 'gencive.png')] : [];
      if ('staff' in message.from) {
        // a predefined reply brings its own copy of its file, as in the console
        const templateId = message.template ? templates.get(message.template) : undefined;
        await sendStaffMessage(ctxAt(refs, refs.staffActor(message.from.staff), at), owner.id, {
          body: message.body,
          uploads,
          templateId,
        });
        continue;
      }
      // a family's phone writes, as the app's sendPatientMessage does once the phone is verified
      const writer = refs.patient(message.from.patient);
      const phone = writer.phone ?? '';
      const ctx = ctxAt(refs, { kind: 'system' }, at);
      await withTransaction(ctx, (tx) =>
        appendMessage(tx, {
          patientId: owner.id,
          author: { kind: 'patient', patientId: writer.id, phone },
          body: message.body,
          uploads,
        }),
      );
    }
    const reader = new Date(Math.min(last.getTime() + 20 * 60_000, refs.now.getTime()));
    if (conversation.readByStaff) {
      await markStaffThreadRead(ctxAt(refs, refs.staffActor('secretary'), reader), owner.id);
    }
    if (conversation.readByPatient) {
      // what the app's thread view marks when a phone of the family opens it
      const [thread] = await refs.deps.db
        .select({ id: messageThreads.id })
        .from(messageThreads)
        .where(and(eq(messageThreads.practiceId, refs.practice.id), eq(messageThreads.patientId, owner.id)));
      if (thread) {
        await refs.deps.db
          .update(messages)
          .set({ readByPatientAt: reader })
          .where(
            and(
              eq(messages.threadId, thread.id),
              eq(messages.authorKind, 'staff'),
              isNull(messages.readByPatientAt),
            ),
          );
      }
    }
  }
}

/**
 * The signature the app would have written (DOC-3) for a document the demo shows as signed: the same
 * signed PDF with its evidence page, the same evidence row, audit entry and practice notice. No code was
 * sent, so none is referenced.
 */
async function signAsInApp(refs: Refs, documentId: string, spec: DemoDocument): Promise<void> {
  if (!spec.signed) return;
  const [document] = await refs.deps.db.select().from(documents).where(eq(documents.id, documentId));
  if (!document) throw new Error('demo document missing');
  const signer = refs.patient(spec.signed.by);
  const forPatient = refs.patient(spec.patient);
  const role = signer.id === forPatient.id ? 'patient' : 'responsable';
  const signedAt = refs.instant({ daysAgo: spec.signed.daysAgo, at: '20:30' });
  const facts: SignatureFacts = {
    referenceId: randomUUID(),
    document,
    signer,
    forPatient,
    role,
    phone: signer.phone ?? '',
    signedAt,
    practice: refs.practice,
  };
  const file = await storeSignedPdf(refs.deps, facts);
  const ctx = ctxAt(refs, { kind: 'system' }, signedAt);
  try {
    await withTransaction(ctx, async (tx) => {
      await tx.db.update(documents).set({ signedAt }).where(eq(documents.id, document.id));
      await recordSignature(tx, facts, file, {
        codeId: null,
        ip: null,
        userAgent: 'Sourire (démo)',
        auditDetails: { demo: true },
      });
    });
  } catch (error) {
    await discardStored(refs.deps.files, [file.signedKey]);
    throw error;
  }
}

async function seedDocuments(refs: Refs): Promise<void> {
  const dateText = (at: Date) =>
    new Intl.DateTimeFormat('fr-FR', { timeZone: refs.practice.timeZone, dateStyle: 'long' }).format(at);
  for (const spec of demoDocuments) {
    const owner = refs.patient(spec.patient);
    const sharedAt = refs.instant({ daysAgo: spec.sharedDaysAgo, at: '11:15' });
    const bytes = await demoPdf({
      practice: refs.practice.name,
      title: spec.title,
      patient: fullName(owner),
      date: dateText(sharedAt),
      lines: spec.lines,
    });
    const shared = await uploadDocument(ctxAt(refs, refs.staffActor('secretary'), sharedAt), {
      patientId: owner.id,
      type: spec.type,
      title: spec.title,
      requiresSignature: spec.requiresSignature,
      letterToProfessional: false,
      visibility: null,
      upload: { stream: Readable.from([bytes]), filename: `${spec.title}.pdf` },
    });
    await signAsInApp(refs, shared.id, spec);
  }
}

async function seedWaitlist(refs: Refs): Promise<void> {
  const ctx = ctxAt(refs, refs.staffActor('secretary'), refs.now);
  const zone = new ZoneConverter(
    refs.practice.timeZone,
    refs.now.getTime() - dayMs,
    refs.now.getTime() + dayMs,
  );
  const today = Math.floor(zone.toLocal(refs.now.getTime()) / dayMs);
  for (const entry of demoWaitlist) {
    await addWaitlistEntry(ctx, {
      patientId: refs.patient(entry.patient).id,
      motifId: refs.motifId(entry.motif),
      practitionerId: entry.practitioner ? refs.staffId(entry.practitioner) : null,
      fromDay: isoOfDay(today + entry.fromDays),
      toDay: isoOfDay(today + entry.toDays),
    });
  }
}

/**
 * The outbox of a practice at work: the confirmations of the next appointments booked online and the
 * reminders of tomorrow's, queued as the booking and the reminder job queue them.
 */
async function seedOutbox(refs: Refs): Promise<void> {
  const upcoming = await refs.deps.db
    .select({ id: appointments.id, channel: appointments.channel, startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.practiceId, refs.practice.id),
        gte(appointments.startsAt, refs.now),
        lt(appointments.startsAt, new Date(refs.now.getTime() + 7 * dayMs)),
        isNull(appointments.cancelledAt),
        isNull(appointments.deletedAt),
        inArray(appointments.status, ['unknown']),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  const online = upcoming.filter((appointment) => appointment.channel === 'online').slice(0, 3);
  const soon = upcoming
    .filter((appointment) => appointment.startsAt.getTime() < refs.now.getTime() + 2 * dayMs)
    .filter((appointment) => !online.includes(appointment))
    .slice(0, 3);
  const ctx = ctxAt(refs, refs.staffActor('secretary'), refs.now);
  await withTransaction(ctx, async (tx) => {
    for (const appointment of online) await queueAppointmentNotice(tx, appointment.id, 'confirmation');
    for (const appointment of soon) await queueAppointmentNotice(tx, appointment.id, 'reminder');
  });
}

/**
 * What the demo practice's first weeks left behind (issue 9 §4.19), on top of `seedDemo`'s practice,
 * people and agenda: six conversations (three unread by the practice, one with a photo, one answered with
 * a PDF), documents to sign (one for a minor, which a parent signs) and signed ones, an invoice, four
 * patients on the waiting list, and messages in the outbox. Written through the modules' own use cases
 * (messages, uploads, waiting list, notices), at moments relative to the clock, so it reads the same on
 * any day. Needs the file storage, hence the app's dependencies; call it once, after `seedDemo` created
 * the practice.
 */
export async function seedDemoActivity(deps: AppDeps): Promise<void> {
  const refs = await loadRefs(deps);
  await seedConversations(refs);
  await seedDocuments(refs);
  await seedWaitlist(refs);
  await seedOutbox(refs);
}

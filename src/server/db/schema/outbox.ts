import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns';
import { practices } from './practice';

export type OutboxChannel = 'sms' | 'email';
/** pending → sending → sent | failed (retries exhausted) | held (no provider configured: kept for the console). */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'held';

/**
 * The Web Push form of a message (issue 9 §3.14): tried first, to the live subscriptions of `phones`;
 * the row's SMS or email is the fallback when no device took it. Carries no health content.
 */
export interface OutboxPush {
  /** the phones (E.164) whose app devices receive it */
  phones: string[];
  title: string;
  body: string;
  /** a path of the patient app, e.g. /app/messagerie/<patient> */
  url: string;
  /** devices show one notification per tag (a second one replaces the first) */
  tag: string;
}

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

/** Every SMS and email leaves through this table, drained by the job runner. */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    channel: text().$type<OutboxChannel>().notNull(),
    recipient: text().notNull(),
    subject: text(),
    body: text().notNull(),
    html: text(),
    attachments: jsonb().$type<OutboxAttachment[]>(),
    push: jsonb().$type<OutboxPush>(),
    /** when the message reached the patient's app by Web Push instead of its SMS or email */
    pushedAt: instant(),
    /** What the message is: app_sign_in_code, booking_code, staff_invitation, appointment_confirmation… */
    kind: text().notNull(),
    /** Holds a secret (a code, a link): its body is shown in the console only while held. */
    sensitive: boolean().notNull().default(false),
    patientId: uuid(),
    /** the appointment a notification is about: staff see its sends and failures on it (NOT-3) */
    appointmentId: uuid(),
    /** At most one message per key: retries and concurrent servers cannot send twice. */
    idempotencyKey: text().unique(),
    status: text().$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    /** Not before this instant: retries, and notices held back until the morning (quiet hours). */
    nextAttemptAt: createdAt(),
    lockedUntil: instant(),
    lastError: text(),
    providerMessageId: text(),
    createdAt: createdAt(),
    sentAt: instant(),
  },
  (t) => [
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('outbox_practice_idx').on(t.practiceId, t.createdAt),
    index('outbox_patient_kind_idx')
      .on(t.patientId, t.kind)
      .where(sql`${t.status} = 'pending' and ${t.patientId} is not null`),
    index('outbox_appointment_idx').on(t.appointmentId).where(sql`${t.appointmentId} is not null`),
    check('outbox_channel_check', sql`${t.channel} in ('sms', 'email')`),
    check('outbox_status_check', sql`${t.status} in ('pending', 'sending', 'sent', 'failed', 'held')`),
  ],
);

import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { sessions } from './auth';
import { createdAt, id, instant } from './columns';
import { practices } from './practice';
import { tenantFk } from './tenancy';

/**
 * A browser's Web Push subscription in the patient app (issue 9 §3.14): where the push service accepts
 * notifications for one installed app, and the keys that encrypt them. It belongs to the app session of
 * the device that allowed notifications, so it reaches only the family of that session's phone; it dies
 * with the session (sign-out, device revoked, expiry: never used again, deleted by housekeeping), and is
 * deleted when the push service answers 404 or 410 (the browser dropped it).
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    sessionId: text().notNull(),
    /** the session's verified phone (E.164): whose notices the device receives */
    phone: text().notNull(),
    /** the push service's URL for this subscription: unique, a browser has one per app */
    endpoint: text().notNull().unique(),
    /** the browser's P-256 public key and auth secret (base64url), to encrypt the payload */
    p256dh: text().notNull(),
    auth: text().notNull(),
    createdAt: createdAt(),
    lastSuccessAt: instant(),
  },
  (t) => [
    tenantFk('push_subscriptions_session_id_tenant_fk', [t.practiceId, t.sessionId], sessions, 'cascade'),
    index('push_subscriptions_phone_idx').on(t.practiceId, t.phone),
    index('push_subscriptions_session_idx').on(t.sessionId),
  ],
);

import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { practices, staff } from '../../db/schema';
import { codeGuessingEmail, signInAttackEmail } from '../../messages/staff-security-templates';
import { type Counted, limits, secondsUntilAllowed, takeToken } from '../auth/rate-limit';
import { enqueueMessage } from '../outbox/enqueue-message';

const oncePerHour = { max: 1, windowMs: 60 * 60_000 };
const oncePerDay = { max: 1, windowMs: 24 * 60 * 60_000 };

/**
 * After a failed sign-in on an existing account: when the account's failures from every address have
 * reached their limit, emails the practice's admins, at most once an hour per account (the once is
 * itself an atomic count, so a burst sends one email), in the practice's language.
 */
export async function alertAdminsOfAttack(
  db: Db,
  member: { id: string; practiceId: string },
  email: string,
  now: Date,
): Promise<void> {
  const wait = await secondsUntilAllowed(
    db,
    `staff-login:account:${email}`,
    limits.staffLoginPerAccount,
    now,
  );
  if (wait === 0) return;
  const once = await takeToken(db, `staff-login:attack-alert:${member.id}`, oncePerHour, now);
  if (!once.allowed) return;
  const admins = await db
    .select({ email: staff.email })
    .from(staff)
    .where(and(eq(staff.practiceId, member.practiceId), eq(staff.role, 'admin'), isNull(staff.removedAt)));
  const [practice] = await db
    .select({ name: practices.name, lang: practices.defaultLang })
    .from(practices)
    .where(eq(practices.id, member.practiceId));
  if (!practice) return;
  const mail = signInAttackEmail(practice.lang, { practice: practice.name, email });
  for (const admin of admins) {
    await enqueueMessage(
      db,
      {
        practiceId: member.practiceId,
        channel: 'email',
        recipient: admin.email,
        kind: 'staff_sign_in_attack',
        subject: mail.subject,
        body: mail.text,
        idempotencyKey: `sign-in-attack:${member.id}:${admin.email}:${now.getTime()}`,
      },
      now,
    );
  }
}

/**
 * After a wrong second-step code: when one of the account's code counters is full, emails the member and
 * the practice's admins, at most once a day per account (an atomic count, so a burst sends one email):
 * the password is known to someone who is now guessing codes, and should be changed.
 */
export async function alertOfCodeGuessing(
  db: Db,
  member: { id: string; practiceId: string },
  counters: Counted[],
  now: Date,
): Promise<void> {
  let full = false;
  for (const counter of counters) {
    if ((await secondsUntilAllowed(db, counter.key, counter.limit, now)) > 0) full = true;
  }
  if (!full) return;
  const once = await takeToken(db, `staff-mfa:guess-alert:${member.id}`, oncePerDay, now);
  if (!once.allowed) return;
  const [owner] = await db.select({ email: staff.email }).from(staff).where(eq(staff.id, member.id));
  const [practice] = await db
    .select({ name: practices.name, lang: practices.defaultLang })
    .from(practices)
    .where(eq(practices.id, member.practiceId));
  if (!owner || !practice) return;
  const admins = await db
    .select({ email: staff.email })
    .from(staff)
    .where(and(eq(staff.practiceId, member.practiceId), eq(staff.role, 'admin'), isNull(staff.removedAt)));
  const recipients = [...new Set([owner.email, ...admins.map((admin) => admin.email)])];
  const mail = codeGuessingEmail(practice.lang, { practice: practice.name, email: owner.email });
  for (const recipient of recipients) {
    await enqueueMessage(
      db,
      {
        practiceId: member.practiceId,
        channel: 'email',
        recipient,
        kind: 'staff_mfa_guessing',
        subject: mail.subject,
        body: mail.text,
        idempotencyKey: `mfa-guessing:${member.id}:${recipient}:${now.getTime()}`,
      },
      now,
    );
  }
}

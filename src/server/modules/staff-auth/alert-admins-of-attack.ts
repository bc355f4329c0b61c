import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { staff } from '../../db/schema';
import { limits, secondsUntilAllowed, takeToken } from '../auth/rate-limit';
import { enqueueMessage } from '../outbox/enqueue-message';

const oncePerHour = { max: 1, windowMs: 60 * 60_000 };

/**
 * After a failed sign-in on an existing account: when the account's failures from every address have
 * reached their limit, emails the practice's admins, at most once an hour per account (the once is
 * itself an atomic count, so a burst sends one email).
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
  for (const admin of admins) {
    await enqueueMessage(
      db,
      {
        practiceId: member.practiceId,
        channel: 'email',
        recipient: admin.email,
        kind: 'staff_sign_in_attack',
        subject: 'Sourire : tentatives de connexion répétées / repeated sign-in attempts',
        body:
          `Le compte ${email} a reçu de nombreux mots de passe erronés depuis plusieurs adresses. ` +
          'Les essais sont ralentis ; la personne peut toujours se connecter.\n\n' +
          `The account ${email} received many wrong passwords from several addresses. ` +
          'Attempts are slowed down; its owner can still sign in.',
        idempotencyKey: `sign-in-attack:${member.id}:${admin.email}:${now.getTime()}`,
      },
      now,
    );
  }
}

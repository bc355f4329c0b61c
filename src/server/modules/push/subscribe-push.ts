import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context';
import { pushSubscriptions } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { sessionPhone } from '../patient-app/app-family';
import { acceptedPushEndpoint } from './push-endpoint';
import type { pushSubscriptionBody } from './push-schemas';

/** The key the app subscribes with (`applicationServerKey`). */
export function pushPublicKey(ctx: Ctx): { publicKey: string } {
  sessionPhone(ctx);
  return { publicKey: ctx.deps.config.push.publicKey };
}

/**
 * Stores this device's subscription for the signed-in session (the patient allowed notifications in the
 * app). One row per endpoint: the same browser subscribing again, even after signing in as someone
 * else, replaces its row, so a device never receives two families' notices. Audited.
 */
export async function subscribePush(ctx: Ctx, input: z.infer<typeof pushSubscriptionBody>): Promise<void> {
  const { phone, patientId, sessionId } = sessionPhone(ctx);
  if (!acceptedPushEndpoint(input.endpoint, ctx.deps.config.env))
    throw AppError.field('endpoint', 'invalid_format');
  const values = {
    practiceId: ctx.practiceId,
    sessionId,
    phone,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    createdAt: ctx.now,
  };
  const [row] = await ctx.db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { ...values, lastSuccessAt: null } })
    .returning({ id: pushSubscriptions.id });
  await recordAudit(ctx, {
    action: 'patient.push_subscribe',
    entity: 'push_subscription',
    entityId: row?.id ?? null,
    patientId,
  });
}

/**
 * Forgets a subscription (the patient turned notifications off, or signs out). Only one of the signed-in
 * phone's own devices: another family's endpoint answers 404, exactly like an unknown one.
 */
export async function unsubscribePush(ctx: Ctx, endpoint: string): Promise<void> {
  const { phone, patientId } = sessionPhone(ctx);
  const removed = await ctx.db
    .delete(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.endpoint, endpoint),
        eq(pushSubscriptions.practiceId, ctx.practiceId),
        eq(pushSubscriptions.phone, phone),
      ),
    )
    .returning({ id: pushSubscriptions.id });
  if (removed.length === 0) throw AppError.notFound();
  await recordAudit(ctx, {
    action: 'patient.push_unsubscribe',
    entity: 'push_subscription',
    entityId: removed[0]?.id ?? null,
    patientId,
  });
}

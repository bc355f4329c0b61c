import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Device } from '../../../contracts/patient-app';
import { summariseUserAgent } from '../../../domain/user-agent';
import type { Ctx } from '../../context';
import { sessions } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { sessionPhone } from './app-family';

const unknownDevice = { fr: 'Appareil inconnu', en: 'Unknown device' } as const;

/** The phone's live sessions of the app (issue 5 §8), the device asking first, then the latest seen. */
function liveSessionsOfPhone(ctx: Ctx, phone: string) {
  return and(
    eq(sessions.practiceId, ctx.practiceId),
    eq(sessions.kind, 'patient'),
    eq(sessions.patientPhone, phone),
    isNull(sessions.revokedAt),
    gt(sessions.expiresAt, ctx.now),
  );
}

/** The devices signed in to the app with this phone: browser and system, since when, last seen. */
export async function listDevices(ctx: Ctx): Promise<{ items: Device[] }> {
  const { phone, sessionId } = sessionPhone(ctx);
  const rows = await ctx.db
    .select({
      id: sessions.id,
      publicId: sessions.publicId,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(liveSessionsOfPhone(ctx, phone))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(50);
  const items = rows.map((row) => {
    const { browser, system } = summariseUserAgent(row.userAgent);
    return {
      id: row.publicId,
      label: [browser, system].filter(Boolean).join(' · ') || unknownDevice[ctx.lang],
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      current: row.id === sessionId,
    };
  });
  return { items: [...items.filter((item) => item.current), ...items.filter((item) => !item.current)] };
}

/**
 * Signs a device out (a lost phone, a shared tablet): its next request is refused (401). Only a
 * device of the same phone; any other id answers 404.
 */
export async function revokeDevice(ctx: Ctx, deviceId: string): Promise<void> {
  const { phone, patientId } = sessionPhone(ctx);
  const [revoked] = await ctx.db
    .update(sessions)
    .set({ revokedAt: ctx.now })
    .where(and(liveSessionsOfPhone(ctx, phone), eq(sessions.publicId, deviceId)))
    .returning({ id: sessions.id });
  if (!revoked) throw AppError.notFound();
  await recordAudit(ctx, { action: 'patient.device_revoke', entity: 'session', patientId });
}

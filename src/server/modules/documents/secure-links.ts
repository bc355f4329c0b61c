import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { SecureLink, secureLinkBody } from '../../../contracts/documents';
import { maskPhone, normalisePhone } from '../../../domain/phone';
import { dayMs } from '../../../domain/time/local-date';
import type { Ctx } from '../../context';
import { secureLinkOpenings, secureLinks, staff } from '../../db/schema';
import { AppError } from '../../errors';
import { secureLinkEmail, secureLinkSms } from '../../messages/document-templates';
import { recordAudit } from '../audit/record-audit';
import { hashToken, newToken } from '../auth/tokens';
import { enqueueMessage } from '../outbox/enqueue-message';
import { findPracticeById } from '../practice/find-practice';
import { withStaffDocument } from './staff-document';

type LinkRow = typeof secureLinks.$inferSelect;
type OpeningRow = Pick<typeof secureLinkOpenings.$inferSelect, 'linkId' | 'openedAt' | 'ip' | 'userAgent'>;
type StaffName = { id: string; firstName: string; lastName: string } | null;

export function linkStatus(link: Pick<LinkRow, 'revokedAt' | 'expiresAt'>, now: Date): SecureLink['status'] {
  if (link.revokedAt) return 'revoked';
  return link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

function toSecureLink(link: LinkRow, openings: OpeningRow[], creator: StaffName, now: Date): SecureLink {
  return {
    id: link.id,
    documentId: link.documentId,
    recipientName: link.recipientName,
    maskedPhone: maskPhone(link.phone),
    email: link.email,
    channel: link.channel,
    status: linkStatus(link, now),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    createdAt: link.createdAt.toISOString(),
    createdBy: creator ? { id: creator.id, name: `${creator.firstName} ${creator.lastName}` } : null,
    openings: openings
      .filter((opening) => opening.linkId === link.id)
      .map((opening) => ({
        at: opening.openedAt.toISOString(),
        ip: opening.ip,
        userAgent: opening.userAgent,
      })),
  };
}

/**
 * Staff send a document through the secure results channel (DOC-5, seed 004) to someone without the
 * app: a link with a random token (only its hash is kept), valid 7 days by default, revocable, sent by
 * SMS or by email — the message carries the link only, never the document. Opening it asks for an SMS
 * code sent to `phone`.
 */
export async function createSecureLink(
  ctx: Ctx,
  documentId: string,
  input: z.infer<typeof secureLinkBody>,
): Promise<SecureLink> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const staffId = ctx.actor.staffId;
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const phone = normalisePhone(input.phone, practice.country);
  if (!phone) throw AppError.field('phone', 'phone');
  if (input.channel === 'email' && !input.email) throw AppError.field('email', 'required');
  const token = newToken();
  const expiresAt = new Date(ctx.now.getTime() + input.expiresInDays * dayMs);
  return withStaffDocument(ctx, documentId, async (tx, document) => {
    const [link] = await tx.db
      .insert(secureLinks)
      .values({
        practiceId: tx.practiceId,
        documentId: document.id,
        tokenHash: hashToken(token),
        recipientName: input.recipientName ?? null,
        phone,
        email: input.email ?? null,
        channel: input.channel,
        expiresAt,
        createdBy: staffId,
        createdAt: tx.now,
      })
      .returning();
    if (!link) throw new Error('secure link not created');
    const url = `${tx.deps.config.publicUrl}/rdv/document/${token}`;
    const facts = { practice: practice.name, link: url, expiresAt, timeZone: practice.timeZone };
    const message =
      input.channel === 'email' && input.email
        ? {
            channel: 'email' as const,
            recipient: input.email,
            subject: secureLinkEmail(practice.defaultLang, facts).subject,
            body: secureLinkEmail(practice.defaultLang, facts).text,
          }
        : { channel: 'sms' as const, recipient: phone, body: secureLinkSms(practice.defaultLang, facts) };
    await enqueueMessage(
      tx.db,
      {
        practiceId: tx.practiceId,
        ...message,
        kind: 'secure_link',
        sensitive: true,
        patientId: document.patientId,
        idempotencyKey: `secure_link:${link.id}`,
      },
      tx.now,
    );
    await recordAudit(tx, {
      action: 'secure_link.create',
      entity: 'document',
      entityId: document.id,
      patientId: document.patientId,
      details: { linkId: link.id, channel: link.channel, expiresAt: expiresAt.toISOString() },
    });
    const [creator] = await tx.db
      .select({ id: staff.id, firstName: staff.firstName, lastName: staff.lastName })
      .from(staff)
      .where(eq(staff.id, staffId));
    return toSecureLink(link, [], creator ?? null, tx.now);
  });
}

/** The secure links of a document with every opening (when, from where), newest first; audited. */
export async function listSecureLinks(ctx: Ctx, documentId: string): Promise<{ items: SecureLink[] }> {
  return withStaffDocument(ctx, documentId, async (tx, document) => {
    const rows = await tx.db
      .select({
        link: secureLinks,
        creator: { id: staff.id, firstName: staff.firstName, lastName: staff.lastName },
      })
      .from(secureLinks)
      .leftJoin(staff, eq(staff.id, secureLinks.createdBy))
      .where(and(eq(secureLinks.practiceId, tx.practiceId), eq(secureLinks.documentId, document.id)))
      .orderBy(desc(secureLinks.createdAt), desc(secureLinks.id));
    const openings =
      rows.length === 0
        ? []
        : await tx.db
            .select({
              linkId: secureLinkOpenings.linkId,
              openedAt: secureLinkOpenings.openedAt,
              ip: secureLinkOpenings.ip,
              userAgent: secureLinkOpenings.userAgent,
            })
            .from(secureLinkOpenings)
            .where(
              inArray(
                secureLinkOpenings.linkId,
                rows.map((row) => row.link.id),
              ),
            )
            .orderBy(desc(secureLinkOpenings.openedAt));
    await recordAudit(tx, {
      action: 'secure_link.list',
      entity: 'document',
      entityId: document.id,
      patientId: document.patientId,
    });
    return { items: rows.map((row) => toSecureLink(row.link, openings, row.creator, tx.now)) };
  });
}

/** Revokes a secure link: its next use answers 410, codes included. Revoking twice changes nothing. */
export async function revokeSecureLink(ctx: Ctx, linkId: string): Promise<SecureLink> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const [link] = await ctx.db
    .select({ documentId: secureLinks.documentId })
    .from(secureLinks)
    .where(and(eq(secureLinks.id, linkId), eq(secureLinks.practiceId, ctx.practiceId)));
  if (!link) throw AppError.notFound();
  const staffId = ctx.actor.staffId;
  await withStaffDocument(
    ctx,
    link.documentId,
    async (tx, document) => {
      const [revoked] = await tx.db
        .update(secureLinks)
        .set({ revokedAt: tx.now, revokedBy: staffId })
        .where(
          and(
            eq(secureLinks.id, linkId),
            eq(secureLinks.practiceId, tx.practiceId),
            isNull(secureLinks.revokedAt),
          ),
        )
        .returning({ id: secureLinks.id });
      if (!revoked) return;
      await recordAudit(tx, {
        action: 'secure_link.revoke',
        entity: 'document',
        entityId: document.id,
        patientId: document.patientId,
        details: { linkId },
      });
    },
    { forUpdate: true },
  );
  const { items } = await listSecureLinks(ctx, link.documentId);
  const updated = items.find((item) => item.id === linkId);
  if (!updated) throw AppError.notFound();
  return updated;
}

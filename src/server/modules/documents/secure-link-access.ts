import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { SecureLinkInfo } from '../../../contracts/documents';
import type { Lang } from '../../../contracts/i18n/lang';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import { secondsBeforeResend } from '../../../domain/one-time-code';
import { maskPhone } from '../../../domain/phone';
import { type AppDeps, type Ctx, makeCtx, withTransaction } from '../../context';
import { documentCodes, documents, oneTimeCodes, secureLinkOpenings, secureLinks } from '../../db/schema';
import { AppError } from '../../errors';
import { secureLinkCodeSms } from '../../messages/document-templates';
import { recordAudit } from '../audit/record-audit';
import { assertCodeSendAllowed, consumeCode } from '../auth/one-time-codes';
import { resendCode, sendCode } from '../auth/send-code';
import { hashToken, newToken } from '../auth/tokens';
import { findPracticeById, type Practice } from '../practice/find-practice';
import { secureLinkCodeKey, takeDocumentCodeGap } from './document-code-gap';
import { type DocumentFile, fileOfVersion, openFile } from './document-file';
import { linkStatus } from './secure-links';

/** How long one opening (a right code) lets its browser download the document. */
export const secureAccessMs = 15 * 60_000;

/** The caller of a public secure-link route: the link's token and where the request comes from. */
export interface SecureRequest {
  token: string;
  ip: string | null;
  requestId: string;
  lang: Lang;
}

type LiveLink = { link: typeof secureLinks.$inferSelect; practice: Practice; ctx: Ctx };

/**
 * The live link of a token, with a public context on its practice: unknown → 404; expired or revoked
 * → 410 LINK_EXPIRED, whatever step is asked for (its page, a code, an opening, a download).
 */
async function liveLink(deps: AppDeps, request: SecureRequest): Promise<LiveLink> {
  const [link] = await deps.db
    .select()
    .from(secureLinks)
    .where(eq(secureLinks.tokenHash, hashToken(request.token)));
  if (!link) throw AppError.notFound();
  const ctx = makeCtx(deps, {
    practiceId: link.practiceId,
    actor: { kind: 'public' },
    requestId: request.requestId,
    ip: request.ip,
    lang: request.lang,
  });
  if (linkStatus(link, ctx.now) !== 'active') throw new AppError('LINK_EXPIRED');
  return { link, practice: await findPracticeById(deps.db, link.practiceId), ctx };
}

/** The link's page before the code (DOC-5): which practice, where the code goes, until when. */
export async function getSecureLinkInfo(deps: AppDeps, request: SecureRequest): Promise<SecureLinkInfo> {
  const { link, practice } = await liveLink(deps, request);
  return {
    practiceName: practice.name,
    maskedPhone: maskPhone(link.phone),
    expiresAt: link.expiresAt.toISOString(),
  };
}

const smsText = (lang: Lang, practice: Practice) => (code: string) =>
  secureLinkCodeSms(lang, { practice: practice.name, code });

/**
 * Sends a code to the link's phone: 10 minutes, five attempts, a new one 60 s after the last at the
 * earliest (one a minute however many requests come at once), within every code's per-phone and per-address limits.
 */
export async function requestSecureLinkCode(deps: AppDeps, request: SecureRequest): Promise<CodeChallenge> {
  const { link, practice, ctx } = await liveLink(deps, request);
  const [recent] = await ctx.db
    .select({ lastSentAt: oneTimeCodes.lastSentAt })
    .from(documentCodes)
    .innerJoin(oneTimeCodes, eq(oneTimeCodes.id, documentCodes.codeId))
    .where(and(eq(documentCodes.linkId, link.id), isNull(oneTimeCodes.consumedAt)))
    .orderBy(desc(oneTimeCodes.lastSentAt))
    .limit(1);
  const wait = recent ? secondsBeforeResend(recent.lastSentAt, ctx.now) : 0;
  if (wait > 0) throw AppError.tooManyAttempts(wait);
  await assertCodeSendAllowed(ctx.db, ctx.practiceId, link.phone, ctx.ip, ctx.now);
  return sendCode(deps, {
    practice,
    phone: link.phone,
    purpose: 'secure_link',
    patientId: null,
    ip: ctx.ip,
    lang: ctx.lang,
    smsText: smsText(ctx.lang, practice),
    bind: async (tx, challengeId) => {
      await takeDocumentCodeGap(tx, secureLinkCodeKey(link.id), ctx.now);
      await tx.insert(documentCodes).values({
        codeId: challengeId,
        practiceId: link.practiceId,
        documentId: link.documentId,
        linkId: link.id,
      });
    },
  });
}

/** The challenge of this link; CODE_EXPIRED for a code sent for anything else. */
async function linkChallenge(ctx: Ctx, linkId: string, challengeId: string): Promise<void> {
  const [challenge] = await ctx.db
    .select({ id: documentCodes.codeId })
    .from(documentCodes)
    .innerJoin(oneTimeCodes, eq(oneTimeCodes.id, documentCodes.codeId))
    .where(
      and(
        eq(documentCodes.codeId, challengeId),
        eq(documentCodes.linkId, linkId),
        eq(oneTimeCodes.purpose, 'secure_link'),
      ),
    );
  if (!challenge) throw new AppError('CODE_EXPIRED');
}

export async function resendSecureLinkCode(
  deps: AppDeps,
  request: SecureRequest & { challengeId: string },
): Promise<CodeChallenge> {
  const { link, practice, ctx } = await liveLink(deps, request);
  await linkChallenge(ctx, link.id, request.challengeId);
  return resendCode(deps, {
    challengeId: request.challengeId,
    purpose: 'secure_link',
    ip: ctx.ip,
    lang: ctx.lang,
    smsText: smsText(ctx.lang, practice),
  });
}

/**
 * Opens the link with the code (DOC-5). Every opening is logged — when, IP, user agent — for staff to
 * see, and audited; it lets this browser download the document for 15 minutes (a cookie whose token
 * only the opening row knows the hash of).
 */
export async function openSecureLink(
  deps: AppDeps,
  request: SecureRequest & { challengeId: string; code: string; userAgent: string | null },
): Promise<{ accessToken: string; accessExpiresAt: Date; documentTitle: string }> {
  const { link, ctx } = await liveLink(deps, request);
  await linkChallenge(ctx, link.id, request.challengeId);
  await consumeCode(deps, request.challengeId, 'secure_link', request.code);
  const accessToken = newToken();
  const accessExpiresAt = new Date(ctx.now.getTime() + secureAccessMs);
  const documentTitle = await withTransaction(ctx, async (tx) => {
    const [document] = await tx.db
      .select({ id: documents.id, patientId: documents.patientId, title: documents.title })
      .from(documents)
      .where(eq(documents.id, link.documentId));
    if (!document) throw AppError.notFound();
    await tx.db.insert(secureLinkOpenings).values({
      practiceId: tx.practiceId,
      linkId: link.id,
      openedAt: tx.now,
      ip: tx.ip,
      userAgent: request.userAgent,
      accessHash: hashToken(accessToken),
      accessExpiresAt,
    });
    await recordAudit(tx, {
      action: 'secure_link.open',
      entity: 'document',
      entityId: document.id,
      patientId: document.patientId,
      details: { linkId: link.id },
    });
    return document.title;
  });
  return { accessToken, accessExpiresAt, documentTitle };
}

/**
 * Downloads the document of an opened link: the link still live and this browser's opening less than
 * 15 minutes old, checked on every download (401 otherwise); audited.
 */
export async function openSecureLinkFile(
  deps: AppDeps,
  request: SecureRequest & { accessToken: string | undefined },
): Promise<DocumentFile> {
  const { link, ctx } = await liveLink(deps, request);
  if (!request.accessToken) throw new AppError('UNAUTHENTICATED');
  const accessHash = hashToken(request.accessToken);
  const file = await withTransaction(ctx, async (tx) => {
    const [opening] = await tx.db
      .select({ id: secureLinkOpenings.id })
      .from(secureLinkOpenings)
      .where(
        and(
          eq(secureLinkOpenings.linkId, link.id),
          eq(secureLinkOpenings.accessHash, accessHash),
          gt(secureLinkOpenings.accessExpiresAt, tx.now),
        ),
      );
    if (!opening) throw new AppError('UNAUTHENTICATED');
    const [document] = await tx.db.select().from(documents).where(eq(documents.id, link.documentId));
    if (!document) throw AppError.notFound();
    const chosen = await fileOfVersion(tx, document, 'current');
    await recordAudit(tx, {
      action: 'secure_link.download',
      entity: 'document',
      entityId: document.id,
      patientId: document.patientId,
      details: { linkId: link.id, openingId: opening.id },
    });
    return chosen;
  });
  return openFile(ctx, file);
}

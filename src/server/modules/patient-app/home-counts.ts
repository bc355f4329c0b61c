import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { documents, messages, messageThreads } from '../../db/schema';
import { type AppReader, canRead } from '../documents/app-reader';

/**
 * The practice's messages no phone of the family opened yet, in every thread of the family: one count
 * over the partial index of unread staff messages (the same rule as each thread's `unreadCount`).
 */
export async function countFamilyUnread(ctx: Ctx, patientIds: string[]): Promise<number> {
  if (patientIds.length === 0) return 0;
  const [row] = await ctx.db
    .select({ unread: count() })
    .from(messages)
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .where(
      and(
        eq(messages.practiceId, ctx.practiceId),
        eq(messageThreads.practiceId, ctx.practiceId),
        inArray(messageThreads.patientId, patientIds),
        eq(messages.authorKind, 'staff'),
        isNull(messages.readByPatientAt),
      ),
    );
  return row?.unread ?? 0;
}

/**
 * The documents waiting for a signature that this phone reads, as the Documents screen counts its "À
 * signer" group: the family's unsigned documents to sign, in one query, kept when the sharing rules let
 * this phone read them (DOC-2).
 */
export async function countDocumentsToSign(ctx: Ctx, reader: AppReader): Promise<number> {
  if (reader.family.size === 0) return 0;
  const rows = await ctx.db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.practiceId, ctx.practiceId),
        inArray(documents.patientId, [...reader.family.keys()]),
        eq(documents.requiresSignature, true),
        isNull(documents.signedAt),
      ),
    );
  return rows.filter((row) => canRead(reader, row)).length;
}

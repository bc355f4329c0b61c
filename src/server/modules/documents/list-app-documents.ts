import { and, desc, eq, inArray } from 'drizzle-orm';
import type { PatientDocumentList } from '../../../contracts/documents';
import type { Ctx } from '../../context';
import { documents } from '../../db/schema';
import { appReader, canRead, signerFor } from './app-reader';
import { toPatientDocument } from './document-view';

/**
 * The family's documents in the app (DOC-1): to sign, signed, and the others, newest first — only
 * those the practice shares with this phone's relation to each patient, minors' left out when the
 * practice says so. One query for the documents, whatever the family size.
 */
export async function listAppDocuments(ctx: Ctx): Promise<PatientDocumentList> {
  const reader = await appReader(ctx);
  const list: PatientDocumentList = { toSign: [], signed: [], others: [] };
  if (reader.family.size === 0) return list;
  const rows = await ctx.db
    .select()
    .from(documents)
    .where(
      and(eq(documents.practiceId, ctx.practiceId), inArray(documents.patientId, [...reader.family.keys()])),
    )
    .orderBy(desc(documents.createdAt), desc(documents.id));
  for (const row of rows) {
    if (!canRead(reader, row)) continue;
    const view = toPatientDocument(row, !row.signedAt && row.requiresSignature && !!signerFor(reader, row));
    if (view.status === 'to_sign') list.toSign.push(view);
    else if (view.status === 'signed') list.signed.push(view);
    else list.others.push(view);
  }
  return list;
}

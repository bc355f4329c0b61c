import type { Ctx } from '../../context';
import { documentSignedEmail } from '../../messages/document-templates';
import { enqueueMessage } from '../outbox/enqueue-message';
import type { Practice } from '../practice/find-practice';

/**
 * Tells the practice a document was signed (DOC-3): an email to the practice's own address, queued in
 * the signature's transaction, pointing to the console's Documents page. It names no patient and no
 * document, so nothing of a patient travels by email (seed 004). A practice without an address gets
 * none and finds signatures in the console.
 */
export async function notifySignature(tx: Ctx, practice: Practice, signatureId: string): Promise<void> {
  if (!practice.email) return;
  const text = documentSignedEmail(practice.defaultLang, {
    // the console's Documents page (the route the console has), never a page that does not exist
    link: `${tx.deps.config.publicUrl}/console/documents`,
  });
  await enqueueMessage(
    tx.db,
    {
      practiceId: practice.id,
      channel: 'email',
      recipient: practice.email,
      kind: 'document_signed',
      subject: text.subject,
      body: text.text,
      idempotencyKey: `document_signed:${signatureId}`,
    },
    tx.now,
  );
}

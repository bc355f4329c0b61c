import type { Message } from '../../../contracts/messaging';
import { type Ctx, withTransaction } from '../../context';
import { AppError } from '../../errors';
import { discardStored, type StoredUpload } from '../../files/store-upload';
import { appFamily, phoneHolder, sessionPhone } from '../patient-app/app-family';
import type { FamilyPatient } from '../patients/family';
import { announceMessage, appendMessage, assertNotEmpty } from './append-message';

/**
 * A message from the app (MSG-1) into the thread of a family member: anyone of the phone's family writes
 * in their own thread or, as a responsable, in a dependant's. The files were stored while the request was
 * read; when the message is refused (another family's patient: 404; an author outside the family: 400;
 * nothing to send) or not written, they are deleted, so nothing stays behind.
 */
export async function sendPatientMessage(
  ctx: Ctx,
  patientId: string,
  input: { body: string; uploads: StoredUpload[]; authorPatientId?: string | undefined },
): Promise<Message> {
  try {
    const { phone, patientId: selfId } = sessionPhone(ctx);
    const family = await appFamily(ctx);
    if (!family.some((member) => member.id === patientId)) throw AppError.notFound();
    const author = messageAuthor(family, phone, selfId, input.authorPatientId);
    assertNotEmpty(input.body, input.uploads);
    const message = await withTransaction(ctx, (tx) =>
      appendMessage(tx, {
        patientId,
        // the phone stays the verified one: it says which phone wrote, the author says who (issue 9 §3.16)
        author: { kind: 'patient', patientId: author?.id ?? null, phone },
        body: input.body,
        uploads: input.uploads,
      }),
    );
    announceMessage(ctx, message);
    return message;
  } catch (error) {
    await discardStored(
      ctx.deps.files,
      input.uploads.map((upload) => upload.key),
    );
    throw error;
  }
}

/**
 * Who signs the message (issue 9 §3.16): the family member chosen in the app, else the person signed in
 * — Léa on her father's phone signs as Léa, not as the phone's holder. The holder is only the fallback
 * of a session whose own file has left the family since it signed in.
 */
function messageAuthor(
  family: FamilyPatient[],
  phone: string,
  selfId: string,
  chosenId: string | undefined,
): FamilyPatient | null {
  if (chosenId !== undefined) {
    const chosen = family.find((member) => member.id === chosenId);
    if (!chosen) throw AppError.field('authorPatientId', 'author_not_in_family');
    return chosen;
  }
  return family.find((member) => member.id === selfId) ?? phoneHolder(family, phone, selfId);
}

import type { Message } from '../../../contracts/messaging';
import { type Ctx, withTransaction } from '../../context';
import { AppError } from '../../errors';
import { discardStored, type StoredUpload } from '../../files/store-upload';
import { appFamily, phoneHolder, sessionPhone } from '../patient-app/app-family';
import { announceMessage, appendMessage, assertNotEmpty } from './append-message';

/**
 * A message from the app (MSG-1) into the thread of a family member: the holder of the phone writes in
 * their own thread or, as a responsable, in a dependant's. The files were stored while the request was
 * read; when the message is refused (another family's patient: 404, nothing to send) or not written,
 * they are deleted, so nothing stays behind.
 */
export async function sendPatientMessage(
  ctx: Ctx,
  patientId: string,
  input: { body: string; uploads: StoredUpload[] },
): Promise<Message> {
  try {
    const { phone, patientId: selfId } = sessionPhone(ctx);
    const family = await appFamily(ctx);
    if (!family.some((member) => member.id === patientId)) throw AppError.notFound();
    assertNotEmpty(input.body, input.uploads);
    const holder = phoneHolder(family, phone, selfId);
    const message = await withTransaction(ctx, (tx) =>
      appendMessage(tx, {
        patientId,
        author: { kind: 'patient', patientId: holder?.id ?? null, phone },
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

import type { z } from 'zod';
import type { WaitlistEntry, waitlistEntryBody } from '../../../contracts/waitlist';
import { type Ctx, withTransaction } from '../../context';
import { AppError } from '../../errors';
import { auditRefusals } from '../audit/audited-refusal';
import { findPracticeById } from '../practice/find-practice';
import { checkMotif, checkPatient } from '../scheduling/appointment-rules';
import { checkWaitlistPractitioner, checkWindow, insertEntry } from './create-entry';
import { localDayOf } from './offer-timing';

/**
 * The front desk puts a patient on the waiting list (RDV-10): a patient of the practice, a motif the
 * caller may book, any practitioner or one, and a window of dates from today on. Any staff role.
 * @public
 */
export async function addWaitlistEntry(
  ctx: Ctx,
  input: z.infer<typeof waitlistEntryBody>,
): Promise<WaitlistEntry> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  checkWindow(input, localDayOf(ctx.now, practice.timeZone));
  return auditRefusals(ctx, () =>
    withTransaction(ctx, async (tx) => {
      const patient = await checkPatient(tx, input.patientId);
      const motif = await checkMotif(tx, input.motifId);
      const practitionerId = input.practitionerId ?? null;
      if (practitionerId) await checkWaitlistPractitioner(tx, practitionerId);
      return insertEntry(
        tx,
        {
          patientId: patient.id,
          motifId: motif.id,
          practitionerId,
          fromDay: input.fromDay,
          toDay: input.toDay,
        },
        'staff',
        { patient, motif },
      );
    }),
  );
}

import { and, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Lang } from '../../../contracts/i18n/lang';
import type { publicWaitlistBody, WaitlistEntry } from '../../../contracts/waitlist';
import { type AppDeps, makeCtx, withTransaction } from '../../context';
import { bookingGrants, motifs, patientReferents } from '../../db/schema';
import { AppError } from '../../errors';
import { auditRefusals } from '../audit/audited-refusal';
import { hashToken } from '../auth/tokens';
import { onlinePractitioners } from '../booking/online-availability';
import { familyOfPhone } from '../patients/family';
import { findPracticeBySlug } from '../practice/find-practice';
import { checkWindow, insertEntry } from './create-entry';
import { localDayOf } from './offer-timing';

/**
 * A patient joins the waiting list online (RDV-10) with the booking token of their verified phone:
 * for themselves or a member of their family (known patients only — a new patient books a first
 * visit instead), for a motif patients may book online, any practitioner or one who takes it online.
 * The online rules that do not depend on the slot are checked now: new patients only, follow-up with
 * the own practitioner or a referent.
 */
export async function joinWaitlist(
  deps: AppDeps,
  slug: string,
  input: z.infer<typeof publicWaitlistBody>,
  meta: { ip: string | null; lang: Lang; requestId: string },
): Promise<WaitlistEntry> {
  const now = deps.clock.now();
  const practice = await findPracticeBySlug(deps.db, slug);
  const [grant] = await deps.db
    .select()
    .from(bookingGrants)
    .where(
      and(
        eq(bookingGrants.tokenHash, hashToken(input.bookingToken)),
        eq(bookingGrants.practiceId, practice.id),
        gt(bookingGrants.expiresAt, now),
      ),
    );
  if (!grant) throw new AppError('CODE_EXPIRED');
  if (!practice.waitlistEnabled || !practice.onlineBookingOpen) throw AppError.refused('booking_closed');
  if (!grant.patientId) throw AppError.refused('not_in_family');
  const family = (await familyOfPhone(deps.db, practice.id, grant.phone)).filter(
    (member) => !member.appOptOut || member.id === grant.patientId,
  );
  const patient = family.find((member) => member.id === (input.patientId ?? grant.patientId));
  if (!patient) throw AppError.refused('not_in_family');

  const [motif] = await deps.db
    .select()
    .from(motifs)
    .where(and(eq(motifs.id, input.motifId), eq(motifs.practiceId, practice.id), isNull(motifs.archivedAt)));
  if (!motif) throw AppError.field('motifId', 'invalid_choice');
  if (!motif.onlineBookable) throw AppError.refused('motif_not_online');
  if (motif.patientRestriction === 'new_only') throw AppError.refused('new_patients_only');

  const practitionerId = input.practitionerId ?? null;
  if (practitionerId) {
    const offering = (await onlinePractitioners(deps.db, practice.id)).find(
      (entry) => entry.member.id === practitionerId,
    );
    if (!offering || !(offering.everyMotif || offering.motifIds.includes(motif.id)))
      throw AppError.field('practitionerId', 'invalid_choice');
    if (motif.followUpOnly && patient.ownPractitionerId !== practitionerId) {
      const [referent] = await deps.db
        .select()
        .from(patientReferents)
        .where(and(eq(patientReferents.patientId, patient.id), eq(patientReferents.staffId, practitionerId)));
      if (!referent) throw AppError.refused('follow_up_only');
    }
  }
  checkWindow(input, localDayOf(now, practice.timeZone));

  const ctx = makeCtx(deps, {
    practiceId: practice.id,
    actor: { kind: 'patient', phone: grant.phone, patientId: patient.id, sessionId: `booking:${grant.id}` },
    requestId: meta.requestId,
    ip: meta.ip,
    lang: meta.lang,
  });
  return auditRefusals(ctx, () =>
    withTransaction(ctx, (tx) =>
      insertEntry(
        tx,
        {
          patientId: patient.id,
          motifId: motif.id,
          practitionerId,
          fromDay: input.fromDay,
          toDay: input.toDay,
        },
        'patient',
        { patient, motif },
      ),
    ),
  );
}

import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Appointment, updateAppointmentBody } from '../../../contracts/scheduling';
import { appointmentMinutes } from '../../../domain/scheduling/motif-duration';
import { type Ctx, withTransaction } from '../../context';
import { appointments } from '../../db/schema';
import { AppError } from '../../errors';
import { scheduleReminderOf } from '../app-reminders/appointment-reminders';
import { auditRefusals } from '../audit/audited-refusal';
import { recordAudit } from '../audit/record-audit';
import { loadNoticeFacts, queueNoticeOf } from '../notifications/appointment-notices';
import {
  appendHistory,
  checkLocation,
  checkMotif,
  checkPractitionerChange,
  lockAppointment,
  slotGuarded,
} from './appointment-rules';
import { appointmentViewOf, appointmentViews } from './appointment-view';
import { holdMoveNotices } from './move-notices';

/**
 * Moves, resizes or changes an appointment (RDV-6): time, practitioner, location, motif, comment,
 * Carte Vitale and first-visit flags. A move keeps the duration; a new motif brings its duration when
 * no end is given. Changes patients are told about bump the version (one notification per version);
 * the notice is queued unless `notifyPatient` is false, and held `noticeDelaySeconds` so that the
 * agenda's Undo can withdraw it before it leaves (see `undoAppointmentChange`). The database refuses
 * an overlapping result.
 * @public
 */
export async function updateAppointment(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof updateAppointmentBody>,
): Promise<Appointment> {
  let practitionersTouched: string[] = [];
  const updated = await auditRefusals(ctx, () =>
    withTransaction(ctx, async (tx) => {
      const current = await lockAppointment(tx, id);
      const changesTime =
        input.startsAt !== undefined || input.endsAt !== undefined || input.motifId !== undefined;
      const changesPlace = input.practitionerId !== undefined || input.locationId !== undefined;
      if (current.cancelledAt && (changesTime || changesPlace)) throw new AppError('CONFLICT');

      const practitionerId = input.practitionerId ?? current.practitionerId;
      if (input.practitionerId && input.practitionerId !== current.practitionerId)
        await checkPractitionerChange(tx, current.patientId, input.practitionerId, input.patientAgreed);
      if (input.locationId && input.locationId !== current.locationId)
        await checkLocation(tx, input.locationId);
      const motif =
        input.motifId && input.motifId !== current.motifId ? await checkMotif(tx, input.motifId) : null;

      const startsAt = input.startsAt ? new Date(input.startsAt) : current.startsAt;
      const durationMs = motif
        ? appointmentMinutes(motif, input.firstVisit ?? current.firstVisit) * 60_000
        : current.endsAt.getTime() - current.startsAt.getTime();
      const endsAt = input.endsAt ? new Date(input.endsAt) : new Date(startsAt.getTime() + durationMs);
      if (endsAt <= startsAt) throw AppError.field('endsAt', 'end_before_start');

      const moved = startsAt.getTime() !== current.startsAt.getTime();
      const resized =
        endsAt.getTime() - startsAt.getTime() !== current.endsAt.getTime() - current.startsAt.getTime();
      const history: [string, Record<string, unknown>][] = [];
      if (moved)
        history.push(['moved', { from: current.startsAt.toISOString(), to: startsAt.toISOString() }]);
      if (resized)
        history.push(['resized', { minutes: Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000) }]);
      if (practitionerId !== current.practitionerId)
        history.push(['practitioner_changed', { from: current.practitionerId, to: practitionerId }]);
      if (input.locationId && input.locationId !== current.locationId)
        history.push(['location_changed', { to: input.locationId }]);
      if (motif) history.push(['motif_changed', { from: current.motifId, to: motif.id }]);
      if (input.comment !== undefined && input.comment !== current.comment)
        history.push(['comment_changed', {}]);
      if (input.carteVitale !== undefined && input.carteVitale !== current.carteVitale)
        history.push(['carte_vitale', { value: input.carteVitale }]);
      if (input.firstVisit !== undefined && input.firstVisit !== current.firstVisit)
        history.push(['first_visit', { value: input.firstVisit }]);
      const notifiable =
        moved ||
        practitionerId !== current.practitionerId ||
        (input.locationId ?? current.locationId) !== current.locationId ||
        !!motif;

      await slotGuarded(() =>
        tx.db
          .update(appointments)
          .set({
            practitionerId,
            locationId: input.locationId ?? current.locationId,
            motifId: motif?.id ?? current.motifId,
            startsAt,
            endsAt,
            comment: input.comment === undefined ? current.comment : input.comment,
            carteVitale: input.carteVitale ?? current.carteVitale,
            firstVisit: input.firstVisit ?? current.firstVisit,
            patientAgreedOtherPractitioner: input.patientAgreed
              ? true
              : current.patientAgreedOtherPractitioner,
            version: notifiable ? current.version + 1 : current.version,
            updatedAt: tx.now,
          })
          .where(eq(appointments.id, id)),
      );
      for (const [action, details] of history) await appendHistory(tx, id, action, details);
      // a change patients are told about: its rows read once, for the notice, the reminder and the answer
      const facts = notifiable ? await loadNoticeFacts(tx.db, id) : null;
      if (facts) {
        if (input.notifyPatient !== false) {
          await queueNoticeOf(tx, facts, 'moved');
          if (input.noticeDelaySeconds)
            await holdMoveNotices(
              tx,
              id,
              current.version + 1,
              new Date(tx.now.getTime() + input.noticeDelaySeconds * 1000),
            );
        }
        await scheduleReminderOf(tx, {
          appointmentId: id,
          startsAt: facts.appointment.startsAt,
          version: facts.appointment.version,
          timeZone: facts.practice.timeZone,
          hours: facts.practice.reminderHoursBefore,
        });
      }
      await recordAudit(tx, {
        action: 'appointment.update',
        entity: 'appointment',
        entityId: id,
        patientId: current.patientId,
        details: {
          changes: history.map(([action]) => action),
          ...(notifiable ? { patientNotified: input.notifyPatient !== false } : {}),
        },
      });
      practitionersTouched = [...new Set([current.practitionerId, practitionerId])];
      if (facts) return appointmentViewOf(facts.appointment, facts.motif, facts.patient);
      const [view] = await appointmentViews(tx.db, tx.practiceId, eq(appointments.id, id));
      if (!view) throw new AppError('INTERNAL');
      return view;
    }),
  );
  ctx.deps.live.publish({
    practiceId: ctx.practiceId,
    practitionerIds: practitionersTouched,
    appointmentId: id,
  });
  return updated;
}

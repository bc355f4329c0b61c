import { and, eq } from 'drizzle-orm';
import type { BookedAppointment, PublicSlotPage } from '../../../contracts/booking';
import type { Lang } from '../../../contracts/i18n/lang';
import { onlineRefusal } from '../../../domain/scheduling/online-rules';
import { type AppDeps, type Ctx, makeCtx, withTransaction } from '../../context';
import { appointments } from '../../db/schema';
import { AppError } from '../../errors';
import { appointmentCalendar, loadNoticeFacts } from '../notifications/appointment-notices';
import { appointmentOfToken, manageLinkExpired } from '../notifications/manage-token';
import { lockAgenda } from '../scheduling/appointment-rules';
import { cancelAppointment } from '../scheduling/cancel-appointment';
import { updateAppointment } from '../scheduling/update-appointment';
import { bookedAppointmentOf, bookedView } from './booked-view';
import { onlineSlots, type SlotLength } from './online-availability';
import { findPublicSlots } from './public-slots';

interface Meta {
  ip: string | null;
  lang: Lang;
  requestId: string;
}

/**
 * The appointment a manage link points to; a wrong, malformed or tampered token is a 404 like any
 * unknown id. A link expires 30 days after the appointment's end: 410 `LINK_EXPIRED`, whatever is asked.
 */
async function resolve(deps: AppDeps, token: string) {
  const id = appointmentOfToken(deps.config.sessionSecret, token);
  const facts = id ? await loadNoticeFacts(deps.db, id) : null;
  if (!id || !facts || facts.appointment.deletedAt) throw AppError.notFound();
  if (manageLinkExpired(facts.appointment.endsAt, deps.clock.now())) throw new AppError('LINK_EXPIRED');
  return facts;
}

function patientCtx(
  deps: AppDeps,
  facts: NonNullable<Awaited<ReturnType<typeof loadNoticeFacts>>>,
  meta: Meta,
): Ctx {
  return makeCtx(deps, {
    practiceId: facts.appointment.practiceId,
    actor: {
      kind: 'patient',
      phone: facts.phone ?? '',
      patientId: facts.patient.id,
      sessionId: 'manage-link',
    },
    requestId: meta.requestId,
    ip: meta.ip,
    lang: meta.lang,
  });
}

/** A move keeps the appointment's length, and the appointment does not stand in its own way. */
function ownLength(appointment: { id: string; startsAt: Date; endsAt: Date }): SlotLength {
  return {
    minutes: Math.round((appointment.endsAt.getTime() - appointment.startsAt.getTime()) / 60_000),
    movingAppointmentId: appointment.id,
  };
}

/** Online changes stop at the practice's cutoff (default 24 h before); then the patient calls. */
function assertChangeable(view: BookedAppointment, deps: AppDeps): void {
  if (view.cancelled) throw AppError.refused('appointment_cancelled');
  if (Date.parse(view.startsAt) <= deps.clock.now().getTime()) throw AppError.refused('appointment_past');
  if (!view.canChange) throw AppError.refused('cutoff_passed', { phone: view.practice.phone });
}

/** The manage page (BOOK-4): the appointment, without signing in. */
export async function getManagedAppointment(deps: AppDeps, token: string): Promise<BookedAppointment> {
  return bookedAppointmentOf(deps, await resolve(deps, token));
}

/** Cancels from the manage link; the cancellation time classifies the absence (RDV-7). */
export async function cancelManagedAppointment(
  deps: AppDeps,
  token: string,
  meta: Meta,
): Promise<BookedAppointment> {
  const facts = await resolve(deps, token);
  assertChangeable(bookedAppointmentOf(deps, facts), deps);
  await cancelAppointment(patientCtx(deps, facts, meta), facts.appointment.id, {
    by: 'patient',
    reason: null,
  });
  return bookedView(deps, facts.appointment.id);
}

/** Free slots to move to: the same motif and practitioner, under the online rules. */
export async function slotsForManagedMove(
  deps: AppDeps,
  token: string,
  from: string | undefined,
): Promise<PublicSlotPage> {
  const facts = await resolve(deps, token);
  // a motif (or a practice) not booked online: say so with the phone, rather than "not found"
  const phone = { phone: facts.practice.phone };
  if (!facts.practice.onlineBookingOpen) throw AppError.refused('booking_closed', phone);
  if (!facts.motif.onlineBookable) throw AppError.refused('motif_not_online', phone);
  return findPublicSlots(
    deps,
    facts.practice.slug,
    {
      motifId: facts.motif.id,
      practitionerId: facts.practitioner.id,
      days: 7,
      ...(from ? { from } : {}),
    },
    ownLength(facts.appointment),
  );
}

/**
 * Moves from the manage link to another free slot, before the cutoff; a new confirmation follows. The
 * rules are checked on the appointment's rows read once (the link's), the slot alone in the agenda,
 * inside the transaction that moves it.
 */
export async function moveManagedAppointment(
  deps: AppDeps,
  token: string,
  input: { startsAt: string; locationId?: string | undefined },
  meta: Meta,
): Promise<BookedAppointment> {
  const facts = await resolve(deps, token);
  assertChangeable(bookedAppointmentOf(deps, facts), deps);
  const now = deps.clock.now();
  const start = new Date(input.startsAt);
  const { practice, practitioner, motif, appointment } = facts;
  const refusal = onlineRefusal({
    practiceOpen: practice.onlineBookingOpen,
    // a practitioner patients may book online (SET-7), as `onlinePractitioners` lists them
    practitionerOpen:
      practitioner.role === 'practitioner' && !practitioner.removedAt && practitioner.onlineBookingOpen,
    motif,
    // a move keeps the patient and the practitioner: the patient rules held at booking still hold
    knownPatient: motif.patientRestriction !== 'new_only',
    ownOrReferent: true,
    start: start.getTime(),
    now: now.getTime(),
    timeZone: practice.timeZone,
    // the slot itself is checked below, alone in the agenda: it is the last rule
    isFreeSlot: true,
  });
  if (refusal) throw AppError.refused(refusal);
  // checked alone in the practitioner's agenda (see lockAgenda), then moved in the same transaction
  await withTransaction(patientCtx(deps, facts, meta), async (tx) => {
    await lockAgenda(tx, practitioner.id);
    // the rules above were checked on the link's rows: if the desk changed the appointment since (another
    // practitioner, time, a cancellation), they no longer apply — refuse rather than move on stale rows
    const [locked] = await tx.db
      .select({
        practitionerId: appointments.practitionerId,
        startsAt: appointments.startsAt,
        version: appointments.version,
        cancelledAt: appointments.cancelledAt,
        deletedAt: appointments.deletedAt,
      })
      .from(appointments)
      .where(and(eq(appointments.id, appointment.id), eq(appointments.practiceId, tx.practiceId)))
      .for('update');
    if (
      !locked ||
      locked.practitionerId !== appointment.practitionerId ||
      locked.startsAt.getTime() !== appointment.startsAt.getTime() ||
      locked.version !== appointment.version ||
      locked.cancelledAt ||
      locked.deletedAt
    )
      throw new AppError('CONFLICT');
    const slot = (
      await onlineSlots(tx.db, practice, motif, [practitioner.id], {
        from: start,
        to: new Date(start.getTime() + 60_000),
        now,
        length: ownLength(appointment),
      })
    ).find(
      (free) => free.start === start.getTime() && (!input.locationId || free.locationId === input.locationId),
    );
    if (!slot) throw new AppError('SLOT_TAKEN');
    await updateAppointment(tx, appointment.id, {
      startsAt: start.toISOString(),
      ...(slot.locationId !== appointment.locationId ? { locationId: slot.locationId } : {}),
    });
  });
  return bookedView(deps, appointment.id);
}

/** The appointment as an .ics file, for "add to my calendar". */
export async function managedCalendar(deps: AppDeps, token: string, lang: Lang): Promise<string> {
  const facts = await resolve(deps, token);
  return appointmentCalendar(deps, facts, lang);
}

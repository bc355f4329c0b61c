import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AppointmentDetail } from '../../../contracts/scheduling';
import { type Ctx, withTransaction } from '../../context';
import { appointmentEvents, appointments, outbox, patients, staff } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { appointmentViews } from './appointment-view';
import { resolvePractitioners } from './visibility';

/** One appointment with the patient's contact and the history of actions (RDV-8); the read is audited. */
export async function getAppointment(ctx: Ctx, id: string): Promise<AppointmentDetail> {
  return withTransaction(ctx, async (tx) => {
    const [view] = await appointmentViews(
      tx.db,
      tx.practiceId,
      and(eq(appointments.id, id), isNull(appointments.deletedAt)),
    );
    if (!view) throw AppError.notFound();
    await resolvePractitioners(tx, [view.practitionerId]);
    const [row] = await tx.db.select().from(appointments).where(eq(appointments.id, id));
    const [patient] = await tx.db.select().from(patients).where(eq(patients.id, view.patient.id));
    if (!row || !patient) throw AppError.notFound();
    const events = await tx.db
      .select()
      .from(appointmentEvents)
      .where(eq(appointmentEvents.appointmentId, id))
      .orderBy(appointmentEvents.at, appointmentEvents.id);
    const staffIds = [
      ...new Set(
        events
          .filter((event) => event.actorKind === 'staff' && event.actorId)
          .map((event) => event.actorId as string),
      ),
    ];
    const names = staffIds.length
      ? await tx.db
          .select({ id: staff.id, firstName: staff.firstName, lastName: staff.lastName })
          .from(staff)
          .where(inArray(staff.id, staffIds))
      : [];
    const nameOf = new Map(names.map((member) => [member.id, `${member.firstName} ${member.lastName}`]));
    const messages = await tx.db
      .select()
      .from(outbox)
      .where(eq(outbox.appointmentId, id))
      .orderBy(outbox.createdAt);
    await recordAudit(tx, {
      action: 'appointment.read',
      entity: 'appointment',
      entityId: id,
      patientId: patient.id,
    });
    return {
      ...view,
      patient: {
        id: patient.id,
        lastName: patient.lastName,
        firstName: patient.firstName,
        birthDate: patient.birthDate,
        mobilePhone: patient.mobilePhone,
        email: patient.email,
        ownPractitionerId: patient.ownPractitionerId,
      },
      cancellationReason: row.cancellationReason,
      createdAt: row.createdAt.toISOString(),
      history: events.map((event) => ({
        at: event.at.toISOString(),
        actorKind: event.actorKind,
        actorName:
          event.actorKind === 'staff' && event.actorId
            ? (nameOf.get(event.actorId) ?? null)
            : event.actorKind === 'patient'
              ? `${patient.firstName} ${patient.lastName}`
              : null,
        action: event.action,
        details: event.details,
      })),
      notifications: messages.map((message) => ({
        channel: message.channel,
        kind: message.kind,
        status: message.status,
        attempts: message.attempts,
        lastError: message.lastError,
        createdAt: message.createdAt.toISOString(),
        sentAt: message.sentAt?.toISOString() ?? null,
      })),
    };
  });
}

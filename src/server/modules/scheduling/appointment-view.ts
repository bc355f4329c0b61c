import { and, eq, type SQL } from 'drizzle-orm';
import type { Appointment } from '../../../contracts/scheduling';
import type { Db } from '../../db/client';
import { appointments, motifs, patients } from '../../db/schema';

/**
 * Appointments with their motif and patient, in one query, as the agenda shows them.
 * @public
 */
export async function appointmentViews(
  db: Db,
  practiceId: string,
  where: SQL | undefined,
): Promise<Appointment[]> {
  const rows = await db
    .select({
      appointment: appointments,
      motifName: motifs.name,
      colour: motifs.colour,
      patient: {
        id: patients.id,
        lastName: patients.lastName,
        firstName: patients.firstName,
        birthDate: patients.birthDate,
      },
    })
    .from(appointments)
    .innerJoin(motifs, eq(motifs.id, appointments.motifId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(and(eq(appointments.practiceId, practiceId), where))
    .orderBy(appointments.startsAt);
  return rows.map(({ appointment, motifName, colour, patient }) =>
    appointmentViewOf(appointment, { name: motifName, colour }, patient),
  );
}

/** The agenda's view of rows already in memory (a use case that just wrote the appointment). */
export function appointmentViewOf(
  appointment: typeof appointments.$inferSelect,
  motif: { name: string; colour: string },
  patient: { id: string; lastName: string; firstName: string; birthDate: string },
): Appointment {
  return {
    id: appointment.id,
    practitionerId: appointment.practitionerId,
    locationId: appointment.locationId,
    motifId: appointment.motifId,
    motifName: motif.name,
    colour: motif.colour,
    patient: {
      id: patient.id,
      lastName: patient.lastName,
      firstName: patient.firstName,
      birthDate: patient.birthDate,
    },
    startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(),
    status: appointment.status,
    cancelledAt: appointment.cancelledAt?.toISOString() ?? null,
    cancelledBy: appointment.cancelledBy,
    comment: appointment.comment,
    channel: appointment.channel,
    carteVitale: appointment.carteVitale,
    firstVisit: appointment.firstVisit,
    version: appointment.version,
  };
}

import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appointments, locations, motifs, patients, practices, staff } from '../../db/schema';
import type { BookedFacts } from '../booking/booked-view';

/** Appointments with everything their patient view needs, in one query, oldest first. */
export function selectAppointmentFacts(
  db: Db,
  where: SQL | undefined,
  limit: number,
): Promise<BookedFacts[]> {
  return db
    .select({
      appointment: appointments,
      patient: patients,
      motif: motifs,
      practitioner: staff,
      location: locations,
      practice: practices,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(motifs, eq(motifs.id, appointments.motifId))
    .innerJoin(staff, eq(staff.id, appointments.practitionerId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(practices, eq(practices.id, appointments.practiceId))
    .where(and(where))
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .limit(limit);
}

import { and, asc, eq, gte, isNull, lt } from 'drizzle-orm';
import type { FeedPatientDetail } from '../../../contracts/feeds';
import type { Ctx } from '../../context';
import { type AppointmentStatus, appointments, locations, motifs, patients, staff } from '../../db/schema';
import { patientLabel } from './patient-label';

/** One live appointment as a feed or an export shows it: never a phone, an email, a birth date or a comment. */
export interface PlanningEntry {
  appointmentId: string;
  /** bumped by each change patients are told about: the event's SEQUENCE */
  version: number;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  practitionerName: string;
  /** the site's name (“Cabinet de la Croix-Rousse”) */
  locationName: string;
  /** name and address, for a calendar's location field */
  location: string;
  motif: string;
  patientId: string;
  /** as the practice allows: initials, full name, or '' */
  patient: string;
}

/** “Dr Sophie Bernard” */
export function practitionerName(person: { title: string | null; firstName: string; lastName: string }) {
  return [person.title, person.firstName, person.lastName].filter(Boolean).join(' ');
}

/**
 * The practice's live appointments (neither cancelled nor deleted) starting in `[from, to)`, of one
 * practitioner or all, in time order. Only the columns a calendar shows are read, so patient contact
 * details cannot leak into a feed by mistake.
 */
export async function loadPlanningEntries(
  ctx: Ctx,
  window: { from: Date; to: Date; practitionerId?: string },
  detail: FeedPatientDetail,
): Promise<PlanningEntry[]> {
  const rows = await ctx.db
    .select({
      id: appointments.id,
      version: appointments.version,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      practitionerTitle: staff.title,
      practitionerFirstName: staff.firstName,
      practitionerLastName: staff.lastName,
      locationName: locations.name,
      locationAddress: locations.addressLine,
      locationPostalCode: locations.postalCode,
      locationCity: locations.city,
      motif: motifs.name,
      patientId: patients.id,
      patientFirstName: patients.firstName,
      patientLastName: patients.lastName,
    })
    .from(appointments)
    .innerJoin(staff, eq(staff.id, appointments.practitionerId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(motifs, eq(motifs.id, appointments.motifId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(
      and(
        eq(appointments.practiceId, ctx.practiceId),
        window.practitionerId ? eq(appointments.practitionerId, window.practitionerId) : undefined,
        isNull(appointments.cancelledAt),
        isNull(appointments.deletedAt),
        gte(appointments.startsAt, window.from),
        lt(appointments.startsAt, window.to),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(staff.lastName), asc(staff.firstName));
  return rows.map((row) => ({
    appointmentId: row.id,
    version: row.version,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    practitionerName: practitionerName({
      title: row.practitionerTitle,
      firstName: row.practitionerFirstName,
      lastName: row.practitionerLastName,
    }),
    locationName: row.locationName,
    location: `${row.locationName}, ${row.locationAddress}, ${row.locationPostalCode} ${row.locationCity}`,
    motif: row.motif,
    patientId: row.patientId,
    patient: patientLabel({ firstName: row.patientFirstName, lastName: row.patientLastName }, detail),
  }));
}

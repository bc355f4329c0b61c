import { publicHolidays } from '../../domain/scheduling/holidays';
import { compileRecurrence, occurrencesBetween } from '../../domain/scheduling/recurrence';
import { dayMs, isoOfDay, localMs, minutesOf } from '../../domain/time/local-date';
import { ZoneConverter } from '../../domain/time/zone-converter';
import type { Db } from '../db/client';
import {
  type AppointmentStatus,
  absences,
  appointmentEvents,
  appointments,
  motifs,
  openingRangeMotifs,
  openingRanges,
} from '../db/schema';
import { ageBand, ageOn, drawCare } from './demo-care';
import { demoMotifs, demoRanges } from './demo-schedule';

interface ScheduleRefs {
  practiceId: string;
  timeZone: string;
  staffId: (key: string) => string;
  locationId: (key: string) => string;
  patients: { id: string; practitioner: string; birthDate: string }[];
  secretaryId: string;
  now: Date;
}

/** A deterministic generator: the same demo on every machine for the same start date. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/**
 * The demo practice's motifs, opening ranges, a few absences, and appointments from two weeks ago to
 * four weeks ahead (past ones with their statuses), so the agenda and the patient files look lived in.
 */
export async function seedDemoSchedule(tx: Db, refs: ScheduleRefs): Promise<void> {
  const motifRows = await tx
    .insert(motifs)
    .values(
      demoMotifs.map(({ key: _key, ...motif }, position) => ({
        ...motif,
        practiceId: refs.practiceId,
        position,
        bookableBySecretary: motif.kind !== 'home',
        createdAt: refs.now,
      })),
    )
    .returning({ id: motifs.id, name: motifs.name, durationMinutes: motifs.durationMinutes });
  const motifByKey = new Map(demoMotifs.map((motif, index) => [motif.key, motifRows[index]]));
  const onlineKeys = new Set(demoMotifs.filter((motif) => motif.onlineBookable).map((motif) => motif.key));

  const today = Math.floor((refs.now.getTime() + 3600_000) / dayMs);
  const firstDay = isoOfDay(today - 120);
  const rangeRows = [];
  for (const range of demoRanges) {
    const [row] = await tx
      .insert(openingRanges)
      .values({
        practiceId: refs.practiceId,
        practitionerId: refs.staffId(range.practitioner),
        locationId: refs.locationId(range.location),
        firstDay,
        startMinute: minutesOf(range.start),
        endMinute: minutesOf(range.end),
        weekdays: range.weekdays,
        intervalWeeks: range.intervalWeeks,
        createdAt: refs.now,
      })
      .returning();
    if (!row) continue;
    rangeRows.push({ row, range });
    await tx.insert(openingRangeMotifs).values(
      range.motifs.map((key) => ({
        practiceId: refs.practiceId,
        openingRangeId: row.id,
        motifId: motifByKey.get(key)?.id ?? '',
      })),
    );
  }

  const zone = new ZoneConverter(refs.timeZone, (today - 30) * dayMs, (today + 60) * dayMs);
  const instant = (day: number, time: string) => new Date(zone.toInstant(localMs(day, minutesOf(time))));
  // Dr Bernard is away for a few days in three weeks; Dr Moreau trains every other Wednesday afternoon.
  await tx.insert(absences).values([
    {
      practiceId: refs.practiceId,
      practitionerId: refs.staffId('bernard'),
      title: 'Congés',
      startsAt: instant(today + 21, '00:00'),
      endsAt: instant(today + 25, '23:59'),
      createdAt: refs.now,
    },
    {
      practiceId: refs.practiceId,
      practitionerId: refs.staffId('moreau'),
      title: 'Formation continue',
      firstDay,
      startMinute: minutesOf('14:00'),
      endMinute: minutesOf('19:00'),
      weekdays: [3],
      intervalWeeks: 2,
      createdAt: refs.now,
    },
  ]);

  const closed = new Set(
    publicHolidays('FR', null, isoOfDay(today - 30), isoOfDay(today + 60)).map((holiday) => holiday.date),
  );
  const next = random(today);
  const rows: (typeof appointments.$inferInsert)[] = [];
  for (const { row, range } of rangeRows) {
    const practitionerId = row.practitionerId;
    const own = refs.patients.filter((patient) => patient.practitioner === range.practitioner);
    const rule = compileRecurrence({
      firstDay,
      weekly: { weekdays: range.weekdays, intervalWeeks: range.intervalWeeks, until: null },
    });
    for (const day of occurrencesBetween(rule, today - 14, today + 28)) {
      if (closed.has(isoOfDay(day))) continue;
      if (range.practitioner === 'bernard' && day >= today + 21 && day <= today + 25) continue;
      let cursor = row.startMinute;
      while (cursor < row.endMinute) {
        if (next() < 0.62) {
          const patient = own[Math.floor(next() * own.length)] ?? refs.patients[0];
          // care that fits the patient's age on that day (demo-care.ts): no implant for a child
          const band = ageBand(ageOn(patient?.birthDate ?? '', isoOfDay(day)));
          const motifKey = drawCare(band, range.motifs, next()) ?? '';
          const motif = motifByKey.get(motifKey);
          if (!motif || cursor + motif.durationMinutes > row.endMinute) {
            cursor += 15;
            continue;
          }
          const startsAt = new Date(zone.toInstant(localMs(day, cursor)));
          const past = startsAt.getTime() < refs.now.getTime();
          const roll = next();
          const status: AppointmentStatus = past
            ? roll < 0.78
              ? 'seen'
              : roll < 0.86
                ? 'unknown'
                : roll < 0.93
                  ? 'excused'
                  : 'not_excused'
            : 'unknown';
          const cancelled = status === 'excused';
          rows.push({
            practiceId: refs.practiceId,
            practitionerId,
            locationId: row.locationId,
            motifId: motif.id,
            patientId: patient?.id ?? '',
            startsAt,
            endsAt: new Date(startsAt.getTime() + motif.durationMinutes * 60_000),
            status,
            cancelledAt: cancelled ? new Date(startsAt.getTime() - 2 * dayMs) : null,
            cancelledBy: cancelled ? 'patient' : null,
            channel: next() < 0.3 && onlineKeys.has(motifKey) ? 'online' : 'staff',
            createdByStaffId: refs.secretaryId,
            carteVitale: next() < 0.15,
            createdAt: new Date(Math.min(startsAt.getTime(), refs.now.getTime()) - 10 * dayMs),
            updatedAt: refs.now,
          });
          cursor += motif.durationMinutes;
        } else {
          cursor += 15;
        }
      }
    }
  }
  if (rows.length === 0) return;
  const inserted = await tx
    .insert(appointments)
    .values(rows)
    .returning({ id: appointments.id, createdAt: appointments.createdAt });
  await tx.insert(appointmentEvents).values(
    inserted.map((appointment) => ({
      practiceId: refs.practiceId,
      appointmentId: appointment.id,
      at: appointment.createdAt,
      actorKind: 'staff' as const,
      actorId: refs.secretaryId,
      action: 'created',
      details: { demo: true },
    })),
  );
}

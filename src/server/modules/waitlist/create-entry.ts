import { and, eq, isNull, sql } from 'drizzle-orm';
import type { WaitlistEntry } from '../../../contracts/waitlist';
import type { Ctx } from '../../context';
import { staff, waitlistEntries } from '../../db/schema';
import { AppError, type IssueKey } from '../../errors';
import { AuditedRefusal } from '../audit/audited-refusal';
import { recordAudit } from '../audit/record-audit';
import { entryView } from './entry-view';
import { addDays } from './offer-timing';

export interface EntryInput {
  patientId: string;
  motifId: string;
  practitionerId: string | null;
  fromDay: string;
  toDay: string;
}

/** How far ahead a patient may wait. */
const longestWindowDays = 366;

/**
 * The window of dates (local, inclusive): from today or later, ending on or after its first day, within
 * a year. Every fault at once, under its field.
 */
export function checkWindow(input: { fromDay: string; toDay: string }, today: string): void {
  const issues: IssueKey[] = [];
  if (input.fromDay < today) issues.push({ path: 'fromDay', key: 'too_small', params: { minimum: today } });
  if (input.toDay < input.fromDay) issues.push({ path: 'toDay', key: 'end_before_start' });
  const last = addDays(today, longestWindowDays);
  if (input.toDay > last) issues.push({ path: 'toDay', key: 'too_big', params: { maximum: last } });
  if (issues.length > 0) throw AppError.validation(issues);
}

/** A practitioner of the practice, still working there (any practitioner may be waited for). */
export async function checkWaitlistPractitioner(ctx: Ctx, practitionerId: string): Promise<void> {
  const [member] = await ctx.db
    .select({ id: staff.id })
    .from(staff)
    .where(
      and(
        eq(staff.id, practitionerId),
        eq(staff.practiceId, ctx.practiceId),
        eq(staff.role, 'practitioner'),
        isNull(staff.removedAt),
      ),
    );
  if (!member) throw AppError.field('practitionerId', 'invalid_choice');
}

/**
 * Puts a patient on the waiting list (RDV-10), audited in the caller's transaction. A patient already
 * waiting for the same motif and practitioner answers 409 ALREADY_EXISTS with that entry's id, so a
 * double click or a second request online does not double the offers. Callers run it inside
 * `auditRefusals`, which records that refusal's audit row.
 */
export async function insertEntry(
  tx: Ctx,
  input: EntryInput,
  createdBy: 'staff' | 'patient',
  names: {
    patient: { id: string; firstName: string; lastName: string; birthDate: string };
    motif: { id: string; name: string };
  },
): Promise<WaitlistEntry> {
  const [existing] = await tx.db
    .select({ id: waitlistEntries.id })
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.practiceId, tx.practiceId),
        eq(waitlistEntries.patientId, input.patientId),
        eq(waitlistEntries.motifId, input.motifId),
        eq(waitlistEntries.status, 'active'),
        sql`${waitlistEntries.practitionerId} is not distinct from ${input.practitionerId}::uuid`,
      ),
    );
  if (existing) {
    // the answer tells that this patient is waiting: audited (after the rollback, by `auditRefusals`)
    throw new AuditedRefusal('ALREADY_EXISTS', { entryId: existing.id }, [
      {
        action: 'waitlist.create_refused',
        entity: 'waitlist_entry',
        entityId: existing.id,
        patientId: input.patientId,
        details: { answer: 'ALREADY_EXISTS' },
      },
    ]);
  }
  const [entry] = await tx.db
    .insert(waitlistEntries)
    .values({
      practiceId: tx.practiceId,
      patientId: input.patientId,
      motifId: input.motifId,
      practitionerId: input.practitionerId,
      fromDay: input.fromDay,
      toDay: input.toDay,
      createdBy,
      createdAt: tx.now,
    })
    .returning();
  if (!entry) throw new AppError('INTERNAL');
  await recordAudit(tx, {
    action: 'waitlist.create',
    entity: 'waitlist_entry',
    entityId: entry.id,
    patientId: input.patientId,
    details: {
      motifId: input.motifId,
      practitionerId: input.practitionerId,
      fromDay: input.fromDay,
      toDay: input.toDay,
    },
  });
  return entryView({ entry, ...names });
}

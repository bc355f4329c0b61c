import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { patientBody } from '../../../contracts/patients';
import { normalisePhone } from '../../../domain/phone';
import { type Ctx, withTransaction } from '../../context';
import { patientReferents, patientRelations, patients, type RelationRole, staff } from '../../db/schema';
import { AppError, type IssueKey } from '../../errors';
import { auditRefusals } from '../audit/audited-refusal';
import { recordAudit } from '../audit/record-audit';
import { findPracticeById } from '../practice/find-practice';
import { withNameKeys } from './name-keys';
import { assertNoPossibleDuplicate } from './possible-duplicates';

type Input = z.infer<typeof patientBody>;
type PatientRow = typeof patients.$inferSelect;

const postalCodeShape = { FR: /^\d{5}$/, CH: /^\d{4}$/ } as const;
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates (no id) or updates a patient file (PAT-1, PAT-2), with every field problem reported at once.
 * A file with the same names and birth date asks for a confirmation first (duplicate warning); the
 * files that warning shows are audited although nothing is saved.
 */
export async function savePatient(ctx: Ctx, id: string | null, input: Input): Promise<string> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const staffId = ctx.actor.staffId;
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const issues: IssueKey[] = [];

  const phone = input.mobilePhone ? normalisePhone(input.mobilePhone, practice.country) : null;
  if (input.mobilePhone && !phone) issues.push({ path: 'mobilePhone', key: 'phone' });
  const email = input.email ? input.email.toLowerCase() : null;
  if (email && !emailShape.test(email)) issues.push({ path: 'email', key: 'email' });
  if (input.postalCode && !postalCodeShape[practice.country].test(input.postalCode))
    issues.push({ path: 'postalCode', key: 'postal_code' });
  if (input.birthDate > ctx.now.toISOString().slice(0, 10))
    issues.push({ path: 'birthDate', key: 'birth_date_future' });

  const responsables: [RelationRole, string | null | undefined][] = [
    ['parent1', input.responsables?.parent1Id],
    ['parent2', input.responsables?.parent2Id],
    ['guarantor', input.responsables?.guarantorId],
  ];
  const fieldOf: Record<RelationRole, string> = {
    parent1: 'responsables.parent1Id',
    parent2: 'responsables.parent2Id',
    guarantor: 'responsables.guarantorId',
  };
  for (const [role, responsableId] of responsables) {
    if (responsableId && responsableId === id) issues.push({ path: fieldOf[role], key: 'not_yourself' });
  }

  return auditRefusals(ctx, () =>
    withTransaction(ctx, async (tx) => {
      const current = id ? await findPatient(tx, id) : null;
      const existingLinks = current
        ? await tx.db.select().from(patientRelations).where(eq(patientRelations.patientId, current.id))
        : [];
      const linked = (role: RelationRole) =>
        input.responsables && role in namesOf(input.responsables)
          ? responsables.find(([candidate]) => candidate === role)?.[1]
          : existingLinks.find((link) => link.role === role)?.responsableId;
      // parent 1 and parent 2 are two people (the guarantor may be either of them)
      const [parent1, parent2] = [linked('parent1'), linked('parent2')];
      if (parent1 && parent2 && parent1 === parent2)
        issues.push({ path: fieldOf.parent2, key: 'invalid_choice' });
      const isDependant = (['parent1', 'parent2', 'guarantor'] as const).some((role) => !!linked(role));
      if (!isDependant) {
        if (!phone && !input.mobilePhone) issues.push({ path: 'mobilePhone', key: 'required' });
        if (!input.email) issues.push({ path: 'email', key: 'required' });
        if (!input.addressLine) issues.push({ path: 'addressLine', key: 'required' });
        if (!input.postalCode) issues.push({ path: 'postalCode', key: 'required' });
        if (!input.city) issues.push({ path: 'city', key: 'required' });
      }
      await checkStaffChoices(tx, input, issues);
      await checkResponsables(tx, responsables, fieldOf, issues);
      if (issues.length > 0) throw AppError.validation(issues);

      if (!input.confirmDuplicate)
        await assertNoPossibleDuplicate(
          tx,
          input,
          { action: id ? 'patient.update' : 'patient.create', entity: 'patient', entityId: id },
          { excludeId: id },
        );

      const values = withNameKeys({
        lastName: input.lastName,
        firstName: input.firstName,
        birthDate: input.birthDate,
        mobilePhone: phone,
        email,
        addressLine: input.addressLine ?? null,
        postalCode: input.postalCode ?? null,
        city: input.city ?? null,
        country: practice.country,
        ...(input.ownPractitionerId !== undefined ? { ownPractitionerId: input.ownPractitionerId } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(input.notificationChannel ? { notificationChannel: input.notificationChannel } : {}),
        ...(input.appOptOut !== undefined ? { appOptOut: input.appOptOut } : {}),
        updatedAt: tx.now,
      });
      let patientId: string;
      if (current) {
        await tx.db.update(patients).set(values).where(eq(patients.id, current.id));
        patientId = current.id;
      } else {
        const [row] = await tx.db
          .insert(patients)
          .values({ ...values, practiceId: tx.practiceId, createdBy: staffId, createdAt: tx.now })
          .returning({ id: patients.id });
        if (!row) throw new AppError('INTERNAL');
        patientId = row.id;
      }
      if (input.responsables) {
        for (const [role, responsableId] of responsables) {
          if (!(role in namesOf(input.responsables))) continue;
          await tx.db
            .delete(patientRelations)
            .where(and(eq(patientRelations.patientId, patientId), eq(patientRelations.role, role)));
          if (responsableId) {
            await tx.db
              .insert(patientRelations)
              .values({ practiceId: tx.practiceId, patientId, responsableId, role, createdAt: tx.now });
          }
        }
      }
      if (input.referentIds) {
        await tx.db.delete(patientReferents).where(eq(patientReferents.patientId, patientId));
        const referentIds = [...new Set(input.referentIds)];
        if (referentIds.length > 0) {
          await tx.db
            .insert(patientReferents)
            .values(
              referentIds.map((staffRef) => ({ practiceId: tx.practiceId, patientId, staffId: staffRef })),
            );
        }
      }
      await recordAudit(tx, {
        action: current ? 'patient.update' : 'patient.create',
        entity: 'patient',
        entityId: patientId,
        patientId,
        details: { fields: Object.keys(input).filter((key) => key !== 'confirmDuplicate') },
      });
      return patientId;
    }),
  );
}

/** The roles present in a `responsables` object (absent = unchanged, null = removed). */
function namesOf(responsables: NonNullable<Input['responsables']>): Record<string, true> {
  const present: Record<string, true> = {};
  if (responsables.parent1Id !== undefined) present.parent1 = true;
  if (responsables.parent2Id !== undefined) present.parent2 = true;
  if (responsables.guarantorId !== undefined) present.guarantor = true;
  return present;
}

async function findPatient(ctx: Ctx, id: string): Promise<PatientRow> {
  const [patient] = await ctx.db
    .select()
    .from(patients)
    .where(and(eq(patients.id, id), eq(patients.practiceId, ctx.practiceId)));
  if (!patient) throw AppError.notFound();
  return patient;
}

async function checkStaffChoices(ctx: Ctx, input: Input, issues: IssueKey[]): Promise<void> {
  const wanted = [
    ...new Set([...(input.ownPractitionerId ? [input.ownPractitionerId] : []), ...(input.referentIds ?? [])]),
  ];
  if (wanted.length === 0) return;
  const known = new Set(
    (
      await ctx.db
        .select({ id: staff.id })
        .from(staff)
        .where(
          and(
            eq(staff.practiceId, ctx.practiceId),
            inArray(staff.id, wanted),
            eq(staff.role, 'practitioner'),
            isNull(staff.removedAt),
          ),
        )
    ).map((row) => row.id),
  );
  if (input.ownPractitionerId && !known.has(input.ownPractitionerId))
    issues.push({ path: 'ownPractitionerId', key: 'invalid_choice' });
  if ((input.referentIds ?? []).some((referent) => !known.has(referent)))
    issues.push({ path: 'referentIds', key: 'invalid_choice' });
}

async function checkResponsables(
  ctx: Ctx,
  responsables: [RelationRole, string | null | undefined][],
  fieldOf: Record<RelationRole, string>,
  issues: IssueKey[],
): Promise<void> {
  const ids = responsables
    .map(([, responsableId]) => responsableId)
    .filter((value): value is string => !!value);
  if (ids.length === 0) return;
  const known = new Set(
    (
      await ctx.db
        .select({ id: patients.id })
        .from(patients)
        .where(
          and(
            eq(patients.practiceId, ctx.practiceId),
            inArray(patients.id, ids),
            isNull(patients.archivedAt),
          ),
        )
    ).map((row) => row.id),
  );
  for (const [role, responsableId] of responsables) {
    if (responsableId && !known.has(responsableId))
      issues.push({ path: fieldOf[role], key: 'invalid_choice' });
  }
}

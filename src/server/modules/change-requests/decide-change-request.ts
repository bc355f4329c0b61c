import { and, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type acceptChangeRequestBody,
  type InfoField,
  infoFieldNames,
  type StaffChangeRequest,
} from '../../../contracts/patient-app';
import { nameKeys } from '../../../domain/phonetic';
import { type Ctx, withTransaction } from '../../context';
import {
  type ChangeRequestPayload,
  patientChangeRequests,
  patientRelations,
  patients,
  type RelationRole,
} from '../../db/schema';
import { AppError } from '../../errors';
import { auditRefusals } from '../audit/audited-refusal';
import { recordAudit } from '../audit/record-audit';
import { refreshNameKeys } from '../patients/name-keys';
import { assertNoPossibleDuplicate } from '../patients/possible-duplicates';
import { findPracticeById } from '../practice/find-practice';
import { staffChangeRequest } from './list-change-requests';

type Request = typeof patientChangeRequests.$inferSelect;

/**
 * Accepts a review request in one transaction: the new details are written into the file, or the
 * dependant's file is created (or an existing one linked) with the requesting patient as parent 1.
 * A file with the same names and birth date asks for a confirmation first, as at the front desk (the
 * files that warning shows are audited although nothing changes).
 * The decision and the change are audited.
 */
export async function acceptChangeRequest(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof acceptChangeRequestBody>,
): Promise<StaffChangeRequest> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const staffId = ctx.actor.staffId;
  await auditRefusals(ctx, () =>
    withTransaction(ctx, async (tx) => {
      const request = await lockPending(tx, id);
      const payload = request.payload;
      let patientId: string;
      let decided = payload;
      if (payload.kind === 'update_info') {
        decided = { ...payload, before: await snapshot(tx, request.patientId, payload.changes) };
        patientId = await applyInfo(tx, request, payload.changes);
      } else patientId = await addDependant(tx, request, payload.dependant, input);
      await tx.db
        .update(patientChangeRequests)
        .set({ status: 'accepted', decidedBy: staffId, decidedAt: tx.now, patientId, payload: decided })
        .where(eq(patientChangeRequests.id, id));
      await recordAudit(tx, {
        action: 'change_request.accept',
        entity: 'patient_change_request',
        entityId: id,
        patientId,
        details: { kind: request.kind },
      });
    }),
  );
  return staffChangeRequest(ctx, id);
}

/** Rejects a review request with a reason the patient sees; nothing changes in any file. */
export async function rejectChangeRequest(ctx: Ctx, id: string, reason: string): Promise<StaffChangeRequest> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const staffId = ctx.actor.staffId;
  await withTransaction(ctx, async (tx) => {
    const request = await lockPending(tx, id);
    const payload =
      request.payload.kind === 'update_info'
        ? { ...request.payload, before: await snapshot(tx, request.patientId, request.payload.changes) }
        : request.payload;
    await tx.db
      .update(patientChangeRequests)
      .set({ status: 'rejected', decidedBy: staffId, decidedAt: tx.now, reason, payload })
      .where(eq(patientChangeRequests.id, id));
    await recordAudit(tx, {
      action: 'change_request.reject',
      entity: 'patient_change_request',
      entityId: id,
      patientId: request.patientId ?? request.requestedByPatientId,
      details: { kind: request.kind, reason },
    });
  });
  return staffChangeRequest(ctx, id);
}

/** The request, locked against a concurrent decision; a decided one is a 409. */
async function lockPending(ctx: Ctx, id: string): Promise<Request> {
  const [request] = await ctx.db
    .select()
    .from(patientChangeRequests)
    .where(and(eq(patientChangeRequests.id, id), eq(patientChangeRequests.practiceId, ctx.practiceId)))
    .for('update');
  if (!request) throw AppError.notFound();
  if (request.status !== 'pending') throw new AppError('CONFLICT', { details: { status: request.status } });
  return request;
}

/** The file's values of the fields asked for, as they are when staff decide. */
async function snapshot(
  ctx: Ctx,
  patientId: string | null,
  changes: Partial<Record<InfoField, string>>,
): Promise<Partial<Record<InfoField, string | null>>> {
  const [file] = patientId
    ? await ctx.db
        .select()
        .from(patients)
        .where(and(eq(patients.id, patientId), eq(patients.practiceId, ctx.practiceId)))
    : [];
  if (!file) return {};
  return Object.fromEntries(
    infoFieldNames.filter((field) => changes[field] !== undefined).map((field) => [field, file[field]]),
  );
}

async function applyInfo(
  ctx: Ctx,
  request: Request,
  changes: Extract<ChangeRequestPayload, { kind: 'update_info' }>['changes'],
): Promise<string> {
  if (!request.patientId) throw new AppError('CONFLICT');
  const [updated] = await ctx.db
    .update(patients)
    .set({ ...changes, updatedAt: ctx.now })
    .where(
      and(
        eq(patients.id, request.patientId),
        eq(patients.practiceId, ctx.practiceId),
        isNull(patients.archivedAt),
      ),
    )
    .returning({ id: patients.id });
  if (!updated) throw new AppError('CONFLICT', { details: { reason: 'patient_archived' } });
  if (changes.lastName !== undefined || changes.firstName !== undefined)
    await refreshNameKeys(ctx.db, ctx.practiceId, updated.id);
  await recordAudit(ctx, {
    action: 'patient.update',
    entity: 'patient',
    entityId: updated.id,
    patientId: updated.id,
    details: { fields: Object.keys(changes), changeRequestId: request.id },
  });
  return updated.id;
}

async function addDependant(
  ctx: Ctx,
  request: Request,
  dependant: { lastName: string; firstName: string; birthDate: string },
  input: z.infer<typeof acceptChangeRequestBody>,
): Promise<string> {
  const parentId = request.requestedByPatientId;
  const [parent] = parentId
    ? await ctx.db
        .select({ id: patients.id, lang: patients.lang })
        .from(patients)
        .where(
          and(
            eq(patients.id, parentId),
            eq(patients.practiceId, ctx.practiceId),
            isNull(patients.archivedAt),
          ),
        )
    : [];
  if (!parent) throw new AppError('CONFLICT', { details: { reason: 'requester_gone' } });

  if (input.existingPatientId) return linkExisting(ctx, parent.id, input.existingPatientId);

  if (!input.confirmDuplicate)
    await assertNoPossibleDuplicate(ctx, dependant, {
      action: 'change_request.accept',
      entity: 'patient_change_request',
      entityId: request.id,
    });
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const [created] = await ctx.db
    .insert(patients)
    .values({
      practiceId: ctx.practiceId,
      lastName: dependant.lastName,
      firstName: dependant.firstName,
      phoneticKeys: nameKeys(dependant.lastName, dependant.firstName),
      birthDate: dependant.birthDate,
      country: practice.country,
      lang: parent.lang,
      createdBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: patients.id });
  if (!created) throw new AppError('INTERNAL');
  await ctx.db.insert(patientRelations).values({
    practiceId: ctx.practiceId,
    patientId: created.id,
    responsableId: parent.id,
    role: 'parent1',
    createdAt: ctx.now,
  });
  await recordAudit(ctx, {
    action: 'patient.create',
    entity: 'patient',
    entityId: created.id,
    patientId: created.id,
    details: { channel: 'app_request', changeRequestId: request.id, parent1Id: parent.id },
  });
  return created.id;
}

/** Links a file that exists (the child the other parent already has) in the first free parent role. */
async function linkExisting(ctx: Ctx, parentId: string, childId: string): Promise<string> {
  const [child] = await ctx.db
    .select({ id: patients.id })
    .from(patients)
    .where(
      and(
        eq(patients.id, childId),
        eq(patients.practiceId, ctx.practiceId),
        isNull(patients.archivedAt),
        ne(patients.id, parentId),
      ),
    );
  if (!child) throw AppError.field('existingPatientId', 'invalid_choice');
  const links = await ctx.db.select().from(patientRelations).where(eq(patientRelations.patientId, child.id));
  if (links.some((link) => link.responsableId === parentId)) return child.id;
  const role = (['parent1', 'parent2'] as RelationRole[]).find(
    (free) => !links.some((link) => link.role === free),
  );
  if (!role) throw new AppError('CONFLICT', { details: { reason: 'parents_taken' } });
  await ctx.db.insert(patientRelations).values({
    practiceId: ctx.practiceId,
    patientId: child.id,
    responsableId: parentId,
    role,
    createdAt: ctx.now,
  });
  await recordAudit(ctx, {
    action: 'patient.update',
    entity: 'patient',
    entityId: child.id,
    patientId: child.id,
    details: { fields: [`responsables.${role}`], responsableId: parentId },
  });
  return child.id;
}

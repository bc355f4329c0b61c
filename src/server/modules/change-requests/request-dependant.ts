import { eq } from 'drizzle-orm';
import type { ChangeRequest, DependantRequest } from '../../../contracts/patient-app';
import { type Ctx, withTransaction } from '../../context';
import { patientChangeRequests } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { appFamily, phoneHolder, sessionPhone } from '../patient-app/app-family';
import { findPossibleDuplicates } from '../patients/possible-duplicates';
import { patientView, selectRequests } from './change-request-views';
import { assertFewPending } from './request-info-change';

/**
 * "Add a family member" (APP-5): asks the practice to create (or link) a dependant's file, with the
 * phone's holder as parent 1. Someone already in the family answers 409 ALREADY_EXISTS.
 */
export async function requestDependant(ctx: Ctx, input: DependantRequest): Promise<ChangeRequest> {
  const { phone, patientId: selfId } = sessionPhone(ctx);
  if (input.birthDate > ctx.now.toISOString().slice(0, 10))
    throw AppError.field('birthDate', 'birth_date_future');
  const family = await appFamily(ctx);
  const holder = phoneHolder(family, phone, selfId);
  if (!holder) throw AppError.notFound();
  // PAT-1's duplicate rule, within the family: someone already there needs no request
  const [inFamily = []] = await findPossibleDuplicates(ctx, [input], {
    among: family.map((member) => member.id),
  });
  if (inFamily.length > 0) throw new AppError('ALREADY_EXISTS');

  return withTransaction(ctx, async (tx) => {
    await assertFewPending(tx, phone);
    const [created] = await tx.db
      .insert(patientChangeRequests)
      .values({
        practiceId: tx.practiceId,
        kind: 'add_dependant',
        patientId: null,
        requestedByPhone: phone,
        requestedByPatientId: holder.id,
        payload: { kind: 'add_dependant', dependant: input },
        createdAt: tx.now,
      })
      .returning({ id: patientChangeRequests.id });
    if (!created) throw new AppError('INTERNAL');
    await recordAudit(tx, {
      action: 'change_request.create',
      entity: 'patient_change_request',
      entityId: created.id,
      patientId: holder.id,
      details: { kind: 'add_dependant' },
    });
    const [row] = await selectRequests(tx.db, eq(patientChangeRequests.id, created.id), {
      limit: 1,
      order: 'asc',
    });
    if (!row) throw new AppError('INTERNAL');
    return patientView(row);
  });
}

import { and, count, eq } from 'drizzle-orm';
import {
  type ChangeRequest,
  type InfoChange,
  type InfoField,
  infoFieldNames,
} from '../../../contracts/patient-app';
import { normalisePhone } from '../../../domain/phone';
import { type Ctx, withTransaction } from '../../context';
import { patientChangeRequests } from '../../db/schema';
import { AppError, type IssueKey } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { appFamily, phoneHolder, sessionPhone } from '../patient-app/app-family';
import { findPracticeById } from '../practice/find-practice';
import { currentValue, patientView, selectRequests } from './change-request-views';

const postalCodeShape = { FR: /^\d{5}$/, CH: /^\d{4}$/ } as const;
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** More pending requests than this from one phone is not a person updating their details. */
export const maxPendingPerPhone = 20;

/**
 * "My info" (APP-4): a family member's new details become a review request for the practice; the
 * file does not change until staff accept. Fields are checked as the front desk's edits are (phone in
 * the practice's country, email, postal code), every problem at once; only fields that differ from the
 * file are kept.
 */
export async function requestInfoChange(
  ctx: Ctx,
  patientId: string,
  input: InfoChange,
): Promise<ChangeRequest> {
  const { phone, patientId: selfId } = sessionPhone(ctx);
  const family = await appFamily(ctx);
  const member = family.find((candidate) => candidate.id === patientId);
  if (!member) throw AppError.notFound();
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const issues: IssueKey[] = [];
  const wanted: Partial<Record<InfoField, string>> = { ...input };
  if (input.mobilePhone !== undefined) {
    const normalised = normalisePhone(input.mobilePhone, practice.country);
    if (normalised) wanted.mobilePhone = normalised;
    else issues.push({ path: 'mobilePhone', key: 'phone' });
  }
  if (input.email !== undefined && !emailShape.test(input.email))
    issues.push({ path: 'email', key: 'email' });
  if (input.postalCode !== undefined && !postalCodeShape[practice.country].test(input.postalCode))
    issues.push({ path: 'postalCode', key: 'postal_code' });
  if (issues.length > 0) throw AppError.validation(issues);

  const changes: Partial<Record<InfoField, string>> = {};
  for (const field of infoFieldNames) {
    const value = wanted[field];
    if (value !== undefined && value !== currentValue(member, field)) changes[field] = value;
  }
  if (Object.keys(changes).length === 0) throw AppError.field('', 'no_change');

  const holder = phoneHolder(family, phone, selfId);
  return withTransaction(ctx, async (tx) => {
    await assertFewPending(tx, phone);
    const [created] = await tx.db
      .insert(patientChangeRequests)
      .values({
        practiceId: tx.practiceId,
        kind: 'update_info',
        patientId: member.id,
        requestedByPhone: phone,
        requestedByPatientId: holder?.id ?? null,
        payload: { kind: 'update_info', changes },
        createdAt: tx.now,
      })
      .returning({ id: patientChangeRequests.id });
    if (!created) throw new AppError('INTERNAL');
    await recordAudit(tx, {
      action: 'change_request.create',
      entity: 'patient_change_request',
      entityId: created.id,
      patientId: member.id,
      details: { kind: 'update_info', fields: Object.keys(changes) },
    });
    const [row] = await selectRequests(tx.db, eq(patientChangeRequests.id, created.id), {
      limit: 1,
      order: 'asc',
    });
    if (!row) throw new AppError('INTERNAL');
    return patientView(row);
  });
}

/** A phone may not flood the practice's review queue. */
export async function assertFewPending(ctx: Ctx, phone: string): Promise<void> {
  const [row] = await ctx.db
    .select({ pending: count() })
    .from(patientChangeRequests)
    .where(
      and(
        eq(patientChangeRequests.practiceId, ctx.practiceId),
        eq(patientChangeRequests.requestedByPhone, phone),
        eq(patientChangeRequests.status, 'pending'),
      ),
    );
  if ((row?.pending ?? 0) >= maxPendingPerPhone) throw new AppError('CONFLICT');
}

import type { Ctx } from '../../context';
import { AppError } from '../../errors';
import { type FamilyPatient, familyOfPhone } from '../patients/family';

/**
 * The signed-in phone of a patient-app context.
 * @public
 */
export function sessionPhone(ctx: Ctx): { phone: string; patientId: string; sessionId: string } {
  if (ctx.actor.kind !== 'patient') throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/**
 * The family the app shows (PAT-2, SEC-3): every file reachable from the signed-in phone, minus those
 * who asked not to share their data through the app — computed on each request, so an opt-out or a new
 * dependant takes effect at once.
 * @public
 */
export async function appFamily(ctx: Ctx): Promise<FamilyPatient[]> {
  const { phone } = sessionPhone(ctx);
  return (await familyOfPhone(ctx.db, ctx.practiceId, phone)).filter((member) => !member.appOptOut);
}

/**
 * One member of the app's family; any other id answers 404, exactly like an unknown one.
 * @public
 */
export async function appFamilyMember(ctx: Ctx, patientId: string): Promise<FamilyPatient> {
  const member = (await appFamily(ctx)).find((candidate) => candidate.id === patientId);
  if (!member) throw AppError.notFound();
  return member;
}

/**
 * The person holding the phone: the signed-in patient when it is their own mobile, otherwise the
 * eldest file with that mobile (a child signed in with a parent's phone → that parent).
 * @public
 */
export function phoneHolder(family: FamilyPatient[], phone: string, selfId: string): FamilyPatient | null {
  const holders = family.filter((member) => member.mobilePhone === phone);
  return holders.find((member) => member.id === selfId) ?? holders[0] ?? null;
}

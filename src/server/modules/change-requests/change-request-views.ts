import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type ChangeRequest,
  type InfoField,
  infoFieldNames,
  type StaffChangeRequest,
} from '../../../contracts/patient-app';
import type { Ctx } from '../../context';
import type { Db } from '../../db/client';
import { patientChangeRequests, patients, staff } from '../../db/schema';
import { findPossibleDuplicates } from '../patients/possible-duplicates';

const target = alias(patients, 'target');
const requester = alias(patients, 'requester');

type Row = Awaited<ReturnType<typeof selectRequests>>[number];

/** Requests with the file concerned, the requester and the deciding staff member: one query. */
export function selectRequests(
  db: Db,
  where: SQL | undefined,
  options: { limit: number; order: 'asc' | 'desc' },
) {
  const direction = options.order === 'asc' ? asc : desc;
  return db
    .select({
      request: patientChangeRequests,
      target,
      requester: {
        id: requester.id,
        firstName: requester.firstName,
        lastName: requester.lastName,
        birthDate: requester.birthDate,
      },
      decidedBy: { id: staff.id, firstName: staff.firstName, lastName: staff.lastName },
    })
    .from(patientChangeRequests)
    .leftJoin(target, eq(target.id, patientChangeRequests.patientId))
    .leftJoin(requester, eq(requester.id, patientChangeRequests.requestedByPatientId))
    .leftJoin(staff, eq(staff.id, patientChangeRequests.decidedBy))
    .where(where)
    .orderBy(direction(patientChangeRequests.createdAt), direction(patientChangeRequests.id))
    .limit(options.limit);
}

/** Keyset condition after a (createdAt, id) cursor in the given order. */
export function afterCursor(cursor: { at: Date; id: string }, order: 'asc' | 'desc'): SQL | undefined {
  const beyond = order === 'asc' ? gt : lt;
  return or(
    beyond(patientChangeRequests.createdAt, cursor.at),
    and(eq(patientChangeRequests.createdAt, cursor.at), beyond(patientChangeRequests.id, cursor.id)),
  );
}

/** A request as the patient sees it in the app. */
export function patientView(row: Row): ChangeRequest {
  const { request } = row;
  const payload = request.payload;
  return {
    id: request.id,
    kind: request.kind,
    status: request.status,
    patient: row.target
      ? { id: row.target.id, firstName: row.target.firstName, lastName: row.target.lastName }
      : null,
    changes: payload.kind === 'update_info' ? payload.changes : null,
    dependant: payload.kind === 'add_dependant' ? payload.dependant : null,
    reason: request.reason,
    createdAt: request.createdAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
  };
}

type Person = StaffChangeRequest['possibleDuplicates'][number];

/** A request as staff review it: who asked, the file, the before/after of each field. */
export function staffView(row: Row, duplicates: Person[]): StaffChangeRequest {
  const { request, target: file } = row;
  const payload = request.payload;
  const diff =
    payload.kind === 'update_info'
      ? infoFieldNames
          .filter((field) => payload.changes[field] !== undefined)
          .map((field) => ({
            field,
            before:
              payload.before && field in payload.before
                ? (payload.before[field] ?? null)
                : file
                  ? currentValue(file, field)
                  : null,
            after: payload.changes[field] as string,
          }))
      : [];
  return {
    id: request.id,
    kind: request.kind,
    status: request.status,
    createdAt: request.createdAt.toISOString(),
    requestedBy: row.requester ? { ...row.requester, phone: request.requestedByPhone } : null,
    patient: file
      ? { id: file.id, firstName: file.firstName, lastName: file.lastName, birthDate: file.birthDate }
      : null,
    diff,
    dependant: payload.kind === 'add_dependant' ? payload.dependant : null,
    possibleDuplicates: request.status === 'pending' ? duplicates : [],
    decidedBy: row.decidedBy,
    decidedAt: request.decidedAt?.toISOString() ?? null,
    reason: request.reason,
  };
}

export function currentValue(file: typeof patients.$inferSelect, field: InfoField): string | null {
  return file[field];
}

/**
 * The possible duplicates (PAT-1) of the dependants that a page of pending requests asks for, keyed by
 * request id: one query for the page, by the rule the desk and the accept step use.
 */
export async function duplicatesOf(ctx: Ctx, rows: readonly Row[]): Promise<Map<string, Person[]>> {
  const asking = rows.flatMap(({ request }) =>
    request.status === 'pending' && request.payload.kind === 'add_dependant'
      ? [{ requestId: request.id, dependant: request.payload.dependant }]
      : [],
  );
  const found = await findPossibleDuplicates(
    ctx,
    asking.map((one) => one.dependant),
  );
  return new Map(
    asking.map((one, index) => [
      one.requestId,
      (found[index] ?? []).map(({ id, firstName, lastName, birthDate }) => ({
        id,
        firstName,
        lastName,
        birthDate,
      })),
    ]),
  );
}

import { and, asc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { patients } from '../../db/schema';
import { AuditedRefusal } from '../audit/audited-refusal';

/** Who a new or changed file would be: the names and birth date PAT-1's duplicate rule compares. */
export interface Identity {
  lastName: string;
  firstName: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

/** A file of the practice that may be the same person. */
export interface PossibleDuplicate extends Identity {
  id: string;
  mobilePhone: string | null;
}

/** At most this many files are shown for one identity. */
const shownPerIdentity = 5;

const textArray = (values: string[]): SQL =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

/**
 * PAT-1's duplicate rule, the one place it is written: the practice's live files whose folded names
 * (`sourire_fold`, as the generated `search_name`) and birth date are those of an identity. One query for
 * any number of identities; answer `i` lists the files of `identities[i]` (at most five, oldest first).
 * `excludeId`: the file being saved, which is never its own duplicate; `among`: only these files (a
 * family).
 * @public
 */
export async function findPossibleDuplicates(
  ctx: Ctx,
  identities: readonly Identity[],
  options: { excludeId?: string | null; among?: readonly string[] } = {},
): Promise<PossibleDuplicate[][]> {
  const found = identities.map((): PossibleDuplicate[] => []);
  if (identities.length === 0 || options.among?.length === 0) return found;
  const wanted = sql`unnest(${textArray(identities.map((one) => one.birthDate))}::date[], ${textArray(
    identities.map((one) => `${one.lastName} ${one.firstName}`),
  )}) with ordinality as wanted(birth_date, full_name, ord)`;
  const match = ctx.db
    .select({
      id: patients.id,
      lastName: patients.lastName,
      firstName: patients.firstName,
      birthDate: patients.birthDate,
      mobilePhone: patients.mobilePhone,
    })
    .from(patients)
    .where(
      and(
        eq(patients.practiceId, ctx.practiceId),
        sql`${patients.birthDate} = wanted.birth_date`,
        sql`${patients.searchName} = sourire_fold(wanted.full_name)`,
        isNull(patients.archivedAt),
        ...(options.excludeId ? [ne(patients.id, options.excludeId)] : []),
        ...(options.among ? [inArray(patients.id, [...options.among])] : []),
      ),
    )
    .orderBy(asc(patients.createdAt), asc(patients.id))
    .limit(shownPerIdentity)
    .as('match');
  const rows = await ctx.db
    .select({
      index: sql<number>`(wanted.ord - 1)::int`.mapWith(Number),
      id: match.id,
      lastName: match.lastName,
      firstName: match.firstName,
      birthDate: match.birthDate,
      mobilePhone: match.mobilePhone,
    })
    .from(wanted)
    .crossJoinLateral(match);
  for (const { index, ...file } of rows) found[index]?.push(file);
  return found;
}

/**
 * PAT-1: a file that may already exist asks for a confirmation (409 CONFIRMATION_REQUIRED) first. The
 * refusal shows other patients' names and birth dates (SEC-2), so it is an `AuditedRefusal`: one
 * `patient.duplicates_shown` row per file shown, written after the rollback by the caller's
 * `auditRefusals`. `during` names what was being done (the action, and the entity it was about).
 * @public
 */
export async function assertNoPossibleDuplicate(
  ctx: Ctx,
  identity: Identity,
  during: { action: string; entity: string; entityId?: string | null },
  options: { excludeId?: string | null } = {},
): Promise<void> {
  const [matches = []] = await findPossibleDuplicates(ctx, [identity], options);
  if (matches.length === 0) return;
  const patientIds = matches.map((file) => file.id);
  throw new AuditedRefusal(
    'CONFIRMATION_REQUIRED',
    { reason: 'possible_duplicate', matches },
    // one row per file shown, with its patient id, so the audit's patient index answers "who saw X"
    patientIds.map((patientId) => ({
      action: 'patient.duplicates_shown',
      entity: during.entity,
      entityId: during.entityId ?? null,
      patientId,
      details: { during: during.action, patientIds },
    })),
  );
}

import { type AnyColumn, and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PatientSummary } from '../../../contracts/patients';
import { normalisePhone } from '../../../domain/phone';
import { queryKeys } from '../../../domain/phonetic';
import { type Ctx, withTransaction } from '../../context';
import { patientRelations, patients } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { offsetCursor } from '../cursor';
import { findPracticeById } from '../practice/find-practice';

const responsable = alias(patients, 'responsable');

type Query = { q?: string | undefined; limit: number; cursor?: string | undefined };

/**
 * Patient search (PAT-3) by name, first name, phone (any format), email or birth date; accent- and
 * typo-tolerant on names (trigram similarity on the folded name, GIN index) and forgiving French spelling
 * (phonetic keys: "lefevre" finds Lefebvre, "legall" Le Gall, GIN index); parents and children alike
 * — a phone also finds the dependants of its holder. The results read are audited (SEC-2).
 */
export async function searchPatients(
  ctx: Ctx,
  query: Query,
): Promise<{ items: PatientSummary[]; nextCursor: string | null }> {
  // ranked by similarity, the results page by offset rather than by key
  const offset = offsetCursor.decode(query.cursor) ?? 0;
  const q = (query.q ?? '').trim();
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const scope = and(eq(patients.practiceId, ctx.practiceId), isNull(patients.archivedAt));

  let where: SQL | undefined;
  let order: SQL[] = [asc(patients.lastName), asc(patients.firstName), asc(patients.id)];
  const date = parseDate(q);
  const digits = q.replace(/\D/g, '');
  if (!q) {
    where = scope;
  } else if (date) {
    where = and(scope, eq(patients.birthDate, date));
  } else if (/^[+\d\s().\-/]+$/.test(q) && digits.length >= 4) {
    const phone = normalisePhone(q, practice.country);
    const matches = (column: AnyColumn) =>
      phone ? eq(column, phone) : sql`${column} like ${`%${digits.replace(/^0/, '')}%`}`;
    // Holders of the phone and the dependants of its holders, as one index-driven set: an OR with a
    // subquery forces a sequential scan of every patient.
    const holders = ctx.db
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.practiceId, ctx.practiceId), matches(patients.mobilePhone)));
    const dependants = ctx.db
      .select({ id: patientRelations.patientId })
      .from(patientRelations)
      .innerJoin(responsable, eq(responsable.id, patientRelations.responsableId))
      .where(
        and(
          eq(patientRelations.practiceId, ctx.practiceId),
          eq(responsable.practiceId, ctx.practiceId),
          matches(responsable.mobilePhone),
        ),
      );
    where = and(scope, sql`${patients.id} in (${holders} union all ${dependants})`);
  } else if (q.includes('@')) {
    where = and(scope, sql`lower(${patients.email}) like ${`%${q.toLowerCase().replace(/[%_]/g, '')}%`}`);
  } else {
    const folded = sql`sourire_fold(${q})`;
    // and by sound: every typed word's French phonetic key among the patient's (GIN index on the keys)
    const keys = queryKeys(q);
    const textArray = (values: string[]) =>
      sql`array[${sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )}]::text[]`;
    where = and(
      scope,
      or(
        sql`${patients.searchName} like '%' || ${folded} || '%'`,
        sql`${folded} <% ${patients.searchName}`,
        keys.each.length > 0 ? sql`${patients.phoneticKeys} @> ${textArray(keys.each)}` : undefined,
        keys.joined ? sql`${patients.phoneticKeys} @> ${textArray([keys.joined])}` : undefined,
      ),
    );
    order = [
      desc(sql`word_similarity(${folded}, ${patients.searchName})`),
      asc(patients.lastName),
      asc(patients.firstName),
      asc(patients.id),
    ];
  }

  return withTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .select()
      .from(patients)
      .where(where)
      .orderBy(...order)
      .limit(query.limit + 1)
      .offset(offset);
    const page = rows.slice(0, query.limit);
    const ids = page.map((row) => row.id);
    const links =
      ids.length === 0
        ? []
        : await tx.db
            .select({
              patientId: patientRelations.patientId,
              role: patientRelations.role,
              id: responsable.id,
              firstName: responsable.firstName,
              lastName: responsable.lastName,
              birthDate: responsable.birthDate,
              mobilePhone: responsable.mobilePhone,
            })
            .from(patientRelations)
            .innerJoin(responsable, eq(responsable.id, patientRelations.responsableId))
            .where(inArray(patientRelations.patientId, ids));
    if (ids.length > 0) {
      await recordAudit(tx, {
        action: 'patient.search',
        entity: 'patient',
        details: { q, patientIds: ids },
      });
    }
    return {
      items: page.map((row) => ({
        id: row.id,
        lastName: row.lastName,
        firstName: row.firstName,
        birthDate: row.birthDate,
        mobilePhone: row.mobilePhone,
        email: row.email,
        ownPractitionerId: row.ownPractitionerId,
        responsables: links
          .filter((link) => link.patientId === row.id)
          .map(({ patientId: _patientId, ...link }) => link),
      })),
      nextCursor: offsetCursor.next(rows, query.limit, () => offset + query.limit),
    };
  });
}

/**
 * DD/MM/YYYY, D/M/YYYY or YYYY-MM-DD → YYYY-MM-DD; null when the query is not shaped like a date. A
 * date that does not exist (31/02) is a field error, not a database error.
 */
function parseDate(q: string): string | null {
  const french = q.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  const iso = q.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const date = french
    ? `${french[3]}-${(french[2] ?? '').padStart(2, '0')}-${(french[1] ?? '').padStart(2, '0')}`
    : iso
      ? q
      : null;
  if (date === null) return null;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)
    throw AppError.field('q', 'date');
  return date;
}

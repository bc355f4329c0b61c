import { and, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppUser, appUserQuery } from '../../../contracts/patient-app';
import { type Ctx, withTransaction } from '../../context';
import { patientRelations, patients, sessions } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { keysetCursor } from '../cursor';

/**
 * The phones that signed in to the app in this practice, with their last connection and whether a
 * session is still live: one aggregate over the practice's patient sessions (index on practice, phone).
 */
function appPhones(ctx: Ctx): SQL {
  return sql`select ${sessions.patientPhone} as phone, max(${sessions.lastSeenAt}) as last_seen,
      bool_or(${sessions.revokedAt} is null and ${sessions.expiresAt} > ${ctx.now}) as live
    from ${sessions}
    where ${sessions.practiceId} = ${ctx.practiceId} and ${sessions.kind} = 'patient'
      and ${sessions.patientPhone} is not null
    group by ${sessions.patientPhone}`;
}

/**
 * Every file those phones reach (their holders and the holders' dependants, as the app's family), with
 * the latest connection of any of them; 'own_phone' wins over 'responsable'.
 */
function appUsers(ctx: Ctx): SQL {
  const phones = appPhones(ctx);
  return sql`(select reach.patient_id, max(reach.last_seen) as last_seen, bool_or(reach.live) as live,
        min(reach.through) as through
      from (
        select holder.id as patient_id, ph.last_seen, ph.live, 'own_phone' as through
          from ${patients} holder join (${phones}) ph on holder.mobile_phone = ph.phone
          where holder.practice_id = ${ctx.practiceId}
        union all
        select rel.patient_id, ph.last_seen, ph.live, 'responsable' as through
          from ${patientRelations} rel
          join ${patients} resp on resp.id = rel.responsable_id
          join (${phones}) ph on resp.mobile_phone = ph.phone
          where rel.practice_id = ${ctx.practiceId} and resp.practice_id = ${ctx.practiceId}
      ) reach
      group by reach.patient_id) as app_users`;
}

/**
 * Patients who use the app (CON-1): their phone, or a responsable's, signed in to the app at least once;
 * the most recently connected first, keyset-paginated, searchable by name (accents and typos forgiven,
 * on the trigram index). The read is audited (SEC-2).
 */
export async function listAppUsers(
  ctx: Ctx,
  query: z.infer<typeof appUserQuery>,
): Promise<{ items: AppUser[]; nextCursor: string | null }> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const q = (query.q ?? '').trim();
  const cursor = keysetCursor.decode(query.cursor);
  const folded = sql`sourire_fold(${q})`;
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .select({
        id: patients.id,
        firstName: patients.firstName,
        lastName: patients.lastName,
        birthDate: patients.birthDate,
        mobilePhone: patients.mobilePhone,
        appOptOut: patients.appOptOut,
        lastSeenAt: sql`app_users.last_seen`.mapWith(sessions.lastSeenAt),
        signedIn: sql<boolean>`app_users.live`,
        through: sql<AppUser['through']>`app_users.through`,
      })
      .from(patients)
      .innerJoin(appUsers(tx), sql`app_users.patient_id = ${patients.id}`)
      .where(
        and(
          eq(patients.practiceId, tx.practiceId),
          isNull(patients.archivedAt),
          q
            ? or(
                sql`${patients.searchName} like '%' || ${folded} || '%'`,
                sql`${folded} <% ${patients.searchName}`,
              )
            : undefined,
          cursor
            ? sql`(app_users.last_seen, ${patients.id}) < (${cursor.at}, ${cursor.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(sql`app_users.last_seen`), desc(patients.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    if (page.length > 0) {
      await recordAudit(tx, {
        action: 'app_users.list',
        entity: 'patient',
        details: { q: q || null, patientIds: page.map((row) => row.id) },
      });
    }
    return {
      items: page.map((row) => ({
        ...row,
        lastSeenAt: row.lastSeenAt.toISOString(),
        signedIn: row.signedIn === true,
      })),
      nextCursor: keysetCursor.next(rows, query.limit, (last) => ({ at: last.lastSeenAt, id: last.id })),
    };
  });
}

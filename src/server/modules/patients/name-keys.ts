import { and, eq, sql } from 'drizzle-orm';
import { nameKeys } from '../../../domain/phonetic';
import type { Db } from '../../db/client';
import { patients } from '../../db/schema';

/** A patient's values with the phonetic keys of their names; every write of a name goes through it. */
export function withNameKeys<T extends { lastName: string; firstName: string }>(
  values: T,
): T & { phoneticKeys: string[] } {
  return { ...values, phoneticKeys: nameKeys(values.lastName, values.firstName) };
}

/**
 * Recomputes one patient's keys from the names stored (after a change of either name alone).
 * @public
 */
export async function refreshNameKeys(db: Db, practiceId: string, patientId: string): Promise<void> {
  const [row] = await db
    .select({ lastName: patients.lastName, firstName: patients.firstName })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.practiceId, practiceId)));
  if (!row) return;
  await db
    .update(patients)
    .set({ phoneticKeys: nameKeys(row.lastName, row.firstName) })
    .where(eq(patients.id, patientId));
}

/**
 * At start-up: keys for patients written before the keys existed (a database migrated from an earlier
 * version), a thousand at a time. Nothing to do on a database kept up to date.
 * @public
 */
export async function backfillNameKeys(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db
      .select({ id: patients.id, lastName: patients.lastName, firstName: patients.firstName })
      .from(patients)
      .where(sql`cardinality(${patients.phoneticKeys}) = 0`)
      .limit(1000);
    if (rows.length === 0) return done;
    for (const row of rows) {
      const keys = nameKeys(row.lastName, row.firstName);
      // a name without any letter has no key: mark it so the loop ends
      await db
        .update(patients)
        .set({ phoneticKeys: keys.length > 0 ? keys : ['-'] })
        .where(eq(patients.id, row.id));
    }
    done += rows.length;
  }
}

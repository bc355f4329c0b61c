import { type AnyPgColumn, foreignKey } from 'drizzle-orm/pg-core';

/** The key of a practice-owned table that composite references point at (`UNIQUE (practice_id, id)`). */
interface PracticeOwned {
  practiceId: AnyPgColumn;
  id: AnyPgColumn;
}

/**
 * A reference from one practice-owned row to another row of the same practice (ADR 012):
 * `(practice_id, x_id) → target (practice_id, id)`, so that a row cannot point at another practice's row.
 * The target declares `unique('<table>_practice_id_id_unique').on(t.practiceId, t.id)`.
 *
 * The name is explicit (`<table>_<column>_tenant_fk`): Drizzle's default name is often over 63 characters.
 * `'set null'` is written `ON DELETE SET NULL ("x_id")` in the migration, by hand: the plain form would
 * also null `practice_id`, which is NOT NULL. Drizzle cannot express the column list, so a new SET NULL
 * key needs the same hand edit; `tests/api/tenancy-keys.test.ts` checks the catalogue for it.
 */
export function tenantFk(
  name: string,
  columns: [practiceId: AnyPgColumn, column: AnyPgColumn],
  target: PracticeOwned,
  onDelete: 'cascade' | 'set null' | 'no action',
) {
  return foreignKey({ name, columns, foreignColumns: [target.practiceId, target.id] }).onDelete(onDelete);
}

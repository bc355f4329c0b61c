import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { ExtractTablesWithRelations } from 'drizzle-orm/relations';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is under it. Transactions have the same type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; poolSize: number };

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Applies the pending migrations (of `folder`: tests and benches migrate to an earlier state). */
  migrate(folder?: string): Promise<void>;
  /** Applied and expected migration counts, for the health check. */
  migrationState(): Promise<{ applied: number; expected: number }>;
  /** A snapshot of an embedded database (tests clone a migrated database from it). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

const extensions = { btree_gist, pg_trgm, unaccent };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') return openPostgres(options.url, options.poolSize);
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions,
  });
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    migrate: async (folder = migrationsFolder) => {
      await migratePglite(drizzlePglite({ client, casing: 'snake_case' }), { migrationsFolder: folder });
    },
    migrationState: () => migrationState(db),
    dump: () => client.dumpDataDir('none') as Promise<Blob>,
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A dropped connection must not crash the process; queries on it fail and the pool replaces it.
  pool.on('error', () => {});
  const db = drizzleNodePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
  let closed = false;
  return {
    kind: 'postgres',
    db,
    migrate: async (folder = migrationsFolder) => {
      await migrateNodePg(drizzleNodePg({ client: pool, casing: 'snake_case' }), {
        migrationsFolder: folder,
      });
    },
    migrationState: () => migrationState(db),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

function expectedMigrations(): number {
  const journal = `${migrationsFolder}/meta/_journal.json`;
  if (!existsSync(journal)) return 0;
  return (JSON.parse(readFileSync(journal, 'utf8')) as { entries: unknown[] }).entries.length;
}

async function migrationState(db: Db): Promise<{ applied: number; expected: number }> {
  const expected = expectedMigrations();
  try {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(sql`drizzle.__drizzle_migrations`);
    return { applied: Number(row?.count ?? 0), expected };
  } catch {
    return { applied: 0, expected };
  }
}

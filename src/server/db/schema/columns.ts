import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column builders: ids are random UUIDs, instants are `timestamptz`. */
export const id = () => uuid().primaryKey().defaultRandom();
export const instant = () => timestamp({ withTimezone: true, mode: 'date' });
export const createdAt = () => instant().notNull().defaultNow();

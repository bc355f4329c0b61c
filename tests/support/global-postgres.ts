import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client';
import { databaseUrlFor } from './postgres-url';

const template = `sourire_test_template_${process.pid}`;

/**
 * Migrates a template database on the server of DATABASE_URL; each test file creates its own database
 * from it (CREATE DATABASE … TEMPLATE), so files run in parallel without seeing each other.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is required for the api-postgres project');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const database = await openDatabase({
    kind: 'postgres',
    url: databaseUrlFor(adminUrl, template),
    poolSize: 1,
  });
  await database.migrate();
  await database.close();
  project.provide('postgresTemplate', template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.end();
  };
}

import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { AppDeps } from '../../src/server/context';
import type { Database } from '../../src/server/db/client';
import { fileStorageFromConfig } from '../../src/server/files/from-config';
import { startJobRunner } from '../../src/server/jobs/runner';
import { localBus } from '../../src/server/live/live-bus';
import { staffClient } from '../support/client';
import { makePractice, makeStaff, testPassword } from '../support/factories';
import { openTestDatabase, TestClock, testConfig, withTemporaryFilesDir } from '../support/test-app';

// Issue 10 §5: a failing query's error is logged without its parameters, nor values the database quotes.

const zoe = {
  lastName: 'Quartermaine',
  firstName: 'Zoé',
  birthDate: '1987-06-05',
  mobilePhone: '06 12 34 56 78',
  email: 'zoe.quartermaine@example.org',
  addressLine: '12 rue des Lilas',
  postalCode: '75011',
  city: 'Paris',
};
/** Every personal value of Zoé, as sent and as stored (the phone normalised). */
const personalValues = [
  'Quartermaine',
  'Zoé',
  'Zo\\u00e9',
  '1987-06-05',
  '612345678',
  '12 34 56 78',
  'zoe.quartermaine',
  'Lilas',
  '75011',
];

function expectNoPersonalValue(log: string) {
  for (const value of personalValues) expect(log.toLowerCase(), value).not.toContain(value.toLowerCase());
}

let database: Database;
let deps: AppDeps;
let app: FastifyInstance;
let removeFiles: () => void;
const lines: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const files = withTemporaryFilesDir(testConfig());
  removeFiles = files.removeFiles;
  deps = {
    config: files.config,
    db: database.db,
    dbKind: database.kind,
    clock: new TestClock(),
    transports: { email: null, sms: null },
    kickOutbox: () => {},
    migrationState: () => database.migrationState(),
    live: localBus(),
    files: fileStorageFromConfig(files.config.files),
  };
  app = await buildApp(deps, { logger: { level: 'info', stream: { write: (line) => lines.push(line) } } });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
  removeFiles();
});

describe('a request whose query fails', () => {
  it('logs the error, its SQLSTATE and constraint, and no personal value', async () => {
    // a rule the database enforces and the API does not map to a 4xx: the insert fails with 23514, and
    // the driver's detail quotes the whole row ("Failing row contains (…, Quartermaine, Zoé, …)")
    await database.db.execute(
      sql.raw(
        `ALTER TABLE patients ADD CONSTRAINT log_redaction_probe CHECK (last_name <> '${zoe.lastName}')`,
      ),
    );
    const practice = await makePractice(deps.db);
    const member = await makeStaff(deps.db, practice.id);
    const desk = await staffClient(app, member.email, testPassword);
    lines.length = 0;
    const answer = await desk.post('/api/console/patients', zoe);
    expect(answer.status).toBe(500);
    expect(answer.body.code).toBe('INTERNAL');
    const log = lines.join('');
    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request failed');
    expect(failure?.err).toMatchObject({
      type: 'DrizzleQueryError',
      message: expect.stringMatching(/^Failed query: insert into "patients"/),
      query: expect.stringContaining('$1'),
      cause: { code: '23514', constraint: 'log_redaction_probe' },
    });
    expect(failure?.reqId).toBe(answer.headers['x-request-id']);
    expect(log).not.toContain('params');
    expect(log).not.toContain('Failing row');
    expectNoPersonalValue(log);
  });
});

describe('the job runner', () => {
  it('logs a failing pass without the query’s parameters', async () => {
    const cause = Object.assign(new Error('new row for relation "patients" violates check constraint "x"'), {
      code: '23514',
      severity: 'ERROR',
      constraint: 'x',
      table: 'patients',
      detail: `Failing row contains (${zoe.lastName}, ${zoe.firstName}, +33612345678, ${zoe.email}).`,
    });
    const failure = new DrizzleQueryError(
      'update "patients" set "last_name" = $1, "mobile_phone" = $2, "email" = $3',
      [zoe.lastName, '+33612345678', zoe.email, zoe.birthDate],
      cause,
    );
    const failingDb = new Proxy(deps.db, {
      get: () => () => {
        throw failure;
      },
    });
    const logged: string[] = [];
    const log = {
      error: (object: unknown, message?: string) => logged.push(`${JSON.stringify(object)} ${message}`),
    } as unknown as FastifyBaseLogger;
    const runner = startJobRunner({ ...deps, db: failingDb }, log);
    for (let wait = 0; wait < 100 && logged.length === 0; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await runner.stop();
    expect(logged[0]).toContain('background job pass failed');
    expect(logged[0]).toContain('"code":"23514"');
    expect(logged[0]).toContain('"table":"patients"');
    expect(logged[0]).not.toContain('Failing row');
    expectNoPersonalValue(logged.join('\n'));
  });
});

describe('request lines', () => {
  it('name the route, not the link tokens in its path', async () => {
    const feedToken = 'feedtokenfeedtokenfeedtoken0123456789';
    const manageToken = '0c6f1d2e-8a7b-4c3d-9e0f-1a2b3c4d5e6f.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef';
    lines.length = 0;
    await app.inject({ method: 'GET', url: `/api/feeds/${feedToken}.ics` });
    await app.inject({ method: 'GET', url: `/api/public/appointments/${manageToken}` });
    const log = lines.join('');
    expect(log).toContain('GET /api/feeds/:token.ics');
    expect(log).toContain('GET /api/public/appointments/:token');
    expect(log).not.toContain(feedToken);
    expect(log).not.toContain(manageToken.split('.')[1]);
  });
});

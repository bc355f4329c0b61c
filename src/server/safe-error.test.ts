import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { safeError, safeErrorMessage } from './safe-error';

const driverError = (message: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(message), fields);

describe('safeError', () => {
  it('keeps a failed query’s SQL and drops its parameters, in the message, the stack and the fields', () => {
    const cause = driverError('duplicate key value violates unique constraint "patients_email_key"', {
      code: '23505',
      severity: 'ERROR',
      constraint: 'patients_email_key',
      table: 'patients',
      detail: 'Key (email)=(zoe@example.org) already exists.',
    });
    const error = new DrizzleQueryError(
      'insert into "patients" ("email") values ($1)',
      ['zoe@example.org'],
      cause,
    );
    const safe = safeError(error);
    expect(safe).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'Failed query: insert into "patients" ("email") values ($1)',
      query: 'insert into "patients" ("email") values ($1)',
      cause: { code: '23505', constraint: 'patients_email_key', table: 'patients' },
    });
    expect(safe.stack).toMatch(/^DrizzleQueryError: Failed query: insert into[^\n]*\n\s+at /);
    expect(JSON.stringify(safe)).not.toContain('zoe@example.org');
  });

  it('hides the values a database message quotes', () => {
    const error = driverError('invalid input syntax for type uuid: "Zoé Quartermaine"', { code: '22P02' });
    expect(safeErrorMessage(error)).toBe('invalid input syntax for type uuid: "…"');
    expect(safeError(error).code).toBe('22P02');
  });

  it('leaves other errors as they are, and survives anything thrown', () => {
    expect(safeError(new TypeError('x is not a function'))).toMatchObject({
      type: 'TypeError',
      message: 'x is not a function',
    });
    expect(safeError('plain text')).toEqual({ type: 'string', message: 'plain text', stack: '' });
    expect(safeError(null).message).toBe('null');
  });
});

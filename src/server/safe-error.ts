/**
 * Errors as they may be logged or stored (issue 10 §5): never with a query's parameter values, nor the
 * values a database quotes back. A failing Drizzle query's message ends with `params: …` (names, birth
 * dates, phones, emails), its `params` hold them again, and the driver's error quotes the row or the
 * input in `detail` ("Failing row contains (…)", "Key (email)=(…)") and in some messages ("invalid input
 * syntax for type uuid: \"…\""). What stays is what a developer needs: the kind of error, its code
 * (SQLSTATE), the constraint, table and column, the SQL text with its `$1` placeholders, and the stack.
 */
export interface SafeError {
  [field: string]: unknown;
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  query?: string;
  stack: string;
  cause?: SafeError;
}

const maxDepth = 4;

/** Fields of driver errors (pg, PGlite) that name things rather than quote values. */
const namingFields = ['constraint', 'table', 'column'] as const;

function isDatabaseError(error: Record<string, unknown>): boolean {
  return (
    (typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code)) ||
    typeof error.severity === 'string' ||
    typeof error.query === 'string'
  );
}

/** A message without parameter values: no `params:` tail, no quoted values from the database. */
export function safeErrorMessage(error: unknown): string {
  if (!error || typeof error !== 'object') return String(error);
  const record = error as Record<string, unknown>;
  const message = typeof record.message === 'string' ? record.message : String(error);
  const withoutParams = message.replace(/\n?\s*params: [\s\S]*$/, '');
  if (!isDatabaseError(record) || typeof record.query === 'string') return withoutParams;
  // the database's own message: what it quotes may be a value ("invalid input syntax … : \"Zoé\"")
  return withoutParams.replace(/"[^"]*"/g, '"…"');
}

/** The stack's frames under the safe message (a stack starts with the message, params and all). */
function safeStack(stack: unknown, head: string): string {
  if (typeof stack !== 'string') return '';
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [head, ...frames].join('\n');
}

/** The loggable form of any thrown value; pino's `err` serializer (see `buildApp`). */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!error || typeof error !== 'object') return { type: typeof error, message: String(error), stack: '' };
  const record = error as Record<string, unknown>;
  const type =
    typeof record.type === 'string' && !(error instanceof Error)
      ? record.type
      : (error.constructor?.name ?? 'Error');
  const message = safeErrorMessage(error);
  const safe: SafeError = { type, message, stack: safeStack(record.stack, `${type}: ${message}`) };
  if (typeof record.code === 'string' || typeof record.code === 'number') safe.code = String(record.code);
  for (const field of namingFields) {
    if (typeof record[field] === 'string') safe[field] = record[field];
  }
  if (typeof record.query === 'string') safe.query = record.query;
  if (record.cause && depth < maxDepth) safe.cause = safeError(record.cause, depth + 1);
  return safe;
}

import { afterAll, beforeAll, expect, it } from 'vitest';
import { staffClient, TestClient } from '../support/client';
import { makePractice, makeStaff, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Sends malformed values to every operation of the OpenAPI document, signed out and as an admin, and
 * fails on any 5xx. Deterministic: the values are a fixed list, the operations come in the document's order.
 */
let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  const practice = await makePractice(t.deps.db);
  const staff = await makeStaff(t.deps.db, practice.id, { role: 'admin' });
  admin = await staffClient(t.app, staff.email, testPassword);
});
afterAll(async () => t.close());

const nastyStrings = [
  '',
  'a\u0000b',
  '\uD800',
  '\uDC00x',
  'x'.repeat(5000),
  '9999-12-31T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '-1',
  '1e309',
  '%%%',
  Buffer.from(JSON.stringify(['+275760-09-13T00:00:00.000Z', 'x'])).toString('base64url'),
];
const nastyValues: unknown[] = [...nastyStrings, null, 0, -1, 1e308, true, [], {}, [{}]];

type Operation = { method: string; path: string; params: string[]; query: string[]; hasBody: boolean };

function operationsOf(document: { paths: Record<string, Record<string, Record<string, unknown>>> }) {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (method === 'head' || path.endsWith('/stream')) continue;
      const parameters = (operation.parameters ?? []) as { in: string; name: string }[];
      operations.push({
        method: method.toUpperCase(),
        path,
        params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        hasBody: operation.requestBody !== undefined,
      });
    }
  }
  return operations;
}

/** A lone surrogate cannot be percent-encoded: send the bytes a hostile client would (CESU-8). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function urlOf(operation: Operation, value: string): string {
  let url = operation.path;
  for (const name of operation.params) url = url.replace(`{${name}}`, encode(value));
  const query = operation.query.map((name) => `${name}=${encode(value)}`).join('&');
  return query ? `${url}?${query}` : url;
}

it('answers no malformed input on any operation with a 5xx', { timeout: 60_000 }, async () => {
  // the document itself: over HTTP it is for signed-in staff only
  const operations = operationsOf(t.app.swagger() as unknown as Parameters<typeof operationsOf>[0]);
  const failures: string[] = [];
  let sent = 0;
  for (const client of [new TestClient(t.app), admin]) {
    for (const operation of operations) {
      const method = operation.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      const attempts: [string, unknown][] = nastyStrings.map((value) => [urlOf(operation, value), undefined]);
      // one query parameter at a time too, so an earlier parameter's refusal does not hide a later one
      for (const name of operation.query) {
        const only = { ...operation, query: [name] };
        for (const value of nastyStrings) attempts.push([urlOf(only, value), undefined]);
      }
      if (operation.hasBody) {
        const url = urlOf(operation, '00000000-0000-4000-8000-000000000000');
        for (const value of nastyValues) attempts.push([url, value === null ? {} : value]);
        attempts.push([url, { title: 'a\u0000', name: '\uD800', from: '9999-12-31T00:00:00Z', id: 'x' }]);
      }
      for (const [url, body] of attempts) {
        const answer = await client.request(method, url, body);
        sent += 1;
        if (answer.status >= 500)
          failures.push(`${method} ${url} ${JSON.stringify(body)} → ${answer.status}`);
      }
    }
  }
  console.log(`OpenAPI fuzz: ${operations.length} operations, ${sent} requests, ${failures.length} 5xx`);
  expect(failures).toEqual([]);
});

import { appendFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motifs, outbox } from '../../src/server/db/schema';
import { staffClient, type TestClient } from '../support/client';
import { makePdf, multipartBody, uploadDocument } from '../support/documents';
import { makeSchedulingPractice, nextWeekdayAt, testPassword } from '../support/factories';
import { makeAppointment, makeFamily, patientClient } from '../support/patient-session';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Fuzz generated from the OpenAPI document (issue 10 §3). For every operation it builds a valid request
 * from the schemas — path parameters from seeded rows (practice, staff, patient, appointment, thread,
 * document, secure link, manage link, feed), query and JSON body from their JSON schemas — then breaks one
 * field at a time (NUL byte, lone surrogate, very long text, wrong type, far dates, bad UUIDs, crafted
 * cursors, out-of-range numbers, missing field, unknown key…), plus whole-body and multipart envelope
 * breaks. Three passes: signed out, as a patient in the app, as a staff admin; each pass proves it is
 * (or is not) signed in. Deterministic: values come from fixed lists and fast-check samples with a fixed
 * seed, operations in the document's order (deletions and sign-outs last). Fails on any 5xx, naming the
 * pass, method, URL, field and value.
 */

const seed = 20_261_202;
const answerTimeoutMs = 10_000;

type JsonSchema = {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};
type Parameter = { in: string; name: string; required?: boolean; schema: JsonSchema };
type Operation = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  params: Parameter[];
  query: Parameter[];
  body: JsonSchema | null;
  multipart: boolean;
};
type Pass = 'anonymous' | 'patient' | 'staff';

const sessionEnders = new Set([
  'POST /api/staff/sign-out',
  'POST /api/staff/lock',
  'POST /api/patient/sign-out',
]);

function operationsOf(document: { paths: Record<string, Record<string, Record<string, unknown>>> }) {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      // streams never end; HEAD mirrors GET
      if (method === 'head' || path.endsWith('/stream')) continue;
      const parameters = (operation.parameters ?? []) as Parameter[];
      const content = (operation.requestBody as { content?: Record<string, { schema: JsonSchema }> })
        ?.content;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        params: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        body: content?.['application/json']?.schema ?? null,
        multipart: /multipart/i.test(String(operation.summary ?? '')),
      });
    }
  }
  // deletions after everything that could use the row, sign-outs and locks at the very end
  const rank = (op: Operation) =>
    sessionEnders.has(`${op.method} ${op.path}`)
      ? 2
      : op.method === 'DELETE' || /\/(cancel|revoke|reject)$/.test(op.path)
        ? 1
        : 0;
  return operations
    .map((op, index) => ({ op, index }))
    .sort((a, b) => rank(a.op) - rank(b.op) || a.index - b.index)
    .map(({ op }) => op);
}

// ---------------------------------------------------------------------------------------------------
// Seeded rows and the valid values drawn from them

interface Seeds {
  practiceId: string;
  slug: string;
  dentistId: string;
  secretaryId: string;
  locationId: string;
  motifId: string;
  patientId: string;
  childId: string;
  appointmentId: string;
  documentId: string;
  identity: { practice: string; phone: string; lastName: string; firstName: string; birthDate: string };
  tokens: Record<string, string>;
  /** ids answered by creations during the run, by the path that created them */
  created: Map<string, string>;
}

const dayOf = (instant: string, plusDays = 0) =>
  new Date(Date.parse(instant) + plusDays * 86_400_000).toISOString().slice(0, 10);

/** A value of a named field that the domain accepts, where the schema alone would not say which. */
function knownValue(name: string, schema: JsonSchema, s: Seeds): unknown {
  const byName: Record<string, unknown> = {
    practitionerId: s.dentistId,
    ownPractitionerId: s.dentistId,
    practitionerIds: schema.type === 'array' ? [s.dentistId] : s.dentistId,
    agendaGrants: [s.dentistId],
    referentIds: [s.dentistId],
    locationId: s.locationId,
    locationIds: schema.type === 'array' ? [s.locationId] : s.locationId,
    motifId: s.motifId,
    motifIds: [s.motifId],
    patientId: s.patientId,
    existingPatientId: s.patientId,
    authorPatientId: s.patientId,
    parent1Id: s.patientId,
    guarantorId: s.patientId,
    appointmentId: s.appointmentId,
    practice: s.slug,
    slug: s.slug,
    phone: s.identity.phone,
    mobilePhone: s.identity.phone,
    lastName: s.identity.lastName,
    firstName: s.identity.firstName,
    birthDate: s.identity.birthDate,
    email: 'fuzz@test.example',
    password: testPassword,
    // turned on, it would shut the staff pass out of every route until it enrols (tested in staff-2fa)
    staffMfaRequired: false,
    code: '123456',
    q: 'Durand',
    startsAt: nextWeekdayAt(10),
    endsAt: nextWeekdayAt(11),
    from: nextWeekdayAt(0),
    to: nextWeekdayAt(23),
    firstDay: dayOf(nextWeekdayAt(10)),
    startDay: dayOf(nextWeekdayAt(10)),
    fromDay: dayOf(nextWeekdayAt(10)),
    endDay: dayOf(nextWeekdayAt(10), 7),
    toDay: dayOf(nextWeekdayAt(10), 7),
    until: dayOf(nextWeekdayAt(10), 60),
    endpoint: 'https://push.test.example/endpoint/1',
    mapUrl: 'https://maps.test.example/x',
  };
  return byName[name];
}

function firstOption(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  return options ? (options.find((o) => o.type !== 'null') ?? options[0] ?? {}) : schema;
}

function validString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.format === 'date-time') return nextWeekdayAt(10);
  if (schema.format === 'uri') return 'https://test.example/x';
  const byPattern: Record<string, string> = {
    '^[a-z0-9]+(?:-[a-z0-9]+)*$': 'fuzz-slug',
    '^\\+?[0-9 ().\\-/]+$': '+33612345678',
    '^\\d{4}-\\d{2}-\\d{2}$': dayOf(nextWeekdayAt(10)),
    '^\\d{6}$': '123456',
    '^\\d{2}:\\d{2}$': '09:00',
    '^#[0-9a-fA-F]{6}$': '#3366aa',
    '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$': '09:00',
    '^([01]\\d|2[0-3]):[0-5]\\d$': '09:00',
    '^[A-Za-z0-9_-]{43}$': 'B'.repeat(43),
    '^[A-Za-z0-9_-]+={0,2}$': 'AAAA',
  };
  if (schema.pattern && byPattern[schema.pattern] !== undefined) return byPattern[schema.pattern] as string;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 40;
  return 'Fuzz text'.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, 9)));
}

/** A valid value of a schema: its required fields only (`full`: every field). */
function validValue(schema: JsonSchema, s: Seeds, name = '', full = false): unknown {
  const known = name ? knownValue(name, schema, s) : undefined;
  if (known !== undefined) return known;
  const one = firstOption(schema);
  if (one.default !== undefined) return one.default;
  if (one.enum) return one.enum[0];
  switch (one.type) {
    case 'string':
      return validString(one);
    case 'integer':
    case 'number':
      return Math.min(one.maximum ?? 1_000, Math.max(one.minimum ?? 0, 1));
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(1, one.minItems ?? 0) }, () =>
        validValue(one.items ?? {}, s, '', full),
      );
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(one.properties ?? {})) {
        if (full || one.required?.includes(key)) result[key] = validValue(property, s, key, full);
      }
      return result;
    }
    default:
      return one.nullable ? null : 'x';
  }
}

// ---------------------------------------------------------------------------------------------------
// Malformed values

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const craftedCursors = [
  b64(['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
  b64(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
  b64(['9999-12-31T00:00:00Z', '00000000-0000-4000-8000-000000000000']),
  b64({ at: 1 }),
  b64([null, null]),
  '%%%not-base64%%%',
];
/** Text PostgreSQL cannot store, an empty string, and fast-check's arbitrary code points (fixed seed). */
const nastyText = ['', 'a\u0000b', '\uD800', '\uDC00x'];
const farInstants = [
  '9999-12-31T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '0001-01-01T00:00:00Z',
  '2026-02-30T10:00:00Z',
];
const farDays = ['9999-12-31', '0001-01-01', '2026-02-30', '275760-09-13'];
const randomText = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), {
  seed,
  numRuns: 50,
});
let randomIndex = 0;
const nextRandomText = () => randomText[randomIndex++ % randomText.length] as string;

/**
 * Malformed values for one field: as text for query strings and path parameters (`asText`), as JSON
 * values otherwise (wrong types then too). Each kind of field gets the values that could hurt it.
 */
function brokenValues(schema: JsonSchema, name: string, s: Seeds, asText: boolean, short = false): unknown[] {
  const one = firstOption(schema);
  const numeric = one.type === 'integer' || one.type === 'number';
  // a field inside an inner object: the values that hurt most, and one of the wrong type
  if (short) return ['a\u0000b', '\uD800', one.type === 'string' ? 42 : 'abc', null];
  const values: unknown[] = [...nastyText, nextRandomText()];
  values.push(one.maxLength !== undefined ? 'y'.repeat(one.maxLength + 1) : 'x'.repeat(10_000));
  if (name === 'cursor') values.push(...craftedCursors);
  if (one.format === 'uuid' || /Ids?$/.test(name)) {
    values.push('not-a-uuid', '00000000-0000-0000-0000-000000000000', s.practiceId);
  }
  if (one.format === 'date-time' || ['from', 'to'].includes(name)) values.push(...farInstants);
  if (one.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) values.push(...farDays);
  if (one.pattern?.includes(':[0-5]')) values.push('24:01', '99:99');
  if (one.enum) values.push('nope');
  const numbers = numeric
    ? [
        -1,
        1.5,
        1e308,
        -(2 ** 60),
        ...(one.minimum === undefined ? [] : [one.minimum - 1]),
        ...(one.maximum === undefined ? [] : [one.maximum + 1]),
      ]
    : [];
  if (asText) return [...values, ...numbers.map(String), ...(numeric ? ['1e309', 'abc'] : [])];
  const typed: unknown[] =
    numeric || one.type === 'boolean' ? ['a\u0000b', '\uD800', 'abc', ...numbers] : values;
  typed.push(null, one.type === 'string' ? 42 : 'true', [], {});
  if (one.type === 'array') {
    const item = validValue(one.items ?? {}, s);
    typed.push(
      [null],
      Array.from({ length: (one.maxItems ?? 1_000) + 1 }, () => item),
      [item, item],
    );
    for (const broken of brokenValues(one.items ?? {}, '', s, false).slice(0, 6)) typed.push([broken]);
  }
  return typed;
}

// ---------------------------------------------------------------------------------------------------
// Requests

/** Percent-encoding that keeps lone surrogates (as CESU-8 bytes), as a hostile client would send them. */
function encodeLoose(value: string): string {
  let out = '';
  for (const char of value) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}

/** UTF-8 bytes that keep lone surrogates (CESU-8), for multipart parts. */
function bytesLoose(value: string): Buffer {
  return Buffer.from(decodeURIComponentBytes(encodeLoose(value)));
}
function decodeURIComponentBytes(encoded: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i += 1) {
    if (encoded[i] === '%') {
      bytes.push(Number.parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(encoded.charCodeAt(i));
  }
  return bytes;
}

interface Attempt {
  url: string;
  /** a JSON value, or raw bytes with their content type */
  body?: unknown;
  raw?: { payload: Buffer | string; contentType: string };
  /** what was broken, for the report */
  what: string;
  valid?: boolean;
}

function preview(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…(${text.length})` : text;
}

function pathValue(op: Operation, param: Parameter, s: Seeds): string {
  const prefix = op.path.slice(0, op.path.indexOf(`{${param.name}}`) - 1);
  const special: Record<string, string | undefined> = {
    '/api/console/staff/{id}': s.secretaryId,
    '/api/console/secure-links/{id}': s.created.get('/api/console/documents/{id}/secure-links'),
    '/api/console/change-requests/{id}': s.created.get('/api/patient/patients/{patientId}/change-requests'),
    '/api/public/appointments/{token}': s.tokens.manage,
    '/api/public/secure/{token}': s.tokens.secure,
    '/api/public/offers/{token}': s.tokens.offer,
    '/api/feeds/{token}.ics': s.tokens.feed,
  };
  const key = Object.keys(special).find((k) => op.path.startsWith(k.slice(0, k.indexOf('}') + 1)));
  const value =
    (key ? special[key] : undefined) ??
    (param.name === 'id' && /\/documents\/\{id\}/.test(op.path) ? s.documentId : undefined) ??
    (param.name === 'templateId' ? s.created.get('/api/console/message-templates') : undefined) ??
    (param.name === 'entryId' ? s.created.get('/api/console/waitlist') : undefined) ??
    s.created.get(prefix) ??
    (knownValue(param.name, param.schema, s) as string | undefined) ??
    validString(param.schema);
  return String(value);
}

function urlOf(op: Operation, path: Record<string, string>, query: Record<string, string | undefined>) {
  let url = op.path;
  for (const [name, value] of Object.entries(path)) url = url.replace(`{${name}}`, encodeLoose(value));
  const search = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${encodeLoose(value as string)}`)
    .join('&');
  return search ? `${url}?${search}` : url;
}

/** Every field of a JSON body, as paths to the leaves and inner objects (depth-limited). */
function fieldsOf(schema: JsonSchema, prefix: string[] = [], depth = 0): [string[], JsonSchema][] {
  const one = firstOption(schema);
  if (one.type !== 'object' || depth > 1) return [];
  const fields: [string[], JsonSchema][] = [];
  for (const [key, property] of Object.entries(one.properties ?? {})) {
    fields.push([[...prefix, key], property]);
    fields.push(...fieldsOf(property, [...prefix, key], depth + 1));
  }
  return fields;
}

function withField(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null || Array.isArray(target[key]))
      target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  const last = path.at(-1) as string;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

/** Multipart forms of the upload routes (the document names them in words only). */
async function multipartForms(op: Operation, s: Seeds): Promise<Record<string, string> | null> {
  if (op.path.endsWith('/documents'))
    return { type: 'quote', title: 'Devis fuzz', requiresSignature: 'false', letterToProfessional: 'false' };
  if (op.path.includes('/messages/threads/')) return { body: 'Bonjour' };
  if (op.path.startsWith('/api/console/message-templates')) return { title: 'Modèle', body: 'Texte' };
  return s ? null : null;
}

function rawMultipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer; field: string }) {
  const boundary = '----sourire-fuzz-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.concat([
        bytesLoose(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
        bytesLoose(value),
        Buffer.from('\r\n'),
      ]),
    );
  }
  if (file) {
    parts.push(
      bytesLoose(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const envelopeBreaks = (() => {
  const boundary = '----sourire-fuzz';
  const whole =
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nRadio\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\nBonjour\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
    'Content-Type: application/pdf\r\n\r\n%PDF-1.4 truncated';
  return [
    {
      what: 'multipart without boundary',
      contentType: 'multipart/form-data',
      payload: `${whole}\r\n--${boundary}--\r\n`,
    },
    {
      what: 'multipart with a wrong boundary',
      contentType: 'multipart/form-data; boundary=other',
      payload: `${whole}\r\n--${boundary}--\r\n`,
    },
    { what: 'truncated multipart', contentType: `multipart/form-data; boundary=${boundary}`, payload: whole },
    { what: 'empty multipart', contentType: `multipart/form-data; boundary=${boundary}`, payload: '' },
    {
      what: 'multipart with an empty boundary',
      contentType: 'multipart/form-data; boundary=',
      payload: whole,
    },
    {
      what: 'multipart part without disposition',
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: `--${boundary}\r\n\r\nx\r\n--${boundary}--\r\n`,
    },
  ];
})();

async function attemptsFor(op: Operation, s: Seeds, pdf: Buffer): Promise<Attempt[]> {
  const path = Object.fromEntries(op.params.map((p) => [p.name, pathValue(op, p, s)]));
  const query = Object.fromEntries(
    op.query
      .filter((p) => p.required || p.name !== 'cursor')
      .map((p) => [
        p.name,
        p.required || ['from', 'to', 'q'].includes(p.name)
          ? String(validValue(p.schema, s, p.name))
          : undefined,
      ]),
  ) as Record<string, string | undefined>;
  const url = urlOf(op, path, query);
  // required fields only, or every field when none is required (an empty PATCH is a malformed value)
  const required = op.body ? validValue(op.body, s) : undefined;
  const base =
    op.body && Object.keys(required as object).length === 0 ? validValue(op.body, s, '', true) : required;
  const attempts: Attempt[] = [{ url, body: base, what: 'valid', valid: true }];
  if (op.body)
    attempts.push({ url, body: validValue(op.body, s, '', true), what: 'valid, every field', valid: true });

  for (const param of op.params) {
    const values = brokenValues(param.schema, param.name, s, true) as string[];
    values.push('a.b.junk', `${path[param.name]}.junk`, '..', '%2e%2e%2f');
    for (const value of values) {
      attempts.push({
        url: urlOf(op, { ...path, [param.name]: value }, query),
        body: base,
        what: `path ${param.name}=${preview(value)}`,
      });
    }
  }
  for (const param of op.query) {
    const own = String(validValue(param.schema, s, param.name));
    attempts.push({
      url: urlOf(op, path, { ...query, [param.name]: own }),
      body: base,
      what: `query ${param.name} valid`,
    });
    for (const value of brokenValues(param.schema, param.name, s, true) as string[]) {
      attempts.push({
        url: urlOf(op, path, { ...query, [param.name]: value }),
        body: base,
        what: `query ${param.name}=${preview(value)}`,
      });
    }
    const plain = urlOf(op, path, query);
    const twice = `${plain}${plain.includes('?') ? '&' : '?'}${param.name}=a&${param.name}=b`;
    attempts.push({ url: twice, body: base, what: `query ${param.name} twice` });
  }
  if (op.body) {
    for (const [field, schema] of fieldsOf(op.body)) {
      const name = field.at(-1) as string;
      const values = [undefined, ...brokenValues(schema, name, s, false, field.length > 1)];
      for (const value of values) {
        attempts.push({
          url,
          body: withField(base, field, value),
          what: `body ${field.join('.')}=${preview(value)}`,
        });
      }
    }
    for (const body of [
      {},
      [],
      [{}],
      null,
      'x',
      42,
      { ...(base as object), 'a\u0000': 1 },
      { ...(base as object), unknownField: 'x' },
    ]) {
      attempts.push({ url, body, what: `body ${preview(body)}` });
    }
    for (const payload of [
      '{"a":',
      '{"__proto__":{"polluted":1}}',
      '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
      '',
    ]) {
      attempts.push({
        url,
        raw: { payload, contentType: 'application/json' },
        what: `raw ${preview(payload)}`,
      });
    }
    attempts.push({
      url,
      raw: { payload: JSON.stringify(base), contentType: 'text/plain' },
      what: 'valid body as text/plain',
    });
  }
  const form = op.multipart ? await multipartForms(op, s) : null;
  if (form) {
    const fileField = op.path.includes('/messages/threads/') ? 'files' : 'file';
    const file = { name: 'fuzz.pdf', bytes: pdf, field: fileField };
    attempts.push({ url, raw: rawMultipart(form, file), what: 'valid multipart', valid: true });
    for (const name of Object.keys(form)) {
      for (const value of [...nastyText, 'x'.repeat(10_000), 'nope']) {
        attempts.push({
          url,
          raw: rawMultipart({ ...form, [name]: value }, file),
          what: `multipart ${name}=${preview(value)}`,
        });
      }
    }
    for (const [what, fields, broken] of [
      ['file name with NUL', form, { ...file, name: 'a\u0000.pdf' }],
      ['file name with a lone surrogate', form, { ...file, name: '\uD800.pdf' }],
      ['empty file', form, { ...file, bytes: Buffer.alloc(0) }],
      ['text file', form, { ...file, bytes: Buffer.from('not a pdf') }],
      ['file under an unknown field', form, { ...file, field: 'other' }],
      ['no file', form, undefined],
      ['unknown text field', { ...form, unknown: 'x' }, file],
      ['visibility not JSON', { ...form, visibility: '{' }, file],
      ['visibility of a wrong shape', { ...form, visibility: '{"patient":"x"}' }, file],
    ] as const) {
      attempts.push({ url, raw: rawMultipart(fields, broken), what: `multipart ${what}` });
    }
  }
  if (op.method !== 'GET' && op.method !== 'DELETE' && !op.body) {
    for (const broken of envelopeBreaks) {
      attempts.push({
        url,
        raw: { payload: broken.payload, contentType: broken.contentType },
        what: broken.what,
      });
    }
  }
  return attempts;
}

// ---------------------------------------------------------------------------------------------------
// The run

let t: TestApp;
let seeds: Seeds;
let pdf: Buffer;
let operations: Operation[];
const cookies: Record<Pass, string> = { anonymous: '', patient: '', staff: '' };
const addresses: Record<Pass, string> = {
  anonymous: '10.250.0.1',
  patient: '10.250.0.2',
  staff: '10.250.0.3',
};

function cookieOf(client: TestClient, names: string[]): string {
  return names
    .map((name) => [name, client.cookie(name)] as const)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

async function send(
  pass: Pass,
  method: Operation['method'],
  attempt: Attempt,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = cookies[pass] ? { cookie: cookies[pass] } : {};
  let payload: string | Buffer | undefined;
  if (attempt.raw) {
    headers['content-type'] = attempt.raw.contentType;
    payload = attempt.raw.payload;
  } else if (attempt.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(attempt.body);
  }
  // the session cookie is fixed per pass: a sign-in inside the run never changes who the pass is
  const answer = t.app.inject({
    method,
    url: attempt.url,
    remoteAddress: addresses[pass],
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
  // a request left without an answer is a failure too (599), not a hung test
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<LightMyRequestResponse>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          statusCode: 599,
          body: `no answer within ${answerTimeoutMs} ms`,
        } as LightMyRequestResponse),
      answerTimeoutMs,
    );
  });
  try {
    return await Promise.race([answer, silence]);
  } finally {
    clearTimeout(timer);
  }
}

function tokenIn(texts: string[], pattern: RegExp): string | undefined {
  for (const text of texts) {
    const match = text.match(pattern);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  const s = await makeSchedulingPractice(db);
  // bookable online, so the public slot routes reach the slot engine
  await db.update(motifs).set({ onlineBookable: true }).where(eq(motifs.id, s.motif.id));
  const family = await makeFamily(db, s.practice);
  const admin = await staffClient(t.app, s.admin.email, testPassword);
  const patient = await patientClient(t.app, db, family.identities.paul);
  pdf = await makePdf('Fuzz');
  const at = {
    practiceId: s.practice.id,
    practitionerId: s.dentist.id,
    locationId: s.location.id,
    motifId: s.motif.id,
  };
  const appointment = await makeAppointment(db, at, family.paul.id, new Date(nextWeekdayAt(9, 0, 3)));
  // an appointment booked at the desk: its notice carries a manage link
  await admin.post('/api/console/appointments', {
    ...at,
    patientId: family.paul.id,
    startsAt: nextWeekdayAt(11, 0, 10),
  });
  const document = await uploadDocument(
    t.app,
    admin,
    family.paul.id,
    { type: 'quote', title: 'Devis', requiresSignature: 'true' },
    { name: 'devis.pdf', bytes: pdf },
  );
  await admin.post(`/api/console/documents/${document.body.id}/secure-links`, { phone: family.phones.paul });
  // a thread with a message of the practice
  const message = multipartBody({ body: 'Bonjour' });
  await t.app.inject({
    method: 'POST',
    url: `/api/console/messages/threads/${family.paul.id}`,
    remoteAddress: admin.ip,
    headers: { 'content-type': message.contentType, cookie: cookieOf(admin, ['sourire_staff']) },
    payload: message.payload,
  });
  // a practitioner makes her own calendar feed
  const dentist = await staffClient(t.app, s.dentist.email, testPassword);
  const feed = await dentist.post<{ url?: string }>(`/api/console/calendar-feeds/${s.dentist.id}`);
  const texts = (await db.select({ body: outbox.body }).from(outbox)).map((row) => row.body);
  seeds = {
    practiceId: s.practice.id,
    slug: s.practice.slug,
    dentistId: s.dentist.id,
    secretaryId: s.secretary.id,
    locationId: s.location.id,
    motifId: s.motif.id,
    patientId: family.paul.id,
    childId: family.lea.id,
    appointmentId: appointment.id,
    documentId: document.body.id,
    identity: family.identities.paul,
    tokens: {
      manage: tokenIn(texts, /\/rdv\/gerer\/([A-Za-z0-9_.-]+)/) ?? `${appointment.id}.${'A'.repeat(32)}`,
      secure: tokenIn(texts, /\/rdv\/document\/([A-Za-z0-9_.-]+)/) ?? 'B'.repeat(43),
      offer: tokenIn(texts, /\/rdv\/offre\/([A-Za-z0-9_.-]+)/) ?? 'C'.repeat(43),
      feed: tokenIn([feed.body.url ?? ''], /\/api\/feeds\/([A-Za-z0-9_.-]+)\.ics/) ?? 'D'.repeat(43),
    },
    created: new Map(),
  };
  cookies.staff = cookieOf(admin, ['sourire_staff']);
  cookies.patient = cookieOf(patient, ['sourire_patient']);
  figures.push(
    `  seeded links: ${Object.entries(seeds.tokens)
      .map(
        ([kind, token]) =>
          `${kind} ${token.startsWith(seeds.appointmentId) || /^(.)\1+$/.test(token) ? 'made up' : 'real'}`,
      )
      .join(', ')}`,
  );
  // the document itself: over HTTP it is for signed-in staff only
  operations = operationsOf(t.app.swagger() as unknown as Parameters<typeof operationsOf>[0]);
}, 120_000);
afterAll(async () => t.close());

const figures: string[] = [];
afterAll(() => {
  console.log(`OpenAPI fuzz (seed ${seed}):\n${figures.join('\n')}`);
});

/** Who each pass must be: a known route answers as a signed-in (or signed-out) caller would. */
async function expectSignedIn(pass: Pass) {
  const staff = await send(pass, 'GET', { url: '/api/staff/me', what: 'check' });
  const patient = await send(pass, 'GET', { url: '/api/patient/me', what: 'check' });
  expect({ pass, staff: staff.statusCode, patient: patient.statusCode }).toEqual({
    pass,
    staff: pass === 'staff' ? 200 : 401,
    patient: pass === 'patient' ? 200 : 401,
  });
}

describe.each<Pass>(['anonymous', 'patient', 'staff'])('the %s pass', (pass) => {
  it('answers no request, valid or broken, with a 5xx', { timeout: 300_000 }, async () => {
    await expectSignedIn(pass);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    let valid = 0;
    let validReached = 0;
    const reachedOperations = new Set<string>();
    let checkedBeforeEnders = false;
    for (const op of operations) {
      const name = `${op.method} ${op.path}`;
      if (sessionEnders.has(name) && !checkedBeforeEnders) {
        // the pass is still who it claims before anything that ends its session
        await expectSignedIn(pass);
        checkedBeforeEnders = true;
      }
      const started = performance.now();
      const attempts = await attemptsFor(op, seeds, pdf);
      const first = await send(pass, op.method, attempts[0] as Attempt);
      // an operation refused to this caller gets a short list: each field's first malformed values
      const refused = first.statusCode === 401 || first.statusCode === 403;
      const chosen = refused ? attempts.filter((_, index) => index % 6 === 0) : attempts.slice(1);
      const answers: [Attempt, LightMyRequestResponse][] = [[attempts[0] as Attempt, first]];
      for (const attempt of chosen) answers.push([attempt, await send(pass, op.method, attempt)]);
      // FUZZ_PROFILE=<file>: one line per operation (requests, milliseconds), to see where the time goes
      if (process.env.FUZZ_PROFILE) {
        const line = `${pass} ${name} ${answers.length} ${(performance.now() - started).toFixed(0)}ms\n`;
        appendFileSync(process.env.FUZZ_PROFILE, line);
      }
      for (const [attempt, answer] of answers) {
        sent += 1;
        statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
        if (answer.statusCode >= 500) {
          failures.push(
            `${pass} ${name} ${attempt.url.slice(0, 160)} [${attempt.what}] → ${answer.statusCode} ${answer.body.slice(0, 120)}`,
          );
        }
        if (attempt.valid) {
          valid += 1;
          if (![400, 401, 403, 404].includes(answer.statusCode)) {
            validReached += 1;
            reachedOperations.add(name);
          }
          if (answer.statusCode < 300 && op.method === 'POST') {
            const id = (answer.json() as { id?: unknown }).id;
            if (typeof id === 'string' && !seeds.created.has(op.path)) seeds.created.set(op.path, id);
          }
        }
      }
    }
    const share = (100 * validReached) / valid;
    figures.push(
      `  ${pass}: ${operations.length} operations, ${sent} requests, valid requests reaching the handler ${validReached}/${valid} (${share.toFixed(0)}%, ${reachedOperations.size} operations), 5xx ${failures.length}; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
    expect(failures).toEqual([]);
    if (!checkedBeforeEnders) await expectSignedIn(pass);
    // a pass that reaches nothing would find nothing: its valid requests must get past validation
    expect(reachedOperations.size).toBeGreaterThanOrEqual({ anonymous: 10, patient: 20, staff: 60 }[pass]);
  });
});

import { gt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import type { Access } from '../../src/server/http/access';
import { type AuditSeeds, type Caller, localDayAndTime, seedAuditPractice } from '../support/audit-seeds';
import type { Answer, TestClient } from '../support/client';
import { createTestApp, type TestApp } from '../support/test-app';
import { noPatientData, type Prepared, patientData, refusals } from './audit-coverage.routes';

/**
 * Audit by construction (issue 11 §3): every staff route is classified, and every route that returns or
 * changes patient data is called as an authorised member and must leave an audit row — who (the member),
 * what (the action, the practice, the patient when the route is about one), when. A refusal whose answer
 * carries patient data (a 409 listing other patients or appointments) must be audited too.
 *
 * The list of routes comes from the built application (every route the guard sees registered), so a new
 * staff route that is in neither table of audit-coverage.routes.ts fails until someone classifies it.
 */

const registered = vi.hoisted(() => [] as { method: string; url: string; access: Access | undefined }[]);
vi.mock('../../src/server/http/guard', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/server/http/guard')>();
  return {
    ...original,
    registerGuard(app: FastifyInstance) {
      app.addHook('onRoute', (route) => {
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        for (const method of methods) {
          if (method === 'HEAD') continue;
          registered.push({ method, url: route.url, access: route.config?.access });
        }
      });
      original.registerGuard(app);
    },
  };
});

let t: TestApp;
let s: AuditSeeds;
beforeAll(async () => {
  t = await createTestApp();
  s = await seedAuditPractice(t);
}, 120_000);
afterAll(async () => t.close());

const staffRoutes = () =>
  new Map(
    registered
      .filter((route) => route.access?.kind === 'staff')
      .map((route) => [`${route.method} ${route.url}`, route.access as Extract<Access, { kind: 'staff' }>]),
  );

describe('every staff route is classified', () => {
  it('finds the routes of the built application', () => {
    // the enumeration itself must work, or every check below would pass on nothing
    expect(staffRoutes().size).toBeGreaterThan(80);
    expect(staffRoutes().has('GET /api/console/patients/:patientId')).toBe(true);
  });

  it('knows each staff route as patient data (called below) or as no patient data (with why)', () => {
    const unclassified = [...staffRoutes().keys()].filter(
      (key) => !(key in patientData) && !(key in noPatientData),
    );
    const message = unclassified.map(
      (key) =>
        `${key} is not classified: add it in tests/api/audit-coverage.routes.ts to \`patientData\` (how to call it; ` +
        'the route must then write an audit row) or to `noPatientData` (one line: why it touches no patient data)',
    );
    expect(message.join('\n')).toBe('');
  });

  it('classifies each route once, and only routes that exist', () => {
    const known = staffRoutes();
    const twice = Object.keys(patientData).filter((key) => key in noPatientData);
    const stale = [...Object.keys(patientData), ...Object.keys(noPatientData)].filter(
      (key) => !known.has(key),
    );
    const staleRefusals = Object.values(refusals)
      .map((refusal) => refusal.route)
      .filter((key) => !(key in patientData));
    expect({ twice, stale, staleRefusals }).toEqual({ twice: [], stale: [], staleRefusals: [] });
  });
});

function callerFor(route: string, as: Caller | undefined): Caller {
  if (as) return as;
  const roles = staffRoutes().get(route)?.roles;
  if (!roles || roles.includes('secretary')) return 'secretary';
  return roles.includes('admin') ? 'admin' : 'dentist';
}

async function lastAuditId(): Promise<number> {
  const [row] = await t.deps.db.select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)` }).from(auditLog);
  return Number(row?.id ?? 0);
}

async function send(
  client: TestClient,
  method: string,
  prepared: Omit<Prepared, 'patientId'>,
): Promise<Answer> {
  const verb = method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  if (prepared.form) {
    return client.request(verb, prepared.url, prepared.form.payload, {
      'content-type': prepared.form.contentType,
    });
  }
  return client.request(verb, prepared.url, prepared.body);
}

/** Calls a route and answers the audit rows it left that name the caller, the practice and the patients. */
async function callAndAudit(
  route: string,
  as: Caller | undefined,
  prepared: Omit<Prepared, 'patientId'>,
  status: number,
) {
  const caller = callerFor(route, as);
  const before = await lastAuditId();
  const from = t.clock.now().getTime();
  const answer = await send(s.clients[caller], route.split(' ')[0] as string, prepared);
  const to = t.clock.now().getTime();
  expect(answer.status, `${route} answered ${JSON.stringify(answer.body)}`).toBe(status);
  const rows = (await t.deps.db.select().from(auditLog).where(gt(auditLog.id, before))).filter(
    (row) =>
      row.practiceId === s.practice.id &&
      row.actorKind === 'staff' &&
      row.actorId === s.ids[caller] &&
      row.at.getTime() >= from - 1_000 &&
      row.at.getTime() <= to + 1_000,
  );
  return { answer, rows };
}

describe('each route that returns or changes patient data leaves an audit row', () => {
  for (const [route, entry] of Object.entries(patientData)) {
    it(`${route}${entry.todo ? ` — known gap, ${entry.todo}` : ''}`, async () => {
      const prepared = await entry.prepare(s);
      const { answer, rows } = await callAndAudit(route, entry.as, prepared, entry.status);
      const patientId =
        typeof prepared.patientId === 'function' ? prepared.patientId(answer) : prepared.patientId;
      const audited = rows.some(
        (row) => row.action === entry.action && (patientId === null || row.patientId === patientId),
      );
      const what = `${entry.action} audit row by the caller${patientId ? ` naming patient ${patientId}` : ''}`;
      if (entry.todo) expect(audited, `${route} now leaves an ${what}: remove its \`todo\``).toBe(false);
      else expect(audited, `${route} left no ${what}; rows: ${JSON.stringify(rows)}`).toBe(true);
    });
  }
});

describe('each refusal that answers with patient data leaves an audit row', () => {
  for (const [name, refusal] of Object.entries(refusals)) {
    it(`${refusal.route}: ${name}${refusal.todo ? ` — known gap, ${refusal.todo}` : ''}`, async () => {
      const prepared = await refusal.prepare(s);
      const { answer, rows } = await callAndAudit(refusal.route, refusal.as, prepared, refusal.status);
      expect(answer.body.code).toBe(refusal.code);
      const named = prepared.patientIds.filter((id) =>
        rows.some((row) => row.patientId === id && (!refusal.action || row.action === refusal.action)),
      );
      const audited = named.length === prepared.patientIds.length;
      if (refusal.todo) expect(audited, `now audited: remove the \`todo\` of “${name}”`).toBe(false);
      else expect(named, `rows: ${JSON.stringify(rows)}`).toEqual(prepared.patientIds);
    });
  }
});

describe('the seeds', () => {
  it('book in the practice’s own day', () => {
    // the absences above are typed in local days and times: check the conversion once
    expect(localDayAndTime(new Date('2026-07-01T07:30:00Z'))).toEqual({ day: '2026-07-01', time: '09:30' });
  });
});

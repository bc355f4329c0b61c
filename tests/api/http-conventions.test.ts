import { and, eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { registerGuard } from '../../src/server/http/guard';
import { TestClient } from '../support/client';
import { linkResponsable, makePatient, makePractice, makeStaff, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('API conventions', () => {
  it('answers malformed JSON with 400, not 500', async () => {
    const answer = await new TestClient(t.app).post('/api/staff/sign-in', '{"email": ');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('MALFORMED_BODY');
    expect(answer.body.requestId).toEqual(expect.any(String));
  });

  it('answers an oversized body with 413', async () => {
    const answer = await new TestClient(t.app).post('/api/staff/sign-in', {
      email: 'a@b.example',
      password: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('BODY_TOO_LARGE');
  });

  it('answers an unsupported content type with 415', async () => {
    const answer = await new TestClient(t.app).request('POST', '/api/staff/sign-in', 'email=a', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(answer.status).toBe(415);
  });

  it('refuses cross-site writes (CSRF) before touching anything', async () => {
    const answer = await new TestClient(t.app).post(
      '/api/staff/sign-in',
      { email: 'a@b.example', password: 'whatever-long' },
      { origin: 'https://evil.example' },
    );
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('CSRF_REJECTED');
    const sameSite = await new TestClient(t.app).post(
      '/api/staff/sign-in',
      { email: 'a@b.example', password: 'whatever-long' },
      { origin: 'http://sourire.test' },
    );
    expect(sameSite.status).toBe(401);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const answer = await new TestClient(t.app).get('/api/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('NOT_FOUND');
  });

  it('reports health with database and migrations', async () => {
    const answer = await new TestClient(t.app).get('/api/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'ok',
      database: { kind: t.deps.dbKind, reachable: true, migrations: { upToDate: true } },
    });
  });

  it('serves the OpenAPI document with every route to signed-in staff', async () => {
    const practice = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, practice.id);
    const staff = new TestClient(t.app);
    await staff.post('/api/staff/sign-in', { email: member.email, password: testPassword });
    const answer = await staff.get<{ openapi: string; paths: Record<string, unknown> }>('/api/docs/json');
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toMatch(/^3\./);
    expect(Object.keys(answer.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/staff/sign-in',
        '/api/patient/sign-in',
        '/api/console/outbox',
        '/api/health',
      ]),
    );
  });

  it('refuses to register a route that declares no access rule', async () => {
    const bare = Fastify();
    registerGuard(bare);
    expect(() => bare.get('/api/forgotten', async () => ({}))).toThrow(/declares no access rule/);
    expect(() =>
      bare.get('/api/declared', { config: { access: { kind: 'public' } } }, async () => ({})),
    ).not.toThrow();
    await bare.close();
  });
});

describe('audit of staff reads', () => {
  it('records who read which patient file, when, with the request id', async () => {
    const practice = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, practice.id, { role: 'secretary' });
    const parent = await makePatient(t.deps.db, practice.id, { firstName: 'Ana' });
    const child = await makePatient(t.deps.db, practice.id, { firstName: 'Inès', birthDate: '2012-01-01' });
    await linkResponsable(t.deps.db, practice.id, child.id, parent.id, 'parent1');
    const client = new TestClient(t.app);
    await client.post('/api/staff/sign-in', { email: member.email, password: testPassword });
    const answer = await client.get<{ responsables: { id: string; role: string }[] }>(
      `/api/console/patients/${child.id}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.responsables).toEqual([expect.objectContaining({ id: parent.id, role: 'parent1' })]);
    const rows = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, child.id), eq(auditLog.action, 'patient.read')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorKind: 'staff',
      actorId: member.id,
      requestId: answer.headers['x-request-id'],
    });
  });

  it('cannot read another practice’s patient (404) and writes no audit row for it', async () => {
    const mine = await makePractice(t.deps.db);
    const theirs = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, mine.id, { role: 'admin' });
    const foreign = await makePatient(t.deps.db, theirs.id);
    const client = new TestClient(t.app);
    await client.post('/api/staff/sign-in', { email: member.email, password: testPassword });
    expect((await client.get(`/api/console/patients/${foreign.id}`)).status).toBe(404);
    const rows = await t.deps.db.select().from(auditLog).where(eq(auditLog.patientId, foreign.id));
    expect(rows).toHaveLength(0);
  });
});

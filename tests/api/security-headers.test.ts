import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { practices } from '../../src/server/db/schema';
import { apiDocsContentSecurityPolicy, contentSecurityPolicy } from '../../src/server/http/security-headers';
import { staffClient, TestClient } from '../support/client';
import { makePatient, makePractice, makeStaff, testPassword } from '../support/factories';
import { createTestApp, openTestDatabase, type TestApp } from '../support/test-app';

// Issue 10 §5: HSTS on https, no caching of API answers, a CSP on pages, the API docs for staff only.

let database: Database;
let t: TestApp;
const others: TestApp[] = [];
beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestApp({ database });
});
afterAll(async () => {
  for (const app of [t, ...others]) await app.close();
  await database.close();
});

async function appWith(config: Record<string, string>): Promise<TestApp> {
  const app = await createTestApp({ database, config });
  others.push(app);
  return app;
}

describe('Strict-Transport-Security', () => {
  it('is sent on every answer when PUBLIC_URL is https', async () => {
    const secure = await appWith({ PUBLIC_URL: 'https://rdv.example.fr' });
    const client = new TestClient(secure.app);
    for (const url of ['/api/health', '/api/nothing-here', '/api/console/patients', '/api/docs/json']) {
      const answer = await client.get(url);
      expect(answer.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('is not sent when PUBLIC_URL is http', async () => {
    const answer = await new TestClient(t.app).get('/api/health');
    expect(answer.status).toBe(200);
    expect(answer.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('API answers', () => {
  it('are never cached: personal data, refusals and errors alike', async () => {
    const practice = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, practice.id, { role: 'secretary' });
    const patient = await makePatient(t.deps.db, practice.id, { firstName: 'Camille' });
    const staff = await staffClient(t.app, member.email, testPassword);
    const read = await staff.get(`/api/console/patients/${patient.id}`);
    expect(read.status).toBe(200);
    expect(read.headers['cache-control']).toBe('no-store');
    const stranger = new TestClient(t.app);
    for (const url of ['/api/health', `/api/console/patients/${patient.id}`, '/api/nothing-here']) {
      const answer = await stranger.get(url);
      expect(answer.headers['cache-control'], url).toBe('no-store');
    }
    const signIn = await stranger.post('/api/staff/sign-in', {
      email: member.email,
      password: 'wrong-password',
    });
    expect(signIn.status).toBe(401);
    expect(signIn.headers['cache-control']).toBe('no-store');
  });

  it('are not sniffed, and send no referrer off-site', async () => {
    const answer = await new TestClient(t.app).get('/api/health');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('same-origin');
  });
});

describe('the pages’ Content-Security-Policy', () => {
  it('allows no inline or foreign script, no plugin, no framing', () => {
    const directives = Object.fromEntries(
      contentSecurityPolicy.split('; ').map((directive) => {
        const [name = '', ...values] = directive.split(' ');
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toContain('unsafe');
  });

  it('is sent with every HTML page, not with JSON', async () => {
    const open = await appWith({ API_DOCS_PUBLIC: 'true' });
    const page = await new TestClient(open.app).get('/api/docs/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    // Swagger UI inserts <style> elements: its page alone allows inline styles, never inline scripts
    expect(page.headers['content-security-policy']).toBe(apiDocsContentSecurityPolicy);
    expect(apiDocsContentSecurityPolicy).toContain("style-src 'self' 'unsafe-inline'");
    expect(apiDocsContentSecurityPolicy).toContain("script-src 'self';");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const json = await new TestClient(open.app).get('/api/health');
    expect(json.headers['content-security-policy']).toBeUndefined();
  });
});

describe('the API documentation', () => {
  it('answers 401 to a visitor who is not signed in as staff', async () => {
    for (const url of ['/api/docs/json', '/api/docs/yaml', '/api/docs/static/swagger-initializer.js']) {
      const answer = await new TestClient(t.app).get(url);
      expect(answer.status, url).toBe(401);
      expect(answer.body.code, url).toBe('UNAUTHENTICATED');
    }
    const fakeCookie = await new TestClient(t.app).request('GET', '/api/docs/json', undefined, {
      cookie: 'sourire_staff=forged',
    });
    expect(fakeCookie.status).toBe(401);
  });

  it('sends a visitor of the page to the console sign-in', async () => {
    for (const url of ['/api/docs', '/api/docs/']) {
      const answer = await new TestClient(t.app).get(url);
      expect(answer.status, url).toBe(303);
      expect(answer.headers.location).toBe('/console/');
    }
  });

  it('is served to signed-in staff', async () => {
    const practice = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, practice.id, { role: 'practitioner' });
    const staff = await staffClient(t.app, member.email, testPassword);
    const docs = await staff.get<{ openapi: string; paths: Record<string, unknown> }>('/api/docs/json');
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    expect(Object.keys(docs.body.paths)).toContain('/api/staff/sign-in');
    expect((await staff.get('/api/docs/')).status).toBe(200);
  });

  it('is refused (403) to a member who must still enrol a second factor, like every other route', async () => {
    const practice = await makePractice(t.deps.db);
    await t.deps.db.update(practices).set({ staffMfaRequired: true }).where(eq(practices.id, practice.id));
    const member = await makeStaff(t.deps.db, practice.id, { role: 'admin' });
    const staff = await staffClient(t.app, member.email, testPassword);
    const docs = await staff.get('/api/docs/json');
    expect(docs.status).toBe(403);
    expect(docs.body.code).toBe('MFA_ENROLMENT_REQUIRED');
    expect((await staff.get('/api/docs/')).status).toBe(303);
  });

  it('is open to anyone with API_DOCS_PUBLIC=true', async () => {
    const open = await appWith({ API_DOCS_PUBLIC: 'true' });
    const docs = await new TestClient(open.app).get<{ paths: Record<string, unknown> }>('/api/docs/json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toContain('/api/health');
  });
});

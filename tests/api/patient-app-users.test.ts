import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppUser } from '../../src/contracts/patient-app';
import { auditLog } from '../../src/server/db/schema';
import { staffClient } from '../support/client';
import { makeStaff } from '../support/factories';
import { makeFamily, patientClient } from '../support/patient-session';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Page = { items: AppUser[]; nextCursor: string | null };

describe('patients who use the app (CON-1)', () => {
  it('lists every file a signed-in phone reaches, last connection first, with whether it is still signed in', async () => {
    const f = await makeFamily(t.deps.db);
    const elsewhere = await makeFamily(t.deps.db);
    await patientClient(t.app, t.deps.db, elsewhere.identities.paul);
    const dentist = await makeStaff(t.deps.db, f.practice.id, { role: 'practitioner' });
    const early = await staffClient(t.app, dentist.email, dentist.password);
    expect((await early.get<Page>('/api/console/app-users')).body.items).toEqual([]);

    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    t.clock.advance(3600_000);
    await patientClient(t.app, t.deps.db, f.identities.marie);
    t.clock.advance(3600_000);
    await paul.post('/api/patient/sign-out');

    // the console locks after 15 minutes: a fresh session for the rest
    const desk = await staffClient(t.app, dentist.email, dentist.password);
    const list = await desk.get<Page>('/api/console/app-users');
    expect(list.status).toBe(200);
    const byId = new Map(list.body.items.map((item) => [item.id, item]));
    expect([...byId.keys()].sort()).toEqual([f.paul.id, f.marie.id, f.lea.id, f.hugo.id].sort());
    expect(byId.has(f.jose.id)).toBe(false);
    expect(byId.get(f.paul.id)).toMatchObject({ through: 'own_phone', signedIn: false });
    expect(byId.get(f.marie.id)).toMatchObject({ through: 'own_phone', signedIn: true });
    expect(byId.get(f.lea.id)).toMatchObject({ through: 'responsable', signedIn: true });
    // Paul was seen last (signing out); the children's last connection is the latest of their parents'
    const paulSeen = byId.get(f.paul.id)?.lastSeenAt ?? '';
    expect(paulSeen > (byId.get(f.marie.id)?.lastSeenAt ?? '')).toBe(true);
    expect(byId.get(f.lea.id)?.lastSeenAt).toBe(paulSeen);
    expect(list.body.items.at(-1)?.id).toBe(f.marie.id);
    const seenOrder = list.body.items.map((item) => item.lastSeenAt);
    expect(seenOrder).toEqual([...seenOrder].sort().reverse());

    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, f.practice.id), eq(auditLog.action, 'app_users.list')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(dentist.id);
  });

  it('searches by name (accents and typos forgiven) and pages without repeating anyone', async () => {
    const f = await makeFamily(t.deps.db);
    const secretary = await makeStaff(t.deps.db, f.practice.id, { role: 'secretary' });
    const desk = await staffClient(t.app, secretary.email, secretary.password);
    await patientClient(t.app, t.deps.db, f.identities.paul);
    await patientClient(t.app, t.deps.db, f.identities.marie);
    await patientClient(t.app, t.deps.db, f.identities.jose);

    const names = async (q: string) =>
      (await desk.get<Page>(`/api/console/app-users?q=${encodeURIComponent(q)}`)).body.items
        .map((item) => item.firstName)
        .sort();
    expect(await names('durand')).toEqual(['Hugo', 'Léa', 'Paul']);
    expect(await names('lea')).toEqual(['Léa']);
    expect(await names('nunez jose')).toEqual(['José']);
    expect(await names('Dupont')).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await desk.get<Page>(
        `/api/console/app-users?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('is for staff only', async () => {
    const f = await makeFamily(t.deps.db);
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    expect((await paul.get('/api/console/app-users')).status).toBe(401);
  });
});

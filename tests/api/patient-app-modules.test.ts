import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppModules, defaultAppModules } from '../../src/contracts/patient-app';
import { staffClient } from '../support/client';
import { makeStaff } from '../support/factories';
import { makeFamily, patientClient } from '../support/patient-session';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const allOff: AppModules = {
  appointments: { enabled: false },
  messaging: { enabled: false },
  imaging: { enabled: true },
  payments: { enabled: true, onlinePayment: false, onlyDueInstalments: true, minors: false },
  documents: { enabled: false, minors: false },
  questionnaires: { enabled: true, minors: true },
};

describe('module switches of the patient app (SET-8)', () => {
  it('default to appointments, messaging and documents on; the admin changes them; patients see them', async () => {
    const f = await makeFamily(t.deps.db);
    const admin = await makeStaff(t.deps.db, f.practice.id, { role: 'admin' });
    const adminConsole = await staffClient(t.app, admin.email, admin.password);
    const before = await adminConsole.get<AppModules>('/api/console/settings/modules');
    expect(before.status).toBe(200);
    expect(before.body).toEqual(defaultAppModules);
    expect(before.body.appointments.enabled && before.body.messaging.enabled).toBe(true);
    expect(before.body.imaging.enabled || before.body.payments.enabled).toBe(false);

    const saved = await adminConsole.request<AppModules>('PUT', '/api/console/settings/modules', allOff);
    expect(saved.status).toBe(200);
    expect((await adminConsole.get('/api/console/settings/modules')).body).toEqual(allOff);

    const phone = await patientClient(t.app, t.deps.db, f.identities.paul);
    const me = await phone.get<{ modules: AppModules; practice: { phone: string | null } }>(
      '/api/patient/me',
    );
    expect(me.body.modules).toEqual(allOff);
    expect(me.body.practice.phone).toBe(f.practice.phone);
  });

  it('only the admin may change them; a partial body is refused field by field', async () => {
    const f = await makeFamily(t.deps.db);
    const secretary = await makeStaff(t.deps.db, f.practice.id, { role: 'secretary' });
    const admin = await makeStaff(t.deps.db, f.practice.id, { role: 'admin' });
    const desk = await staffClient(t.app, secretary.email, secretary.password);
    expect((await desk.request('PUT', '/api/console/settings/modules', allOff)).status).toBe(403);
    expect((await desk.get('/api/console/settings/modules')).status).toBe(200);

    const adminConsole = await staffClient(t.app, admin.email, admin.password);
    const partial = await adminConsole.request<{ issues: { path: string }[] }>(
      'PUT',
      '/api/console/settings/modules',
      { ...allOff, payments: { enabled: true } },
    );
    expect(partial.status).toBe(400);
    expect(partial.body.issues.map((issue) => issue.path)).toContain('payments.onlinePayment');

    const phone = await patientClient(t.app, t.deps.db, f.identities.paul);
    expect((await phone.request('PUT', '/api/console/settings/modules', allOff)).status).toBe(401);
    expect((await adminConsole.get<AppModules>('/api/console/settings/modules')).body).toEqual(
      defaultAppModules,
    );
  });
});

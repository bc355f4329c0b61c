import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequest, StaffChangeRequest } from '../../src/contracts/patient-app';
import { auditLog, patientRelations, patients } from '../../src/server/db/schema';
import { staffClient } from '../support/client';
import { linkResponsable, makePatient, makeStaff } from '../support/factories';
import { makeFamily, patientClient } from '../support/patient-session';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function setup() {
  const f = await makeFamily(t.deps.db);
  const secretary = await makeStaff(t.deps.db, f.practice.id, { role: 'secretary' });
  const dentist = await makeStaff(t.deps.db, f.practice.id, { role: 'practitioner' });
  const desk = await staffClient(t.app, secretary.email, secretary.password);
  const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
  return { ...f, secretary, dentist, desk, paulApp: paul };
}

async function fileOf(id: string) {
  const [row] = await t.deps.db.select().from(patients).where(eq(patients.id, id));
  if (!row) throw new Error('no file');
  return row;
}

type Page = { items: StaffChangeRequest[]; nextCursor: string | null };

describe('my info (APP-4): review requests', () => {
  it('change nothing until accepted; staff see before and after; accepting applies them in the file', async () => {
    const s = await setup();
    const before = await fileOf(s.lea.id);
    const asked = await s.paulApp.post<ChangeRequest>(`/api/patient/patients/${s.lea.id}/change-requests`, {
      email: 'Lea.Durand@Mail.example',
      mobilePhone: '06 39 98 55 44',
      city: 'Villeurbanne',
      postalCode: '69100',
      lastName: 'Durand',
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      kind: 'update_info',
      status: 'pending',
      patient: { id: s.lea.id },
      changes: {
        email: 'lea.durand@mail.example',
        mobilePhone: '+33639985544',
        city: 'Villeurbanne',
        postalCode: '69100',
      },
    });
    expect(asked.body.changes).not.toHaveProperty('lastName');
    expect(await fileOf(s.lea.id)).toEqual(before);

    expect((await s.desk.get('/api/console/change-requests/pending-count')).body).toEqual({ pending: 1 });
    const queue = await s.desk.get<Page>('/api/console/change-requests?status=pending');
    expect(queue.status).toBe(200);
    const [item] = queue.body.items;
    expect(item?.requestedBy).toMatchObject({ id: s.paul.id, phone: s.phones.paul });
    expect(item?.patient).toMatchObject({ id: s.lea.id, firstName: 'Léa' });
    expect(item?.diff).toEqual([
      { field: 'email', before: null, after: 'lea.durand@mail.example' },
      { field: 'mobilePhone', before: null, after: '+33639985544' },
      { field: 'postalCode', before: null, after: '69100' },
      { field: 'city', before: null, after: 'Villeurbanne' },
    ]);
    expect(await fileOf(s.lea.id)).toEqual(before);

    const accepted = await s.desk.post<StaffChangeRequest>(
      `/api/console/change-requests/${item?.id}/accept`,
      {},
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedBy: { id: s.secretary.id } });
    // once decided, the diff keeps the values the file had then
    expect(accepted.body.diff).toEqual(item?.diff);
    const after = await fileOf(s.lea.id);
    expect(after).toMatchObject({
      email: 'lea.durand@mail.example',
      mobilePhone: '+33639985544',
      city: 'Villeurbanne',
      postalCode: '69100',
      lastName: 'Durand',
    });
    const audit = await t.deps.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, s.practice.id), eq(auditLog.patientId, s.lea.id)));
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['change_request.create', 'patient.update', 'change_request.accept']),
    );
    expect((await s.desk.get('/api/console/change-requests/pending-count')).body).toEqual({ pending: 0 });
    const mine = await s.paulApp.get<{ items: ChangeRequest[] }>('/api/patient/change-requests');
    expect(mine.body.items.map((request) => [request.id, request.status])).toEqual([[item?.id, 'accepted']]);
    // a decision is final
    expect(
      (await s.desk.post(`/api/console/change-requests/${item?.id}/reject`, { reason: 'x' })).status,
    ).toBe(409);
  });

  it('rejecting changes nothing and tells the patient why', async () => {
    const s = await setup();
    const before = await fileOf(s.paul.id);
    const asked = await s.paulApp.post<ChangeRequest>(`/api/patient/patients/${s.paul.id}/change-requests`, {
      firstName: 'Paulo',
    });
    const rejected = await s.desk.post<StaffChangeRequest>(
      `/api/console/change-requests/${asked.body.id}/reject`,
      {
        reason: 'Merci de passer avec une pièce d’identité.',
      },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    expect(await fileOf(s.paul.id)).toEqual(before);
    const mine = await s.paulApp.get<{ items: ChangeRequest[] }>('/api/patient/change-requests');
    expect(mine.body.items[0]).toMatchObject({
      status: 'rejected',
      reason: 'Merci de passer avec une pièce d’identité.',
    });
    const [decision] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, asked.body.id), eq(auditLog.action, 'change_request.reject')));
    expect(decision?.actorId).toBe(s.secretary.id);
  });

  it('checks fields like the front desk does, with a message per field in the caller’s language', async () => {
    const s = await setup();
    const english = await patientClient(t.app, t.deps.db, s.identities.marie, { lang: 'en' });
    const bad = await english.post<{ issues: { path: string; message: string }[] }>(
      `/api/patient/patients/${s.lea.id}/change-requests`,
      { mobilePhone: '06 12', postalCode: '6900', email: 'not-an-email' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual(
      expect.arrayContaining([{ path: 'email', message: 'Invalid email address.' }]),
    );
    const badPhone = await english.post<{ issues: { path: string; message: string }[] }>(
      `/api/patient/patients/${s.lea.id}/change-requests`,
      { mobilePhone: '06 12 34', postalCode: '6900' },
    );
    expect(badPhone.body.issues).toEqual([
      { path: 'mobilePhone', message: 'Invalid phone number.' },
      { path: 'postalCode', message: 'Invalid postal code.' },
    ]);
    const same = await s.paulApp.post<{ issues: { path: string; message: string }[] }>(
      `/api/patient/patients/${s.paul.id}/change-requests`,
      { email: s.paul.email, city: s.paul.city },
    );
    expect(same.status).toBe(400);
    expect(same.body.issues[0]?.message).toBe(
      'Aucune modification : ces informations sont déjà celles du dossier.',
    );
    const unknown = await s.paulApp.post(`/api/patient/patients/${s.lea.id}/change-requests`, {
      nickname: 'Lele',
    });
    expect(unknown.status).toBe(400);
    // another family's file, or the other parent's own file: 404, nothing recorded
    expect(
      (await s.paulApp.post(`/api/patient/patients/${s.jose.id}/change-requests`, { city: 'Paris' })).status,
    ).toBe(404);
    expect(
      (await english.post(`/api/patient/patients/${s.paul.id}/change-requests`, { city: 'Paris' })).status,
    ).toBe(404);
    expect((await s.desk.get('/api/console/change-requests/pending-count')).body).toEqual({ pending: 0 });
  });
});

describe('family (APP-5): adding a dependant', () => {
  it('accepting creates the file with the requester as parent 1; the family sees it, the other parent does not', async () => {
    const s = await setup();
    const asked = await s.paulApp.post<ChangeRequest>('/api/patient/dependant-requests', {
      lastName: 'Durand',
      firstName: 'Zoé',
      birthDate: '2021-02-11',
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ kind: 'add_dependant', status: 'pending', patient: null });
    const family = async (client: typeof s.paulApp) =>
      (await client.get<{ family: { firstName: string }[] }>('/api/patient/me')).body.family.map(
        (m) => m.firstName,
      );
    expect(await family(s.paulApp)).not.toContain('Zoé');

    const accepted = await s.desk.post<StaffChangeRequest>(
      `/api/console/change-requests/${asked.body.id}/accept`,
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const zoeId = accepted.body.patient?.id ?? '';
    expect(accepted.body.patient).toMatchObject({ firstName: 'Zoé', birthDate: '2021-02-11' });
    const links = await t.deps.db
      .select()
      .from(patientRelations)
      .where(eq(patientRelations.patientId, zoeId));
    expect(links.map((link) => [link.role, link.responsableId])).toEqual([['parent1', s.paul.id]]);
    expect(await family(s.paulApp)).toContain('Zoé');
    const marie = await patientClient(t.app, t.deps.db, s.identities.marie);
    expect(await family(marie)).not.toContain('Zoé');
    // already in the family: nothing to ask
    const again = await s.paulApp.post('/api/patient/dependant-requests', {
      lastName: 'DURAND',
      firstName: 'zoe',
      birthDate: '2021-02-11',
    });
    expect(again.status).toBe(409);
  });

  it('warns of a possible duplicate; staff link the existing file as the second parent’s child instead', async () => {
    const s = await setup();
    const tom = await makePatient(t.deps.db, s.practice.id, {
      lastName: 'Durand',
      firstName: 'Tom',
      birthDate: '2019-04-01',
      mobilePhone: null,
    });
    await linkResponsable(t.deps.db, s.practice.id, tom.id, s.paul.id, 'parent1');
    const marie = await patientClient(t.app, t.deps.db, s.identities.marie);
    const asked = await marie.post<ChangeRequest>('/api/patient/dependant-requests', {
      lastName: 'Durand',
      firstName: 'Tom',
      birthDate: '2019-04-01',
    });
    const queue = await s.desk.get<Page>('/api/console/change-requests?status=pending');
    expect(queue.body.items.find((item) => item.id === asked.body.id)?.possibleDuplicates).toEqual([
      { id: tom.id, firstName: 'Tom', lastName: 'Durand', birthDate: '2019-04-01' },
    ]);
    const warned = await s.desk.post<{ code: string; details: { reason: string } }>(
      `/api/console/change-requests/${asked.body.id}/accept`,
      {},
    );
    expect(warned.status).toBe(409);
    expect(warned.body).toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
      details: { reason: 'possible_duplicate' },
    });
    // the refusal showed Tom's file: audited, although the decision rolled back
    const shown = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, s.practice.id), eq(auditLog.action, 'patient.duplicates_shown')));
    expect(shown).toEqual([
      expect.objectContaining({
        actorId: s.secretary.id,
        entity: 'patient_change_request',
        entityId: asked.body.id,
        details: { during: 'change_request.accept', patientIds: [tom.id] },
      }),
    ]);
    // and the queue's read names the file it showed as a possible duplicate
    const listed = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, s.practice.id), eq(auditLog.action, 'change_request.list')));
    expect(listed.at(-1)?.details).toMatchObject({ patientIds: expect.arrayContaining([tom.id]) });
    const linked = await s.desk.post<StaffChangeRequest>(
      `/api/console/change-requests/${asked.body.id}/accept`,
      {
        existingPatientId: tom.id,
      },
    );
    expect(linked.status).toBe(200);
    expect(linked.body.patient?.id).toBe(tom.id);
    const links = await t.deps.db
      .select()
      .from(patientRelations)
      .where(eq(patientRelations.patientId, tom.id));
    expect(links.map((link) => [link.role, link.responsableId]).sort()).toEqual([
      ['parent1', s.paul.id],
      ['parent2', s.marie.id],
    ]);
    const count = await t.deps.db
      .select()
      .from(patients)
      .where(and(eq(patients.practiceId, s.practice.id), eq(patients.firstName, 'Tom')));
    expect(count).toHaveLength(1);
  });
});

describe('review queue: possible duplicates of each request', () => {
  it('shows each pending request its own namesakes, and none to a request without any', async () => {
    const s = await setup();
    const twin = (firstName: string, birthDate: string) =>
      makePatient(t.deps.db, s.practice.id, { lastName: 'Martin', firstName, birthDate, mobilePhone: null });
    const [ana, ana2, ben] = [
      await twin('Ana', '2018-03-04'),
      await twin('ANA', '2018-03-04'),
      await twin('Ben', '2020-05-06'),
    ];
    const ask = async (firstName: string, birthDate: string) =>
      (
        await s.paulApp.post<ChangeRequest>('/api/patient/dependant-requests', {
          lastName: 'Martin',
          firstName,
          birthDate,
        })
      ).body.id;
    const forAna = await ask('Ana', '2018-03-04');
    const forBen = await ask('Bén', '2020-05-06');
    const forNobody = await ask('Ana', '2018-03-05');
    const queue = await s.desk.get<Page>('/api/console/change-requests?status=pending');
    const shown = (id: string) =>
      (queue.body.items.find((item) => item.id === id)?.possibleDuplicates ?? [])
        .map((file) => file.id)
        .sort();
    expect(shown(forAna)).toEqual([ana.id, ana2.id].sort());
    expect(shown(forBen)).toEqual([ben.id]);
    expect(shown(forNobody)).toEqual([]);
  });
});

describe('review requests: who may do what', () => {
  it('practitioners read the queue but cannot decide; a patient session cannot reach staff routes', async () => {
    const s = await setup();
    const asked = await s.paulApp.post<ChangeRequest>(`/api/patient/patients/${s.hugo.id}/change-requests`, {
      firstName: 'Hugues',
    });
    const dentist = await staffClient(t.app, s.dentist.email, s.dentist.password);
    expect((await dentist.get<Page>('/api/console/change-requests')).body.items).toHaveLength(1);
    const refused = await dentist.post(`/api/console/change-requests/${asked.body.id}/accept`, {});
    expect(refused.status).toBe(403);
    expect(
      (await dentist.post(`/api/console/change-requests/${asked.body.id}/reject`, { reason: 'non' })).status,
    ).toBe(403);
    expect((await s.paulApp.get('/api/console/change-requests')).status).toBe(401);
    expect((await s.paulApp.post(`/api/console/change-requests/${asked.body.id}/accept`, {})).status).toBe(
      401,
    );
    expect((await fileOf(s.hugo.id)).firstName).toBe('Hugo');
    // another practice's staff: 404
    const other = await makeFamily(t.deps.db);
    const stranger = await makeStaff(t.deps.db, other.practice.id, { role: 'admin' });
    const strangerDesk = await staffClient(t.app, stranger.email, stranger.password);
    expect((await strangerDesk.post(`/api/console/change-requests/${asked.body.id}/accept`, {})).status).toBe(
      404,
    );
    expect((await strangerDesk.get<Page>('/api/console/change-requests')).body.items).toHaveLength(0);
  });

  it('the console list pages through every request and is audited', async () => {
    const s = await setup();
    for (const city of ['Lyon 1', 'Lyon 2', 'Lyon 3']) {
      await s.paulApp.post(`/api/patient/patients/${s.paul.id}/change-requests`, { city });
      t.clock.advance(1000);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await s.desk.get<Page>(
        `/api/console/change-requests?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((item) => item.diff[0]?.after ?? ''));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Lyon 3', 'Lyon 2', 'Lyon 1']);
    const reads = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, s.practice.id), eq(auditLog.action, 'change_request.list')));
    expect(reads).toHaveLength(2);
    expect(reads[0]?.details).toMatchObject({ patientIds: [s.paul.id] });
  });
});

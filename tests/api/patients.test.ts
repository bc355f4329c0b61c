import { and, eq, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientDetail, PatientHistory, PatientSummary } from '../../src/contracts/patients';
import {
  appointments,
  auditLog,
  patientRelations,
  patients,
  type RelationRole,
} from '../../src/server/db/schema';
import { staffClient } from '../support/client';
import {
  linkResponsable,
  makePatient,
  makePractice,
  makeSchedulingPractice,
  makeStaff,
  nextWeekdayAt,
  type PatientRow,
  testPassword,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Issue = { path: string; message: string };
type Search = { items: PatientSummary[]; nextCursor: string | null };
type Detail = PatientDetail & { code?: string; issues?: Issue[]; details?: Record<string, unknown> };

/** A practice with a secretary at the desk and a dentist, and shortcuts to its patients. */
async function setup(overrides: Parameters<typeof makePractice>[1] = {}) {
  const practice = await makePractice(t.deps.db, overrides);
  const secretary = await makeStaff(t.deps.db, practice.id, { role: 'secretary' });
  const dentist = await makeStaff(t.deps.db, practice.id, { role: 'practitioner' });
  const desk = await staffClient(t.app, secretary.email, testPassword);
  return {
    practice,
    secretary,
    dentist,
    desk,
    patient: (values: Partial<PatientRow> = {}) => makePatient(t.deps.db, practice.id, values),
    link: (child: PatientRow, parent: PatientRow, role: RelationRole) =>
      linkResponsable(t.deps.db, practice.id, child.id, parent.id, role),
    search: async (q: string, extra = '') => {
      const answer = await desk.get<Search>(`/api/console/patients?q=${encodeURIComponent(q)}${extra}`);
      return { ...answer, ids: (answer.body.items ?? []).map((item) => item.id).sort() };
    },
    create: (body: unknown, headers: Record<string, string> = {}) =>
      desk.post<Detail>('/api/console/patients', body, headers),
    put: (id: string, body: unknown) => desk.request<Detail>('PUT', `/api/console/patients/${id}`, body),
    files: () => t.deps.db.select().from(patients).where(eq(patients.practiceId, practice.id)),
    audits: (where: SQL | undefined) =>
      t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.practiceId, practice.id), where)),
  };
}

/** A complete adult file as the front desk types it. */
function adult(overrides: Record<string, unknown> = {}) {
  return {
    lastName: 'Núñez',
    firstName: 'María',
    birthDate: '1975-11-02',
    mobilePhone: '06 39 98 10 03',
    email: 'maria.nunez@test.example',
    addressLine: '3 rue des Lilas',
    postalCode: '69003',
    city: 'Lyon',
    ...overrides,
  };
}

const paths = (body: { issues?: Issue[] }) => (body.issues ?? []).map((issue) => issue.path).sort();

describe('search (PAT-3)', () => {
  it('finds a name without its accents, with a typo, and by first name', async () => {
    const s = await setup();
    const maria = await s.patient({ lastName: 'Núñez', firstName: 'María' });
    await s.patient({ lastName: 'Martin', firstName: 'Paul' });
    for (const q of ['nunez', 'NUNEZ', 'nunes', 'maria', 'Nuñez Maria']) {
      const answer = await s.search(q);
      expect(answer.status, q).toBe(200);
      expect(answer.ids, q).toEqual([maria.id]);
    }
    expect((await s.search('zzyzx')).ids).toEqual([]);
  });

  it('forgives French spelling: lefevre, legall, dupond, mathieu (phonetic keys)', async () => {
    const s = await setup();
    const lefebvre = await s.patient({ lastName: 'Lefebvre', firstName: 'Jeanne' });
    const lefevre = await s.patient({ lastName: 'Lefèvre', firstName: 'Louis' });
    const legall = await s.patient({ lastName: 'Le Gall', firstName: 'Yann' });
    const dupont = await s.patient({ lastName: 'Dupont', firstName: 'Anne' });
    const matthieu = await s.patient({ lastName: 'Rolland', firstName: 'Matthieu' });
    await s.patient({ lastName: 'Martin', firstName: 'Paul' });
    await s.patient({ lastName: 'Durand', firstName: 'Léa' });
    expect((await s.search('lefevre')).ids).toEqual([lefebvre.id, lefevre.id].sort());
    expect((await s.search('legall')).ids).toEqual([legall.id]);
    expect((await s.search('le gall')).ids).toEqual([legall.id]);
    expect((await s.search('dupond')).ids).toEqual([dupont.id]);
    expect((await s.search('mathieu')).ids).toEqual([matthieu.id]);
    expect((await s.search('dupond anne')).ids).toEqual([dupont.id]);
    expect((await s.search('dupond paul')).ids).toEqual([]);
  });

  it('keys follow the names written by the front desk (create, then rename)', async () => {
    const s = await setup();
    const created = await s.create(
      adult({ lastName: 'Lefebvre', firstName: 'Anaïs', mobilePhone: '06 39 98 44 01' }),
    );
    expect(created.status).toBe(201);
    expect((await s.search('lefevre')).ids).toEqual([created.body.id]);
    const renamed = await s.put(
      created.body.id,
      adult({ lastName: 'Dupont', firstName: 'Anaïs', mobilePhone: '06 39 98 44 01' }),
    );
    expect(renamed.status).toBe(200);
    expect((await s.search('lefevre')).ids).toEqual([]);
    expect((await s.search('dupond')).ids).toEqual([created.body.id]);
  });

  it('finds a birth date typed DD/MM/YYYY or YYYY-MM-DD, never with day and month swapped', async () => {
    const s = await setup();
    const born = await s.patient({ birthDate: '1975-11-02' });
    await s.patient({ birthDate: '1975-02-11' });
    for (const q of ['02/11/1975', '2/11/1975', '1975-11-02'])
      expect((await s.search(q)).ids, q).toEqual([born.id]);
  });

  it('answers an impossible date with no result, not a server error', async () => {
    const s = await setup();
    await s.patient();
    for (const q of ['31/02/1975', '1975-13-45']) {
      // either "no such birth date" or a field error on q is right; a 500 is not
      const answer = await s.search(q);
      if (answer.status === 400) expect(paths(answer.body as { issues?: Issue[] }), q).toEqual(['q']);
      else expect([answer.status, answer.ids], q).toEqual([200, []]);
    }
  });

  it('finds an email fragment', async () => {
    const s = await setup();
    const maria = await s.patient({ email: 'maria.nunez@exemple.fr' });
    await s.patient({ email: 'paul.martin@exemple.fr' });
    expect((await s.search('nunez@exem')).ids).toEqual([maria.id]);
    expect((await s.search('@exemple.fr')).ids).toHaveLength(2);
  });

  it('finds a phone however it is typed, with the dependants of its holder', async () => {
    const s = await setup();
    const mother = await s.patient({ mobilePhone: '+33639981003' });
    const father = await s.patient({ mobilePhone: '+33639981004' });
    const son = await s.patient({ mobilePhone: null, birthDate: '2014-03-01' });
    const daughter = await s.patient({ mobilePhone: null, birthDate: '2016-05-09' });
    await s.link(son, mother, 'parent1');
    await s.link(son, father, 'parent2');
    await s.link(daughter, mother, 'parent2');
    const neighbour = await s.patient({ mobilePhone: '+33639981005' });
    await s.link(await s.patient({ mobilePhone: null }), neighbour, 'parent1');

    const family = [mother.id, son.id, daughter.id].sort();
    for (const q of [
      '06 39 98 10 03',
      '06.39.98.10.03',
      '0639981003',
      '+33 6 39 98 10 03',
      '0033639981003',
    ]) {
      const answer = await s.search(q);
      expect([answer.status, answer.ids], q).toEqual([200, family]);
    }
    const bySon = (await s.search('06 39 98 10 03')).body.items.find((item) => item.id === son.id);
    expect(bySon?.responsables.map((link) => `${link.role}:${link.id}`).sort()).toEqual([
      `parent1:${mother.id}`,
      `parent2:${father.id}`,
    ]);
    // the other parent's phone finds the same child
    expect((await s.search('06 39 98 10 04')).ids).toEqual([father.id, son.id].sort());
  });

  it('pages with limit and nextCursor, and refuses a bad cursor', async () => {
    const s = await setup();
    const names = ['Anne', 'Bruno', 'Chloé', 'David', 'Emma'];
    const all = await Promise.all(names.map((firstName) => s.patient({ lastName: 'Dupont', firstName })));
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Awaited<ReturnType<typeof s.search>> = await s.search(
        'dupont',
        `&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      sizes.push(page.ids.length);
      seen.push(...page.ids);
      cursor = page.body.nextCursor;
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen.sort()).toEqual(all.map((patient) => patient.id).sort());
    const bad = await s.desk.get<{ issues: Issue[] }>('/api/console/patients?cursor=abc');
    expect([bad.status, paths(bad.body)]).toEqual([400, ['cursor']]);
    // only a cursor the server wrote: not a number with trailing garbage, nor one typed by hand
    for (const typed of ['2abc', '2']) {
      const refused = await s.desk.get<{ issues: Issue[] }>(`/api/console/patients?q=dupont&cursor=${typed}`);
      expect([refused.status, paths(refused.body)]).toEqual([400, ['cursor']]);
    }
    expect((await s.desk.get('/api/console/patients?limit=51')).status).toBe(400);
  });

  it('never returns another practice’s patients', async () => {
    const s = await setup();
    const other = await makePractice(t.deps.db);
    const same = {
      lastName: 'Núñez',
      firstName: 'María',
      birthDate: '1975-11-02',
      email: 'maria@exemple.fr',
    };
    const mine = await s.patient({ ...same, mobilePhone: '+33639981003' });
    const theirs = await makePatient(t.deps.db, other.id, { ...same, mobilePhone: '+33639981003' });
    const theirChild = await makePatient(t.deps.db, other.id, { mobilePhone: null });
    await linkResponsable(t.deps.db, other.id, theirChild.id, theirs.id, 'parent1');
    for (const q of ['nunez', 'nunes', '02/11/1975', 'maria@', '06 39 98 10 03', '']) {
      expect((await s.search(q)).ids, q).toEqual([mine.id]);
    }
  });

  it('audits a search that returns patients, with their ids, and not an empty one', async () => {
    const s = await setup();
    const anne = await s.patient({ lastName: 'Lefèvre', firstName: 'Anne' });
    await s.patient({ lastName: 'Bernard', firstName: 'Paul' });
    const answer = await s.search('lefevre');
    expect(answer.ids).toEqual([anne.id]);
    await s.search('zzyzx');
    const rows = await s.audits(eq(auditLog.action, 'patient.search'));
    expect(rows).toEqual([
      expect.objectContaining({
        actorKind: 'staff',
        actorId: s.secretary.id,
        requestId: answer.headers['x-request-id'],
        details: { q: 'lefevre', patientIds: [anne.id] },
      }),
    ]);
  });
});

describe('creating and changing a file (PAT-1, PAT-2)', () => {
  it('requires the contact details of an adult, one issue per field, in French or English', async () => {
    const s = await setup();
    const body = { lastName: 'Durand', firstName: 'Léa', birthDate: '1990-01-01' };
    const required = ['addressLine', 'city', 'email', 'mobilePhone', 'postalCode'];
    for (const [lang, message] of [
      ['fr', 'Ce champ est obligatoire.'],
      ['en', 'This field is required.'],
    ] as const) {
      const answer = await s.create(body, lang === 'en' ? { 'accept-language': 'en' } : {});
      expect([answer.status, answer.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(answer.body.issues).toHaveLength(required.length);
      expect(answer.body.issues).toEqual(expect.arrayContaining(required.map((path) => ({ path, message }))));
    }
    expect(await s.files()).toEqual([]);
  });

  it('creates a dependant without contact details when a responsable is given', async () => {
    const s = await setup();
    const parent = await s.create(adult());
    expect([parent.status, parent.body.mobilePhone]).toEqual([201, '+33639981003']);
    const child = await s.create({
      lastName: 'Núñez',
      firstName: 'Pablo',
      birthDate: '2015-04-10',
      responsables: { parent1Id: parent.body.id },
    });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ mobilePhone: null, email: null, addressLine: null });
    expect(child.body.responsables).toEqual([
      expect.objectContaining({ id: parent.body.id, role: 'parent1' }),
    ]);
    const file = await s.desk.get<PatientDetail>(`/api/console/patients/${parent.body.id}`);
    expect(file.body.dependants).toEqual([expect.objectContaining({ id: child.body.id, role: 'parent1' })]);
  });

  it('refuses an invalid phone, postal code, email and a future birth date, each with its path', async () => {
    const s = await setup();
    const nextYear = new Date().getUTCFullYear() + 1;
    const bad = await s.create(
      adult({
        mobilePhone: '06 12',
        postalCode: '6900',
        email: 'maria.nunez',
        birthDate: `${nextYear}-01-01`,
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toHaveLength(4);
    expect(bad.body.issues).toEqual(
      expect.arrayContaining([
        { path: 'mobilePhone', message: 'Numéro de téléphone invalide.' },
        { path: 'postalCode', message: 'Code postal invalide.' },
        { path: 'email', message: 'Adresse e-mail invalide.' },
        { path: 'birthDate', message: 'La date de naissance ne peut pas être dans le futur.' },
      ]),
    );
    const impossible = await s.create(adult({ birthDate: '1975-02-30' }));
    expect([impossible.status, paths(impossible.body)]).toEqual([400, ['birthDate']]);
    expect(await s.files()).toEqual([]);
  });

  it('checks postal codes by the practice’s country: 5 digits in France, 4 in Switzerland', async () => {
    const fr = await setup();
    expect(paths((await fr.create(adult({ postalCode: '1003' }))).body)).toEqual(['postalCode']);
    const ch = await setup({ country: 'CH', timeZone: 'Europe/Zurich', phone: '+41213110000' });
    const created = await ch.create(
      adult({ mobilePhone: '078 123 45 67', postalCode: '1003', city: 'Lausanne' }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ postalCode: '1003', mobilePhone: '+41781234567' });
    const french = await ch.create(adult({ mobilePhone: '078 123 45 68', postalCode: '69003' }));
    expect([french.status, paths(french.body)]).toEqual([400, ['postalCode']]);
  });

  it('warns about a possible duplicate (same names and birth date) and creates it once confirmed', async () => {
    const s = await setup();
    const first = await s.create(adult());
    expect(first.status).toBe(201);
    // saving a file never warns about itself
    expect((await s.put(first.body.id, adult({ city: 'Villeurbanne' }))).status).toBe(200);
    const twin = adult({ lastName: 'NUNEZ', firstName: 'maria', mobilePhone: '06 39 98 10 07' });
    const warned = await s.create(twin);
    expect([warned.status, warned.body.code]).toEqual([409, 'CONFIRMATION_REQUIRED']);
    expect(warned.body.details).toMatchObject({
      reason: 'possible_duplicate',
      matches: [expect.objectContaining({ id: first.body.id, lastName: 'Núñez', birthDate: '1975-11-02' })],
    });
    expect(await s.files()).toHaveLength(1);
    // the refusal showed another patient's name and birth date: audited, although the save rolled back
    const shown = await s.audits(eq(auditLog.action, 'patient.duplicates_shown'));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      actorKind: 'staff',
      actorId: s.secretary.id,
      entity: 'patient',
      entityId: null,
      details: { during: 'patient.create', patientIds: [first.body.id] },
    });
    const confirmed = await s.create({ ...twin, confirmDuplicate: true });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.id).not.toBe(first.body.id);
    expect(await s.files()).toHaveLength(2);
    const namesake = await s.create(adult({ birthDate: '1976-11-02' }));
    expect(namesake.status).toBe(201);
    // an update that would make a file a twin asks too, and names the file it was about
    const other = await s.create(
      adult({ firstName: 'Marta', birthDate: '1976-11-02', confirmDuplicate: true }),
    );
    const renamed = await s.put(other.body.id, adult({ birthDate: '1976-11-02' }));
    expect([renamed.status, renamed.body.code]).toEqual([409, 'CONFIRMATION_REQUIRED']);
    const onUpdate = await s.audits(
      and(eq(auditLog.action, 'patient.duplicates_shown'), eq(auditLog.entityId, other.body.id)),
    );
    expect(onUpdate.map((row) => row.details)).toEqual([
      { during: 'patient.update', patientIds: [namesake.body.id] },
    ]);
  });

  it('sets and changes parent 1, parent 2 and guarantor; nobody is their own responsable', async () => {
    const s = await setup();
    const mother = (await s.create(adult({ firstName: 'Inès', mobilePhone: '06 39 98 10 11' }))).body;
    const father = (await s.create(adult({ firstName: 'Marc', mobilePhone: '06 39 98 10 12' }))).body;
    const granny = (await s.create(adult({ firstName: 'Rosa', mobilePhone: '06 39 98 10 13' }))).body;
    const child = { lastName: 'Núñez', firstName: 'Lucía', birthDate: '2016-06-01' };
    const { id } = (await s.create({ ...child, responsables: { parent1Id: mother.id } })).body;
    const roles = (detail: PatientDetail) =>
      detail.responsables.map((link) => `${link.role}:${link.id}`).sort();

    const more = await s.put(id, {
      ...child,
      responsables: { parent2Id: father.id, guarantorId: granny.id },
    });
    expect(more.status).toBe(200);
    expect(roles(more.body)).toEqual([
      `guarantor:${granny.id}`,
      `parent1:${mother.id}`,
      `parent2:${father.id}`,
    ]);
    const swapped = await s.put(id, { ...child, responsables: { parent1Id: father.id, parent2Id: null } });
    expect(roles(swapped.body)).toEqual([`guarantor:${granny.id}`, `parent1:${father.id}`]);
    expect(
      await t.deps.db.select().from(patientRelations).where(eq(patientRelations.patientId, id)),
    ).toHaveLength(2);

    const twice = await s.put(id, { ...child, responsables: { parent2Id: father.id } });
    expect(twice.body.issues).toEqual([{ path: 'responsables.parent2Id', message: 'Choix invalide.' }]);
    const self = await s.put(id, { ...child, responsables: { guarantorId: id } });
    expect(self.status).toBe(400);
    expect(self.body.issues).toEqual([
      { path: 'responsables.guarantorId', message: 'Un patient ne peut pas être son propre responsable.' },
    ]);
    const stranger = await makePatient(t.deps.db, (await makePractice(t.deps.db)).id);
    const foreign = await s.put(id, { ...child, responsables: { parent2Id: stranger.id } });
    expect(foreign.body.issues).toEqual([{ path: 'responsables.parent2Id', message: 'Choix invalide.' }]);
    // with no responsable left, the child would need contact details of their own
    const none = { parent1Id: null, parent2Id: null, guarantorId: null };
    expect((await s.put(id, { ...child, responsables: none })).status).toBe(400);
    const file = await s.desk.get<PatientDetail>(`/api/console/patients/${id}`);
    expect(roles(file.body)).toEqual([`guarantor:${granny.id}`, `parent1:${father.id}`]);
  });

  it('accepts only a practitioner of the practice as own practitioner or referent', async () => {
    const s = await setup();
    const foreignDentist = await makeStaff(t.deps.db, (await makePractice(t.deps.db)).id, {
      role: 'practitioner',
    });
    const ok = await s.create(adult({ ownPractitionerId: s.dentist.id, referentIds: [s.dentist.id] }));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ ownPractitionerId: s.dentist.id, referentIds: [s.dentist.id] });
    for (const wrong of [s.secretary.id, foreignDentist.id, '00000000-0000-4000-8000-000000000000']) {
      const answer = await s.create(adult({ firstName: 'Eva', ownPractitionerId: wrong }));
      expect(answer.status).toBe(400);
      expect(answer.body.issues).toEqual([{ path: 'ownPractitionerId', message: 'Choix invalide.' }]);
    }
    const referent = await s.put(ok.body.id, adult({ referentIds: [s.secretary.id] }));
    expect([referent.status, paths(referent.body)]).toEqual([400, ['referentIds']]);
  });

  it('audits every create and update in the same request, and nothing for a refused one', async () => {
    const s = await setup();
    const rowsOf = (answer: { headers: Record<string, unknown> }) =>
      s.audits(eq(auditLog.requestId, String(answer.headers['x-request-id'])));
    const created = await s.create(adult());
    expect(await rowsOf(created)).toContainEqual(
      expect.objectContaining({
        action: 'patient.create',
        actorId: s.secretary.id,
        patientId: created.body.id,
      }),
    );
    const updated = await s.put(created.body.id, adult({ city: 'Villeurbanne' }));
    expect(updated.body.city).toBe('Villeurbanne');
    expect(await rowsOf(updated)).toContainEqual(
      expect.objectContaining({ action: 'patient.update', entityId: created.body.id }),
    );
    const refused = await s.put(created.body.id, adult({ postalCode: 'x' }));
    expect(refused.status).toBe(400);
    expect(await rowsOf(refused)).toEqual([]);
  });
});

describe('history (PAT-4)', () => {
  it('counts to fill, seen, upcoming, excused, not excused and cancelled', async () => {
    const s = await makeSchedulingPractice(t.deps.db);
    const desk = await staffClient(t.app, s.secretary.email, testPassword);
    const patient = await makePatient(t.deps.db, s.practice.id, { ownPractitionerId: s.dentist.id });
    const someoneElse = await makePatient(t.deps.db, s.practice.id, { ownPractitionerId: s.dentist.id });
    const where = { practitionerId: s.dentist.id, locationId: s.location.id, motifId: s.motif.id };
    const book = async (startsAt: string, patientId = patient.id) => {
      const body = { ...where, patientId, startsAt };
      const answer = await desk.post<{ id: string }>('/api/console/appointments', body);
      expect(answer.status).toBe(201);
      return `/api/console/appointments/${answer.body.id}`;
    };
    await book(nextWeekdayAt(9)); // upcoming
    expect((await desk.post(`${await book(nextWeekdayAt(10))}/status`, { status: 'seen' })).status).toBe(200);
    const excused = await desk.post(`${await book(nextWeekdayAt(11))}/cancel`, { by: 'patient' });
    expect(excused.body.status).toBe('excused');
    const late = { by: 'patient', classification: 'not_excused' };
    expect((await desk.post(`${await book(nextWeekdayAt(9, 0, 14))}/cancel`, late)).status).toBe(200);
    const noShow = { status: 'not_excused' };
    expect((await desk.post(`${await book(nextWeekdayAt(10, 0, 14))}/status`, noShow)).status).toBe(200);
    const byPractice = { by: 'practice' };
    expect((await desk.post(`${await book(nextWeekdayAt(11, 0, 14))}/cancel`, byPractice)).status).toBe(200);
    await book(nextWeekdayAt(9, 0, 21), someoneElse.id);

    const past = (daysAgo: number, status: 'unknown' | 'seen' | 'waiting_room') => {
      const startsAt = new Date(Date.now() - daysAgo * 86_400_000);
      const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
      return { ...where, practiceId: s.practice.id, patientId: patient.id, startsAt, endsAt, status };
    };
    const deleted = { ...past(24, 'seen'), deletedAt: new Date() };
    await t.deps.db
      .insert(appointments)
      .values([past(3, 'unknown'), past(10, 'waiting_room'), past(17, 'seen'), deleted]);

    const history = await desk.get<PatientHistory>(`/api/console/patients/${patient.id}/appointments`);
    expect(history.status).toBe(200);
    const counts = { toFill: 2, seen: 2, upcoming: 1, excused: 1, notExcused: 2, cancelled: 1 };
    expect(history.body.counts).toEqual(counts);
    expect(history.body.items).toHaveLength(9);
    expect(history.body.items.every((item) => item.patient.id === patient.id)).toBe(true);
    const starts = history.body.items.map((item) => item.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, s.practice.id), eq(auditLog.action, 'patient.history')));
    expect(audits).toEqual([expect.objectContaining({ patientId: patient.id, actorId: s.secretary.id })]);
  });
});

describe('history and agenda grants', () => {
  it('a practitioner sees a colleague’s appointments of the patient only with a grant on her agenda; the desk sees all', async () => {
    const s = await makeSchedulingPractice(t.deps.db);
    const patient = await makePatient(t.deps.db, s.practice.id, { ownPractitionerId: s.dentist.id });
    const visit = (practitionerId: string, daysAgo: number, comment: string) => {
      const startsAt = new Date(Date.now() - daysAgo * 86_400_000);
      return {
        practiceId: s.practice.id,
        patientId: patient.id,
        practitionerId,
        locationId: s.location.id,
        motifId: s.motif.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        status: 'seen' as const,
        comment,
      };
    };
    await t.deps.db
      .insert(appointments)
      .values([
        visit(s.dentist.id, 3, 'Anxieuse, parle de son divorce'),
        visit(s.dentist.id, 10, 'Bilan parodontal inquiétant'),
        visit(s.other.id, 17, 'Détartrage'),
      ]);
    const url = `/api/console/patients/${patient.id}/appointments`;
    const practitionersOf = (history: PatientHistory) => history.items.map((item) => item.practitionerId);

    // the front desk (and the admin) see every agenda
    const desk = await staffClient(t.app, s.secretary.email, testPassword);
    const all = await desk.get<PatientHistory>(url);
    expect(practitionersOf(all.body)).toEqual([s.dentist.id, s.dentist.id, s.other.id]);
    expect(all.body.counts.seen).toBe(3);
    const admin = await staffClient(t.app, s.admin.email, testPassword);
    expect((await admin.get<PatientHistory>(url)).body.items).toHaveLength(3);

    // Dr Moreau without a grant on Dr Bernard's agenda: her own appointment only, no word of the others
    const colleague = await staffClient(t.app, s.other.email, testPassword);
    const own = await colleague.get<PatientHistory>(url);
    expect(own.status).toBe(200);
    expect(practitionersOf(own.body)).toEqual([s.other.id]);
    expect(own.body.counts).toEqual({
      toFill: 0,
      seen: 1,
      upcoming: 0,
      excused: 0,
      notExcused: 0,
      cancelled: 0,
    });
    expect(JSON.stringify(own.body)).not.toContain('divorce');
    expect(JSON.stringify(own.body)).not.toContain('parodontal');
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, s.other.id), eq(auditLog.action, 'patient.history')));
    expect(audits.map((row) => row.details)).toEqual([{ appointmentIds: [own.body.items[0]?.id] }]);

    // once the admin grants her Dr Bernard's agenda, she sees them, as in the agenda
    const granted = await admin.patch(`/api/console/staff/${s.other.id}`, { agendaGrants: [s.dentist.id] });
    expect(granted.status).toBe(200);
    const shared = await colleague.get<PatientHistory>(url);
    expect(practitionersOf(shared.body)).toEqual([s.dentist.id, s.dentist.id, s.other.id]);
    expect(shared.body.items[0]?.comment).toBe('Anxieuse, parle de son divorce');
  });
});

describe('another practice’s file', () => {
  it('answers 404 on read, update and history, and changes nothing', async () => {
    const s = await setup();
    const elsewhere = await makePractice(t.deps.db);
    const theirs = await makePatient(t.deps.db, elsewhere.id, { city: 'Genève' });
    const read = await s.desk.get(`/api/console/patients/${theirs.id}`);
    expect([read.status, read.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await s.put(theirs.id, adult({ confirmDuplicate: true }))).status).toBe(404);
    expect((await s.desk.get(`/api/console/patients/${theirs.id}/appointments`)).status).toBe(404);
    const [row] = await t.deps.db.select().from(patients).where(eq(patients.id, theirs.id));
    expect(row).toMatchObject({ lastName: theirs.lastName, city: 'Genève' });
    expect(await t.deps.db.select().from(auditLog).where(eq(auditLog.practiceId, elsewhere.id))).toEqual([]);
    expect((await s.desk.get('/api/console/patients/not-an-id')).status).toBe(400);
  });
});

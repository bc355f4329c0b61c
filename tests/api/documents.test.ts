import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DocumentSettings,
  defaultDocumentSettings,
  type PatientDocument,
  type PatientDocumentList,
  type SecureLink,
  type SignatureEvidence,
  type SignatureVerificationResult,
  type StaffDocument,
} from '../../src/contracts/documents';
import { type AppModules, defaultAppModules } from '../../src/contracts/patient-app';
import { auditLog, documentSignatures, documents, outbox } from '../../src/server/db/schema';
import { sha256Hex } from '../../src/server/signature/hash';
import { staffClient, TestClient } from '../support/client';
import { download, filesUnder, makePdf, storedPath, uploadDocument } from '../support/documents';
import {
  lastCodeSentTo,
  lastMessageTo,
  linkResponsable,
  makePatient,
  makePractice,
  makeStaff,
} from '../support/factories';
import { makeFamily, patientClient } from '../support/patient-session';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type CodeChallenge = { challengeId: string; maskedPhone: string };
type ErrorBody = { code: string; message: string; details?: Record<string, unknown> };

/** A family (Paul and Marie, parents of Léa and Hugo; José apart) with a secretary and an admin. */
async function practiceWithFamily() {
  const practice = await makePractice(t.deps.db, { email: 'cabinet@test.example' });
  const f = await makeFamily(t.deps.db, practice);
  const secretary = await makeStaff(t.deps.db, practice.id, { role: 'secretary' });
  const admin = await makeStaff(t.deps.db, practice.id, { role: 'admin' });
  return {
    ...f,
    desk: await staffClient(t.app, secretary.email, secretary.password),
    admin: await staffClient(t.app, admin.email, admin.password),
  };
}

async function share(
  desk: TestClient,
  patientId: string,
  fields: { type?: string; title?: string; requiresSignature?: boolean; visibility?: object },
): Promise<StaffDocument> {
  const title = fields.title ?? 'Devis implant';
  const answer = await uploadDocument(
    t.app,
    desk,
    patientId,
    {
      type: fields.type ?? 'quote',
      title,
      requiresSignature: String(fields.requiresSignature ?? false),
      ...(fields.visibility ? { visibility: JSON.stringify(fields.visibility) } : {}),
    },
    { name: 'devis.pdf', bytes: await makePdf(title) },
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

const idsOf = (list: PatientDocumentList) => ({
  toSign: list.toSign.map((d) => d.id),
  signed: list.signed.map((d) => d.id),
  others: list.others.map((d) => d.id),
});
const allIds = (list: PatientDocumentList) =>
  [...list.toSign, ...list.signed, ...list.others].map((d) => d.id);

async function setModules(admin: TestClient, documentsModule: AppModules['documents']) {
  const saved = await admin.request('PUT', '/api/console/settings/modules', {
    ...defaultAppModules,
    documents: documentsModule,
  });
  expect(saved.status).toBe(200);
}

describe('documents shared with a patient (DOC-1)', () => {
  it('staff upload a PDF; the patient lists and downloads it, audited; another family gets 404 for its id', async () => {
    const f = await practiceWithFamily();
    const bytes = await makePdf('Devis couronne', 2);
    const uploaded = await uploadDocument(
      t.app,
      f.desk,
      f.paul.id,
      { type: 'quote', title: 'Devis couronne', requiresSignature: 'false' },
      { name: 'scan.pdf', bytes },
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const document = uploaded.body;
    expect(document).toMatchObject({ status: 'shared', size: bytes.length, sha256: sha256Hex(bytes) });
    expect(document.sharedInApp).toBe(true);

    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    const list = await paul.get<PatientDocumentList>('/api/patient/documents');
    expect(list.status).toBe(200);
    expect(idsOf(list.body)).toEqual({ toSign: [], signed: [], others: [document.id] });

    const file = await download(t.app, paul, `/api/patient/documents/${document.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.bytes.equals(bytes)).toBe(true);
    // no HEAD: it would open and audit a download nobody gets
    const head = await t.app.inject({ method: 'HEAD', url: `/api/patient/documents/${document.id}/file` });
    expect(head.statusCode).toBe(404);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, document.id), eq(auditLog.action, 'document.download')));
    expect(audits.map((row) => [row.actorKind, row.actorId, row.patientId])).toEqual([
      ['patient', f.phones.paul, f.paul.id],
    ]);

    // José, another family of the same practice, changes the id in the URL
    const jose = await patientClient(t.app, t.deps.db, f.identities.jose);
    expect(allIds((await jose.get<PatientDocumentList>('/api/patient/documents')).body)).toEqual([]);
    const stolen = await download(t.app, jose, `/api/patient/documents/${document.id}/file`);
    expect(stolen.status).toBe(404);
    expect(stolen.bytes.includes(Buffer.from('%PDF'))).toBe(false);
    expect((await jose.post(`/api/patient/documents/${document.id}/signature/code`)).status).toBe(404);
    // an unknown id answers exactly the same
    const unknown = await download(t.app, jose, `/api/patient/documents/${randomUUID()}/file`);
    expect([unknown.status, (unknown.json() as ErrorBody).code]).toEqual([404, 'NOT_FOUND']);

    // the console lists and downloads it too, audited
    const staffList = await f.desk.get<{ items: StaffDocument[] }>(
      `/api/console/patients/${f.paul.id}/documents`,
    );
    expect(staffList.body.items.map((item) => item.id)).toEqual([document.id]);
    const staffFile = await download(t.app, f.desk, `/api/console/documents/${document.id}/file`);
    expect(staffFile.bytes.equals(bytes)).toBe(true);
    const staffAudits = await t.deps.db
      .select({ actorKind: auditLog.actorKind })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, document.id), eq(auditLog.action, 'document.download')));
    expect(staffAudits.map((row) => row.actorKind).sort()).toEqual(['patient', 'staff']);
  });

  it('another practice’s staff cannot reach the document (404)', async () => {
    const f = await practiceWithFamily();
    const document = await share(f.desk, f.paul.id, {});
    const other = await makePractice(t.deps.db);
    const stranger = await makeStaff(t.deps.db, other.id);
    const strangerDesk = await staffClient(t.app, stranger.email, stranger.password);
    expect((await download(t.app, strangerDesk, `/api/console/documents/${document.id}/file`)).status).toBe(
      404,
    );
    expect((await strangerDesk.get(`/api/console/patients/${f.paul.id}/documents`)).status).toBe(404);
    const upload = await uploadDocument(
      t.app,
      strangerDesk,
      f.paul.id,
      { type: 'quote', title: 'x' },
      { name: 'x.pdf', bytes: await makePdf('x') },
    );
    expect(upload.status).toBe(404);
  });

  it('a switched-off documents module answers 403 to every patient route', async () => {
    const f = await practiceWithFamily();
    const document = await share(f.desk, f.paul.id, { requiresSignature: true });
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    expect((await paul.get('/api/patient/documents')).status).toBe(200);
    await setModules(f.admin, { enabled: false, minors: false });
    for (const answer of [
      await paul.get<ErrorBody>('/api/patient/documents'),
      await paul.get<ErrorBody>(`/api/patient/documents/${document.id}/file`),
      await paul.post<ErrorBody>(`/api/patient/documents/${document.id}/signature/code`),
    ]) {
      expect([answer.status, answer.body.code]).toEqual([403, 'MODULE_DISABLED']);
    }
  });
});

describe('uploads refused from their content (nothing stored)', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({ config: { FILES_MAX_MB: '1' } });
  });
  afterAll(async () => small.close());

  async function deskOf(app: TestApp) {
    const practice = await makePractice(app.deps.db);
    const patient = await makePatient(app.deps.db, practice.id);
    const member = await makeStaff(app.deps.db, practice.id);
    return { patient, desk: await staffClient(app.app, member.email, member.password) };
  }

  const executable = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(2000, 1)]);

  it.each([
    ['a renamed executable', { name: 'devis.pdf', bytes: executable }, 'FILE_TYPE_NOT_ALLOWED', /PDF/],
    [
      'a photo (documents are PDF only)',
      { name: 'photo.pdf', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) },
      'FILE_TYPE_NOT_ALLOWED',
      /PDF/,
    ],
    ['an empty file', { name: 'vide.pdf', bytes: Buffer.alloc(0) }, 'FILE_EMPTY', /vide/],
    [
      'a file over the limit',
      {
        name: 'gros.pdf',
        bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]),
      },
      'FILE_TOO_LARGE',
      /1 Mo/,
    ],
  ])('%s: 400 with a clear message, no row, no file', async (_label, file, code, message) => {
    const { patient, desk } = await deskOf(small);
    const before = await filesUnder(small.deps.config.files.dir);
    const answer = await uploadDocument(small.app, desk, patient.id, { type: 'quote', title: 'Devis' }, file);
    expect([answer.status, answer.body.code]).toEqual([400, code]);
    expect(answer.body.message).toMatch(message);
    expect(await small.deps.db.select().from(documents).where(eq(documents.patientId, patient.id))).toEqual(
      [],
    );
    expect(await filesUnder(small.deps.config.files.dir)).toEqual(before);
  });

  it('answers in English when asked, naming the limit', async () => {
    const { patient, desk } = await deskOf(small);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    const answer = await uploadDocument(
      small.app,
      desk,
      patient.id,
      { type: 'quote', title: 'Quote' },
      { name: 'big.pdf', bytes: big },
      { lang: 'en' },
    );
    expect(answer.body.message).toBe('This file is larger than the 1 MB limit: nothing was sent.');
  });

  it('a PDF to sign that cannot be signed is refused and removed; missing fields refused before the file', async () => {
    const { patient, desk } = await deskOf(small);
    const before = await filesUnder(small.deps.config.files.dir);
    const broken = Buffer.from('%PDF-1.4\nnot really a document\n%%EOF\n');
    const refused = await uploadDocument(
      small.app,
      desk,
      patient.id,
      { type: 'informed_consent', title: 'Consentement', requiresSignature: 'true' },
      { name: 'c.pdf', bytes: broken },
    );
    expect([refused.status, refused.body.code]).toEqual([400, 'PDF_NOT_SIGNABLE']);
    const noTitle = await uploadDocument(
      small.app,
      desk,
      patient.id,
      { type: 'quote' },
      {
        name: 'd.pdf',
        bytes: await makePdf('d'),
      },
    );
    expect([noTitle.status, noTitle.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const noFile = await uploadDocument(
      small.app,
      desk,
      patient.id,
      { type: 'quote', title: 'x' },
      undefined,
    );
    expect([noFile.status, noFile.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await small.deps.db.select().from(documents).where(eq(documents.patientId, patient.id))).toEqual(
      [],
    );
    expect(await filesUnder(small.deps.config.files.dir)).toEqual(before);
  });
});

describe('sharing rules (DOC-2) and the minors switch', () => {
  it('visibility: the type’s default, a document’s override, responsables versus the patient', async () => {
    const f = await practiceWithFamily();
    // Tom, an adult with his own phone, whose guarantor is Paul
    const tom = await makePatient(t.deps.db, f.practice.id, {
      lastName: 'Durand',
      firstName: 'Tom',
      birthDate: '2000-01-10',
    });
    await linkResponsable(t.deps.db, f.practice.id, tom.id, f.paul.id, 'guarantor');
    const patientOnly = { patient: true, responsables: false, correspondents: false };
    const responsablesOnly = { patient: false, responsables: true, correspondents: false };
    const forTom = await share(f.desk, tom.id, { title: 'Devis Tom' });
    const tomOwnEyes = await share(f.desk, tom.id, { title: 'Perso Tom', visibility: patientOnly });
    const tomsGuarantor = await share(f.desk, tom.id, { title: 'Facture Tom', visibility: responsablesOnly });
    const paulHidden = await share(f.desk, f.paul.id, {
      title: 'Pour les responsables',
      visibility: responsablesOnly,
    });
    const scan = await share(f.desk, f.paul.id, { type: 'external_scanned', title: 'Radio externe' });

    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    const seenByPaul = allIds((await paul.get<PatientDocumentList>('/api/patient/documents')).body);
    expect(seenByPaul.sort()).toEqual([forTom.id, tomsGuarantor.id].sort());
    expect((await download(t.app, paul, `/api/patient/documents/${tomOwnEyes.id}/file`)).status).toBe(404);
    expect((await download(t.app, paul, `/api/patient/documents/${paulHidden.id}/file`)).status).toBe(404);
    expect((await download(t.app, paul, `/api/patient/documents/${scan.id}/file`)).status).toBe(404);
    expect(scan.sharedInApp).toBe(false);

    const tomPhone = tom.mobilePhone ?? '';
    const tomApp = await patientClient(t.app, t.deps.db, {
      practice: f.practice.slug,
      phone: tomPhone,
      lastName: tom.lastName,
      firstName: tom.firstName,
      birthDate: tom.birthDate,
    });
    const seenByTom = allIds((await tomApp.get<PatientDocumentList>('/api/patient/documents')).body);
    expect(seenByTom.sort()).toEqual([forTom.id, tomOwnEyes.id].sort());

    // the practice shares external scans with patients: Paul's scan appears
    const settings: DocumentSettings = {
      ...defaultDocumentSettings,
      types: { ...defaultDocumentSettings.types, external_scanned: patientOnly },
    };
    expect((await f.admin.request('PUT', '/api/console/settings/documents', settings)).status).toBe(200);
    expect((await f.desk.request('PUT', '/api/console/settings/documents', settings)).status).toBe(403);
    expect(allIds((await paul.get<PatientDocumentList>('/api/patient/documents')).body)).toContain(scan.id);
  });

  it('"share only signed" keeps documents without a signature in the practice; letters to professionals stay out', async () => {
    const f = await practiceWithFamily();
    const quote = await share(f.desk, f.paul.id, { title: 'Devis' });
    const consent = await share(f.desk, f.paul.id, {
      type: 'informed_consent',
      title: 'Consentement',
      requiresSignature: true,
    });
    const letter = await uploadDocument(
      t.app,
      f.desk,
      f.paul.id,
      { type: 'letter', title: 'Courrier au Dr X', letterToProfessional: 'true' },
      { name: 'l.pdf', bytes: await makePdf('l') },
    );
    expect(letter.body.sharedInApp).toBe(false);
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    expect(idsOf((await paul.get<PatientDocumentList>('/api/patient/documents')).body)).toEqual({
      toSign: [consent.id],
      signed: [],
      others: [quote.id],
    });
    const onlySigned = { ...defaultDocumentSettings, shareOnlySigned: true };
    expect((await f.admin.request('PUT', '/api/console/settings/documents', onlySigned)).status).toBe(200);
    expect(idsOf((await paul.get<PatientDocumentList>('/api/patient/documents')).body)).toEqual({
      toSign: [consent.id],
      signed: [],
      others: [],
    });
    expect((await download(t.app, paul, `/api/patient/documents/${quote.id}/file`)).status).toBe(404);
    expect((await download(t.app, paul, `/api/patient/documents/${letter.body.id}/file`)).status).toBe(404);
  });

  it('with the default settings a parent reads and signs his minor child’s document (DOC-2)', async () => {
    const f = await practiceWithFamily();
    const forLea = await share(f.desk, f.lea.id, {
      type: 'quote',
      title: 'Devis Léa',
      requiresSignature: true,
    });
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    await setModules(f.admin, defaultAppModules.documents);
    expect(defaultAppModules.documents.minors).toBe(false);
    const list = (await paul.get<PatientDocumentList>('/api/patient/documents')).body;
    expect(list.toSign.map((d) => [d.id, d.canSign])).toEqual([[forLea.id, true]]);
    expect((await download(t.app, paul, `/api/patient/documents/${forLea.id}/file`)).status).toBe(200);
    expect((await paul.post(`/api/patient/documents/${forLea.id}/signature/code`)).status).toBe(200);
  });

  it('the minors switch is about the minor’s own phone: off, a teenager does not see her own documents', async () => {
    const f = await practiceWithFamily();
    // Inès, 15, with her own phone; Paul is her parent
    const phone = `+3363998${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const teen = await makePatient(t.deps.db, f.practice.id, {
      lastName: 'Durand',
      firstName: 'Inès',
      birthDate: `${new Date(t.clock.now()).getUTCFullYear() - 15}-02-10`,
      mobilePhone: phone,
    });
    await linkResponsable(t.deps.db, f.practice.id, teen.id, f.paul.id, 'parent1');
    const forInes = await share(f.desk, teen.id, {
      title: 'Devis Inès',
      visibility: { patient: true, responsables: true, correspondents: false },
    });
    const ines = await patientClient(t.app, t.deps.db, {
      practice: f.identities.paul.practice,
      phone,
      lastName: 'Durand',
      firstName: 'Inès',
      birthDate: teen.birthDate,
    });
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    await setModules(f.admin, { enabled: true, minors: false });
    expect(allIds((await ines.get<PatientDocumentList>('/api/patient/documents')).body)).toEqual([]);
    expect((await download(t.app, ines, `/api/patient/documents/${forInes.id}/file`)).status).toBe(404);
    expect(allIds((await paul.get<PatientDocumentList>('/api/patient/documents')).body)).toContain(
      forInes.id,
    );

    await setModules(f.admin, { enabled: true, minors: true });
    expect(allIds((await ines.get<PatientDocumentList>('/api/patient/documents')).body)).toEqual([
      forInes.id,
    ]);
    expect((await download(t.app, ines, `/api/patient/documents/${forInes.id}/file`)).status).toBe(200);
  });
});

describe('signature with an SMS code (DOC-3)', () => {
  async function askCode(client: TestClient, documentId: string) {
    const answer = await client.post<CodeChallenge>(`/api/patient/documents/${documentId}/signature/code`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  }

  it('five wrong codes kill the code; the right one is then refused too', async () => {
    const f = await practiceWithFamily();
    const consent = await share(f.desk, f.paul.id, {
      type: 'informed_consent',
      title: 'Consentement',
      requiresSignature: true,
    });
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    const challenge = await askCode(paul, consent.id);
    const code = await lastCodeSentTo(t.deps.db, f.phones.paul);
    const sms = await lastMessageTo(t.deps.db, f.phones.paul);
    expect(sms?.kind).toBe('signature_code');
    expect(sms?.body).toMatch(/signer/);
    const wrong = code === '000000' ? '111111' : '000000';
    const url = `/api/patient/documents/${consent.id}/signature`;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const answer = await paul.post<ErrorBody>(url, { challengeId: challenge.challengeId, code: wrong });
      expect([answer.status, answer.body.code, answer.body.details?.attemptsLeft]).toEqual([
        400,
        'CODE_INVALID',
        5 - attempt,
      ]);
    }
    const dead = await paul.post<ErrorBody>(url, { challengeId: challenge.challengeId, code });
    expect([dead.status, dead.body.code]).toEqual([410, 'CODE_EXPIRED']);
    const [row] = await t.deps.db.select().from(documents).where(eq(documents.id, consent.id));
    expect(row?.signedAt).toBeNull();
    expect(
      await t.deps.db.select().from(documentSignatures).where(eq(documentSignatures.documentId, consent.id)),
    ).toEqual([]);
  });

  it('a new code waits 60 s; a code asked for one document does not sign another', async () => {
    const f = await practiceWithFamily();
    const first = await share(f.desk, f.paul.id, {
      type: 'quote',
      title: 'Devis A',
      requiresSignature: true,
    });
    const second = await share(f.desk, f.paul.id, {
      type: 'quote',
      title: 'Devis B',
      requiresSignature: true,
    });
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    const challenge = await askCode(paul, first.id);
    const code = await lastCodeSentTo(t.deps.db, f.phones.paul);
    const again = await paul.post<ErrorBody>(`/api/patient/documents/${first.id}/signature/code`);
    expect([again.status, again.body.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    const resent = await paul.post<ErrorBody>(`/api/patient/documents/${first.id}/signature/code/resend`, {
      challengeId: challenge.challengeId,
    });
    expect(resent.status).toBe(429);
    const crossed = await paul.post<ErrorBody>(`/api/patient/documents/${second.id}/signature`, {
      challengeId: challenge.challengeId,
      code,
    });
    expect([crossed.status, crossed.body.code]).toEqual([410, 'CODE_EXPIRED']);
    // Marie cannot sign Paul's documents at all (not hers; another phone): 404
    const marie = await patientClient(t.app, t.deps.db, f.identities.marie);
    expect(
      (
        await marie.post(`/api/patient/documents/${first.id}/signature`, {
          challengeId: challenge.challengeId,
          code,
        })
      ).status,
    ).toBe(404);
    // the right code still signs the first document
    const signed = await paul.post<PatientDocument>(`/api/patient/documents/${first.id}/signature`, {
      challengeId: challenge.challengeId,
      code,
    });
    expect([signed.status, signed.body.status]).toEqual([200, 'signed']);
  });

  it('signs: evidence recorded, staff notified, the signed PDF verifies — until a stored byte changes', async () => {
    const f = await practiceWithFamily();
    const consent = await share(f.desk, f.paul.id, {
      type: 'informed_consent',
      title: 'Consentement implant',
      requiresSignature: true,
    });
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul, {
      userAgent: 'SourireTest/1.0 (iPhone)',
    });
    const challenge = await askCode(paul, consent.id);
    const code = await lastCodeSentTo(t.deps.db, f.phones.paul);
    const signed = await paul.post<PatientDocument>(
      `/api/patient/documents/${consent.id}/signature`,
      { challengeId: challenge.challengeId, code },
      { 'user-agent': 'SourireTest/1.0 (iPhone)' },
    );
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed', canSign: false });
    const list = (await paul.get<PatientDocumentList>('/api/patient/documents')).body;
    expect(idsOf(list)).toEqual({ toSign: [], signed: [consent.id], others: [] });
    const twice = await paul.post<ErrorBody>(`/api/patient/documents/${consent.id}/signature/code`);
    expect([twice.status, twice.body.code]).toEqual([409, 'DOCUMENT_ALREADY_SIGNED']);

    // the app now serves the signed PDF: the original's pages plus the evidence page
    const signedFile = await download(t.app, paul, `/api/patient/documents/${consent.id}/file`);
    expect((await PDFDocument.load(signedFile.bytes)).getPageCount()).toBe(2);

    const evidence = await f.desk.get<SignatureEvidence>(`/api/console/documents/${consent.id}/signature`);
    expect(evidence.status).toBe(200);
    expect(evidence.body).toMatchObject({
      documentId: consent.id,
      signer: { patientId: f.paul.id, name: 'Paul Durand', role: 'patient' },
      forPatient: { id: f.paul.id },
      ip: paul.ip,
      userAgent: 'SourireTest/1.0 (iPhone)',
      originalSha256: consent.sha256,
      signedSha256: sha256Hex(signedFile.bytes),
    });
    expect(evidence.body.maskedPhone).toMatch(/••/);
    expect(evidence.body.maskedPhone.replace(/\D/g, '')).not.toContain(f.phones.paul.slice(3));

    const notices = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.practiceId, f.practice.id), eq(outbox.kind, 'document_signed')));
    expect(notices.map((notice) => [notice.channel, notice.recipient])).toEqual([
      ['email', 'cabinet@test.example'],
    ]);
    expect(notices[0]?.body).not.toContain('Paul');
    expect(notices[0]?.body).not.toContain('Consentement');
    // the link opens a page the console has (issue 9 §4.18)
    expect(notices[0]?.body).toContain('http://sourire.test/console/documents');

    const pending = await f.desk.get<{ items: { id: string }[] }>('/api/console/signatures/pending');
    expect(pending.body.items.map((item) => item.id)).not.toContain(consent.id);

    const verify = () =>
      f.desk.post<SignatureVerificationResult>(`/api/console/documents/${consent.id}/signature/verify`);
    const valid = await verify();
    expect(valid.status).toBe(200);
    expect(valid.body.valid).toBe(true);
    expect(valid.body.checks.map((check) => check.check)).toEqual([
      'signed_file_readable',
      'original_file_readable',
      'signed_file_hash',
      'signed_file_metadata',
      'original_file_hash',
      'page_count',
    ]);

    // one byte of the stored (encrypted) signed file changes on disk
    const [signature] = await t.deps.db
      .select()
      .from(documentSignatures)
      .where(eq(documentSignatures.documentId, consent.id));
    const path = storedPath(t.deps.config.files.dir, signature?.signedFileKey ?? '');
    const stored = await readFile(path);
    stored[stored.length >> 1] = (stored[stored.length >> 1] ?? 0) ^ 0x01;
    await writeFile(path, stored);
    const invalid = await verify();
    expect(invalid.body.valid).toBe(false);
    expect(invalid.body.checks.find((check) => check.check === 'signed_file_readable')?.passed).toBe(false);
  });

  it('a responsable signs for a minor; the other family cannot', async () => {
    const f = await practiceWithFamily();
    await setModules(f.admin, { enabled: true, minors: true });
    const consent = await share(f.desk, f.lea.id, {
      type: 'informed_consent',
      title: 'Consentement Léa',
      requiresSignature: true,
    });
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    const challenge = await askCode(paul, consent.id);
    const code = await lastCodeSentTo(t.deps.db, f.phones.paul);
    const signed = await paul.post(`/api/patient/documents/${consent.id}/signature`, {
      challengeId: challenge.challengeId,
      code,
    });
    expect(signed.status).toBe(200);
    const evidence = await f.desk.get<SignatureEvidence>(`/api/console/documents/${consent.id}/signature`);
    expect(evidence.body.signer).toEqual({ patientId: f.paul.id, name: 'Paul Durand', role: 'responsable' });
    expect(evidence.body.forPatient).toEqual({ id: f.lea.id, name: 'Léa Durand' });
    // Marie, the other parent, now sees it signed
    const marie = await patientClient(t.app, t.deps.db, f.identities.marie);
    expect(idsOf((await marie.get<PatientDocumentList>('/api/patient/documents')).body).signed).toEqual([
      consent.id,
    ]);
  });

  it('only the patient signs an adult’s document: a guarantor may read but gets NOT_SIGNER', async () => {
    const f = await practiceWithFamily();
    const tom = await makePatient(t.deps.db, f.practice.id, { firstName: 'Tom', birthDate: '2000-01-10' });
    await linkResponsable(t.deps.db, f.practice.id, tom.id, f.paul.id, 'guarantor');
    const quote = await share(f.desk, tom.id, { requiresSignature: true });
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    const list = (await paul.get<PatientDocumentList>('/api/patient/documents')).body;
    expect(list.toSign.map((d) => [d.id, d.canSign])).toEqual([[quote.id, false]]);
    const refused = await paul.post<ErrorBody>(`/api/patient/documents/${quote.id}/signature/code`);
    expect([refused.status, refused.body.code]).toEqual([403, 'NOT_SIGNER']);
  });

  it('the console lists documents waiting for a signature across patients, page by page', async () => {
    const f = await practiceWithFamily();
    const waiting = [
      await share(f.desk, f.paul.id, { title: 'A', requiresSignature: true }),
      await share(f.desk, f.marie.id, { title: 'B', requiresSignature: true }),
      await share(f.desk, f.jose.id, { title: 'C', requiresSignature: true }),
    ];
    await share(f.desk, f.paul.id, { title: 'not to sign' });
    type Page = { items: { id: string; patient: { id: string } }[]; nextCursor: string | null };
    const first = await f.desk.get<Page>('/api/console/signatures/pending?limit=2');
    expect(first.body.items.map((item) => item.id)).toEqual([waiting[0]?.id, waiting[1]?.id]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await f.desk.get<Page>(
      `/api/console/signatures/pending?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((item) => [item.id, item.patient.id])).toEqual([
      [waiting[2]?.id, f.jose.id],
    ]);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe('secure results channel (DOC-5)', () => {
  const recipient = () => `+3363995${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;

  async function sendLink(desk: TestClient, documentId: string, body: Record<string, unknown>) {
    const answer = await desk.post<SecureLink>(`/api/console/documents/${documentId}/secure-links`, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  }

  function tokenIn(text: string | undefined): string {
    const token = text?.match(/\/rdv\/document\/([A-Za-z0-9_-]{43})/)?.[1];
    if (!token) throw new Error(`no link in ${text}`);
    return token;
  }

  it('the link goes by SMS, opening needs the code, every opening is logged and shown to staff', async () => {
    const f = await practiceWithFamily();
    const bytes = await makePdf('Résultats');
    const uploaded = await uploadDocument(
      t.app,
      f.desk,
      f.jose.id,
      { type: 'external_scanned', title: 'Résultats' },
      { name: 'r.pdf', bytes },
    );
    const phone = recipient();
    const link = await sendLink(f.desk, uploaded.body.id, { phone, recipientName: 'José Núñez' });
    expect(link).toMatchObject({ status: 'active', channel: 'sms', openings: [] });
    const sms = await lastMessageTo(t.deps.db, phone);
    expect([sms?.channel, sms?.kind, sms?.attachments]).toEqual(['sms', 'secure_link', null]);
    const token = tokenIn(sms?.body);
    const base = `/api/public/secure/${token}`;

    const visitor = new TestClient(t.app);
    const info = await visitor.get<{ practiceName: string; maskedPhone: string }>(base);
    expect(info.status).toBe(200);
    expect(info.body.practiceName).toBe(f.practice.name);
    expect(JSON.stringify(info.body)).not.toContain('Résultats');
    expect((await download(t.app, visitor, `${base}/file`)).status).toBe(401);

    const challenge = await visitor.post<CodeChallenge>(`${base}/code`);
    expect(challenge.status).toBe(200);
    const code = await lastCodeSentTo(t.deps.db, phone);
    const wrong = await visitor.post<ErrorBody>(`${base}/open`, {
      challengeId: challenge.body.challengeId,
      code: code === '000000' ? '111111' : '000000',
    });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'CODE_INVALID']);
    expect((await download(t.app, visitor, `${base}/file`)).status).toBe(401);
    const opened = await visitor.post<{ documentTitle: string }>(
      `${base}/open`,
      { challengeId: challenge.body.challengeId, code },
      { 'user-agent': 'Firefox/140 test' },
    );
    expect(opened.status).toBe(200);
    expect(opened.body.documentTitle).toBe('Résultats');
    const file = await download(t.app, visitor, `${base}/file`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(bytes)).toBe(true);
    // another browser with the token but without the code's opening gets nothing
    expect((await download(t.app, new TestClient(t.app), `${base}/file`)).status).toBe(401);

    const links = await f.desk.get<{ items: SecureLink[] }>(
      `/api/console/documents/${uploaded.body.id}/secure-links`,
    );
    expect(links.body.items.map((item) => item.openings.map((o) => [o.ip, o.userAgent]))).toEqual([
      [[visitor.ip, 'Firefox/140 test']],
    ]);
    const audits = await t.deps.db
      .select({ action: auditLog.action, actorKind: auditLog.actorKind })
      .from(auditLog)
      .where(eq(auditLog.entityId, uploaded.body.id));
    expect(audits.filter((row) => row.actorKind === 'public').map((row) => row.action)).toEqual([
      'secure_link.open',
      'secure_link.download',
    ]);
  });

  it('a revoked link and an expired link are refused (410) at every step', async () => {
    const f = await practiceWithFamily();
    const document = await share(f.desk, f.jose.id, { title: 'Compte rendu' });
    const phone = recipient();
    const revoked = await sendLink(f.desk, document.id, { phone });
    const revokedToken = tokenIn((await lastMessageTo(t.deps.db, phone))?.body);
    const expiring = await sendLink(f.desk, document.id, { phone, expiresInDays: 1 });
    const expiringToken = tokenIn((await lastMessageTo(t.deps.db, phone))?.body);
    expect(expiring.id).not.toBe(revoked.id);

    const visitor = new TestClient(t.app);
    const challenge = await visitor.post<CodeChallenge>(`/api/public/secure/${revokedToken}/code`);
    const code = await lastCodeSentTo(t.deps.db, phone);
    const answer = await f.desk.post<SecureLink>(`/api/console/secure-links/${revoked.id}/revoke`);
    expect([answer.status, answer.body.status]).toEqual([200, 'revoked']);
    const base = `/api/public/secure/${revokedToken}`;
    for (const refused of [
      await visitor.get<ErrorBody>(base),
      await visitor.post<ErrorBody>(`${base}/code`),
      await visitor.post<ErrorBody>(`${base}/open`, { challengeId: challenge.body.challengeId, code }),
    ]) {
      expect([refused.status, refused.body.code]).toEqual([410, 'LINK_EXPIRED']);
    }
    expect((await download(t.app, visitor, `${base}/file`)).status).toBe(410);

    expect((await visitor.get(`/api/public/secure/${expiringToken}`)).status).toBe(200);
    t.clock.advance(24 * 3600_000 + 60_000);
    try {
      const expired = await visitor.get<ErrorBody>(`/api/public/secure/${expiringToken}`);
      expect([expired.status, expired.body.code]).toEqual([410, 'LINK_EXPIRED']);
      expect((await visitor.post(`/api/public/secure/${expiringToken}/code`)).status).toBe(410);
    } finally {
      t.clock.advance(-(24 * 3600_000 + 60_000));
    }
    // an unknown token is not found, a malformed one is invalid
    expect((await visitor.get(`/api/public/secure/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await visitor.get('/api/public/secure/short')).status).toBe(400);
  });

  it('by email, the message carries the link only, never the document', async () => {
    const f = await practiceWithFamily();
    const document = await share(f.desk, f.jose.id, { title: 'Résultats' });
    const phone = recipient();
    const missingEmail = await f.desk.post<ErrorBody>(`/api/console/documents/${document.id}/secure-links`, {
      phone,
      channel: 'email',
    });
    expect(missingEmail.status).toBe(400);
    await sendLink(f.desk, document.id, { phone, channel: 'email', email: 'jose@test.example' });
    const email = await lastMessageTo(t.deps.db, 'jose@test.example');
    expect([email?.channel, email?.attachments]).toEqual(['email', null]);
    expect(email?.body).toContain('/rdv/document/');
    expect(email?.body).not.toContain('Résultats');
    expect(await lastMessageTo(t.deps.db, phone)).toBeUndefined();
  });
});

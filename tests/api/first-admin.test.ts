import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, practices, staff } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/auth/passwords';
import { createFirstPractice } from '../../src/server/modules/setup/create-first-practice';
import { issueSetupLink } from '../../src/server/modules/setup/setup-link';
import { TestClient } from '../support/client';
import { makePractice } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/** Issue 10 §4: a fresh production install gets a one-time link to create its first administrator. */
const opened: { t: TestApp; dataDir: string }[] = [];
afterEach(async () => {
  for (const { t, dataDir } of opened.splice(0)) {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** A server on an empty database (no practice), as at the first start, with its link. */
async function freshInstall(): Promise<{ t: TestApp; token: string; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sourire-setup-'));
  const t = await createTestApp({ config: { DATA_DIR: dataDir, NODE_ENV: 'production' } });
  opened.push({ t, dataDir });
  const { token } = await issueSetupLink(dataDir, t.deps.config.publicUrl, t.clock.now());
  return { t, token, dataDir };
}

const form = (token: string, overrides: Record<string, unknown> = {}) => ({
  token,
  practiceName: 'Cabinet du Lac',
  country: 'CH',
  timeZone: 'Europe/Zurich',
  firstName: 'Anne',
  lastName: 'Keller',
  email: 'Anne.Keller@cabinet-du-lac.example',
  password: 'a-long-enough-password',
  ...overrides,
});

describe('the first-administrator link', () => {
  it('creates the practice and its administrator, signs in, then stops working', async () => {
    const { t, token, dataDir } = await freshInstall();
    expect(statSync(join(dataDir, 'first-admin-link.json')).mode & 0o777).toBe(0o600);
    const browser = new TestClient(t.app);
    expect((await browser.post('/api/setup/inspect', { token })).status).toBe(200);

    const done = await browser.post('/api/setup', form(token));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      email: 'anne.keller@cabinet-du-lac.example',
      role: 'admin',
      practice: { name: 'Cabinet du Lac', slug: 'cabinet-du-lac', timeZone: 'Europe/Zurich' },
    });
    expect((await browser.get('/api/staff/me')).status).toBe(200);
    const [practice] = await t.deps.db.select().from(practices);
    expect(practice).toMatchObject({ country: 'CH', timeZone: 'Europe/Zurich' });
    const actions = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.practiceId, practice?.id ?? ''));
    expect(actions.map((row) => row.action).sort()).toEqual(['practice.create', 'staff.create']);

    // the link is spent: the page says so, a second use creates nothing
    const stranger = new TestClient(t.app);
    expect((await stranger.post('/api/setup/inspect', { token })).status).toBe(410);
    const again = await stranger.post('/api/setup', form(token, { email: 'intrus@example.com' }));
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('INVITATION_INVALID');
    expect(await t.deps.db.select({ id: staff.id }).from(staff)).toHaveLength(1);

    // the new administrator signs in with the chosen password
    const signIn = await new TestClient(t.app).post('/api/staff/sign-in', {
      email: 'anne.keller@cabinet-du-lac.example',
      password: 'a-long-enough-password',
    });
    expect(signIn.status).toBe(200);
  });

  it('refuses a wrong token, a replaced link and an expired one', async () => {
    const { t, token, dataDir } = await freshInstall();
    const client = new TestClient(t.app);
    expect((await client.post('/api/setup', form(`${token.slice(0, -2)}xx`))).status).toBe(410);
    // a restart prints a new link: the old one no longer works
    const { token: newer } = await issueSetupLink(dataDir, t.deps.config.publicUrl, t.clock.now());
    expect((await client.post('/api/setup', form(token))).status).toBe(410);
    t.clock.advance(24 * 3_600_000 + 1000);
    const expired = await client.post('/api/setup', form(newer));
    expect(expired.status).toBe(410);
    expect(await t.deps.db.select({ id: practices.id }).from(practices)).toHaveLength(0);
  });

  it('refuses when a practice already exists, even with a live link', async () => {
    const { t, token } = await freshInstall();
    await makePractice(t.deps.db);
    const client = new TestClient(t.app);
    expect((await client.post('/api/setup/inspect', { token })).status).toBe(410);
    expect((await client.post('/api/setup', form(token))).status).toBe(410);
    expect(await t.deps.db.select({ id: staff.id }).from(staff)).toHaveLength(0);
  });

  it('lets exactly one of ten simultaneous uses through', async () => {
    const { t, token } = await freshInstall();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        new TestClient(t.app).post('/api/setup', form(token, { email: `admin${i}@example.com` })),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array(9).fill(410)]);
    expect(await t.deps.db.select({ id: practices.id }).from(practices)).toHaveLength(1);
    expect(await t.deps.db.select({ id: staff.id }).from(staff)).toHaveLength(1);
  });

  it('creates one practice when ten creations meet in the database (page and command line alike)', async () => {
    const { t } = await freshInstall();
    const passwordHash = await hashPassword('a-long-enough-password');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createFirstPractice(t.deps, {
          practiceName: `Cabinet ${i}`,
          country: 'FR',
          timeZone: 'Europe/Paris',
          firstName: 'Anne',
          lastName: 'Keller',
          email: `admin${i}@example.com`,
          passwordHash,
        }),
      ),
    );
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    expect(await t.deps.db.select({ id: practices.id }).from(practices)).toHaveLength(1);
  });

  it('answers bad input with 400 and a message per field, in French and English', async () => {
    const { t, token } = await freshInstall();
    const bad = form(token, {
      practiceName: ' ',
      country: 'DE',
      timeZone: 'Mars/Olympus',
      firstName: '',
      email: 'not-an-email',
      password: 'short',
    });
    const french = await new TestClient(t.app).post('/api/setup', bad);
    expect(french.status).toBe(400);
    const issues = french.body.issues as { path: string; message: string }[];
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      ['country', 'email', 'firstName', 'password', 'practiceName', 'timeZone'].sort(),
    );
    expect(issues.find((issue) => issue.path === 'password')?.message).toContain('10 caractères');
    const english = await new TestClient(t.app, { lang: 'en' }).post('/api/setup', bad);
    const englishIssues = english.body.issues as { path: string; message: string }[];
    expect(englishIssues.find((issue) => issue.path === 'password')?.message).toContain('10 characters');
    // nothing was created, and the link still works
    expect(await t.deps.db.select({ id: practices.id }).from(practices)).toHaveLength(0);
    expect((await new TestClient(t.app).post('/api/setup', form(token))).status).toBe(200);
  });
});

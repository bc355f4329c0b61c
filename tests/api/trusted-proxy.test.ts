import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { rateLimits } from '../../src/server/db/schema';
import { makePatient, makePractice } from '../support/factories';
import { createTestApp, openTestDatabase, type TestApp } from '../support/test-app';

// Issue 10 §2: the address a rate limit counts is the client's, not one a client writes in X-Forwarded-For.

let database: Database;
const apps: TestApp[] = [];
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database.close();
});

async function appTrusting(trustProxy: string): Promise<TestApp> {
  const app = await createTestApp({ database, config: { TRUST_PROXY: trustProxy } });
  apps.push(app);
  // just after the start of an hour, so a test's attempts never straddle two windows of the limit
  const hour = 60 * 60_000;
  app.clock.advance(hour - (app.clock.now().getTime() % hour) + 1000);
  return app;
}

let practiceSlug = '';
beforeAll(async () => {
  const practice = await makePractice(database.db);
  await makePatient(database.db, practice.id, {
    lastName: 'Durand',
    firstName: 'Paul',
    birthDate: '1980-03-14',
    mobilePhone: '+33639981001',
  });
  practiceSlug = practice.slug;
});

let attempt = 0;

/** A patient sign-in with an identity that matches nobody: counted against the client's address. */
async function wrongIdentity(t: TestApp, peer: string, forwardedFor?: string) {
  attempt += 1;
  const answer = await t.app.inject({
    method: 'POST',
    url: '/api/patient/sign-in',
    remoteAddress: peer,
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
    },
    payload: JSON.stringify({
      practice: practiceSlug,
      phone: '06 39 98 10 01',
      lastName: 'Durand',
      firstName: `Nobody${attempt}`,
      birthDate: '1980-03-14',
    }),
  });
  return answer.json<{ code: string }>().code;
}

/** The addresses the per-address identity limit has counted, with their counts. */
async function countedAddresses(): Promise<Record<string, number>> {
  const rows = await database.db
    .select({ key: rateLimits.key, count: rateLimits.count })
    .from(rateLimits)
    .where(like(rateLimits.key, 'patient-identity-miss:ip:%'));
  const counted: Record<string, number> = {};
  for (const row of rows) {
    const address = row.key.slice('patient-identity-miss:ip:'.length);
    counted[address] = (counted[address] ?? 0) + row.count;
  }
  return counted;
}

async function countedFor(address: string): Promise<number> {
  return (await countedAddresses())[address] ?? 0;
}

describe('TRUST_PROXY=false (the default)', () => {
  it('ignores X-Forwarded-For: 21 forged addresses from one peer still meet its limit of 20', async () => {
    const t = await appTrusting('false');
    const peer = '198.51.100.10';
    const codes: string[] = [];
    for (let index = 0; index < 21; index += 1) {
      codes.push(await wrongIdentity(t, peer, `203.0.113.${index + 1}`));
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill('IDENTITY_NOT_MATCHED'));
    expect(codes[20]).toBe('TOO_MANY_ATTEMPTS');
    const counted = await countedAddresses();
    expect(counted[peer]).toBe(20);
    expect(Object.keys(counted).filter((address) => address.startsWith('203.0.113.'))).toEqual([]);
  });
});

describe('TRUST_PROXY=1', () => {
  it('counts the right-most X-Forwarded-For entry, whatever the client wrote before it', async () => {
    const t = await appTrusting('1');
    const proxy = '127.0.0.1';
    const client = '192.0.2.41';
    // what nginx sends with $proxy_add_x_forwarded_for: the client's own header, then the address it saw
    const codes: string[] = [];
    for (let index = 0; index < 21; index += 1) {
      codes.push(await wrongIdentity(t, proxy, `203.0.113.${index + 1}, ${client}`));
    }
    expect(codes[19]).toBe('IDENTITY_NOT_MATCHED');
    expect(codes[20]).toBe('TOO_MANY_ATTEMPTS');
    expect(await countedFor(client)).toBe(20);
    expect(await countedFor(proxy)).toBe(0);
    expect(await countedFor('203.0.113.1')).toBe(0);
  });

  it('counts the peer when no X-Forwarded-For came', async () => {
    const t = await appTrusting('1');
    await wrongIdentity(t, '192.0.2.42');
    expect(await countedFor('192.0.2.42')).toBe(1);
  });
});

describe('TRUST_PROXY with proxy addresses', () => {
  it('skips only the listed proxies, from the peer leftwards', async () => {
    const t = await appTrusting('127.0.0.1,10.0.0.0/8');
    // peer 127.0.0.1 → 10.1.2.3 (trusted) → 192.0.2.51 (the first untrusted: the client)
    await wrongIdentity(t, '127.0.0.1', '203.0.113.99, 192.0.2.51, 10.1.2.3');
    expect(await countedFor('192.0.2.51')).toBe(1);
    expect(await countedFor('203.0.113.99')).toBe(0);
    expect(await countedFor('10.1.2.3')).toBe(0);
  });

  it('believes no X-Forwarded-For from a peer that is not a listed proxy', async () => {
    const t = await appTrusting('127.0.0.1,10.0.0.0/8');
    await wrongIdentity(t, '198.51.100.61', '192.0.2.52');
    expect(await countedFor('198.51.100.61')).toBe(1);
    expect(await countedFor('192.0.2.52')).toBe(0);
  });
});

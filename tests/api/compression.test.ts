import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motifs, practices } from '../../src/server/db/schema';
import { compressThreshold, isCompressible } from '../../src/server/http/compress';
import { staffClient } from '../support/client';
import { makePatient, makeSchedulingPractice, nextWeekdayAt, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Compressed API answers (issue 9 §3.15): JSON above the threshold goes br or gzip as the client accepts,
 * as it is otherwise; small answers and the live event streams are never compressed.
 */

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

/** A practice open online: two dentists Monday–Friday, a motif booked online. */
async function openPractice() {
  const s = await makeSchedulingPractice(t.deps.db);
  await t.deps.db
    .update(practices)
    .set({ closedOnPublicHolidays: false })
    .where(eq(practices.id, s.practice.id));
  await t.deps.db
    .update(motifs)
    .set({ onlineBookable: true, minBookingDelayMinutes: 0, maxBookingDelayDays: 60 })
    .where(eq(motifs.id, s.motif.id));
  return s;
}

/** The booking page's week of free slots, the JSON Lighthouse found uncompressed. */
async function bookingSlots(acceptEncoding?: string) {
  const s = await openPractice();
  const answer = await t.app.inject({
    method: 'GET',
    url: `/api/public/practices/${s.practice.slug}/slots?motifId=${s.motif.id}&days=14`,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });
  return { s, answer };
}

describe('compressed API answers', () => {
  it('compresses a JSON answer with br, or gzip, when the client accepts it, and says it varies', async () => {
    const plain = (await bookingSlots()).answer;
    expect(plain.statusCode).toBe(200);
    expect(plain.rawPayload.length).toBeGreaterThan(compressThreshold);
    const json = plain.json();

    const br = (await bookingSlots('gzip, deflate, br')).answer;
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/^application\/json/);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    const fromBr = JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'));
    expect(Object.keys(fromBr).sort()).toEqual(Object.keys(json).sort());

    const gzip = (await bookingSlots('gzip')).answer;
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const fromGzip = JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'));
    expect(Object.keys(fromGzip).sort()).toEqual(Object.keys(json).sort());
  });

  it('sends it as it is to a client that accepts no compression, or only identity', async () => {
    for (const header of [undefined, 'identity', 'compress']) {
      const { answer } = await bookingSlots(header);
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-encoding'] ?? 'none').toMatch(/^(none|identity)$/);
      expect(() => answer.json()).not.toThrow();
    }
  });

  it('leaves small answers (under the threshold) and errors alone', async () => {
    const health = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(health.rawPayload.length).toBeLessThan(compressThreshold);
    expect(health.headers['content-encoding']).toBeUndefined();
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/patient/home',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('compresses JSON and text, never event streams nor stored files', () => {
    expect(isCompressible('application/json; charset=utf-8')).toBe(true);
    expect(isCompressible('application/problem+json')).toBe(true);
    expect(isCompressible('text/calendar; charset=utf-8')).toBe(true);
    expect(isCompressible('text/event-stream; charset=utf-8')).toBe(false);
    expect(isCompressible('Text/Event-Stream')).toBe(false);
    for (const stored of ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/webp']) {
      expect(isCompressible(stored)).toBe(false);
    }
  });
});

describe('the live agenda stream with a client that accepts compression', () => {
  it('is sent uncompressed and its events arrive at once', async () => {
    const s = await makeSchedulingPractice(t.deps.db);
    const patient = await makePatient(t.deps.db, s.practice.id, { ownPractitionerId: s.dentist.id });
    const admin = await staffClient(t.app, s.admin.email, testPassword);
    const signIn = await fetch(`${base}/api/staff/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: s.secretary.email, password: testPassword }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((header) => header.split(';')[0] ?? '')
      .find((pair) => pair.startsWith('sourire_staff='));

    const controller = new AbortController();
    const response = await fetch(`${base}/api/console/agenda/stream`, {
      headers: { cookie: cookie ?? '', accept: 'text/event-stream', 'accept-encoding': 'br, gzip, deflate' },
      signal: controller.signal,
    });
    try {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(response.headers.get('content-encoding')).toBeNull();
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      const booked = await admin.post<{ id: string }>('/api/console/appointments', {
        practitionerId: s.dentist.id,
        locationId: s.location.id,
        motifId: s.motif.id,
        patientId: patient.id,
        startsAt: nextWeekdayAt(9),
        patientAgreed: true,
      });
      expect(booked.status).toBe(201);
      const deadline = Date.now() + 5_000;
      while (!text.includes('event: change')) {
        if (Date.now() > deadline) throw new Error(`no change event; got ${JSON.stringify(text)}`);
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      expect(text).toContain(booked.body.id);
    } finally {
      controller.abort();
    }
  });
});

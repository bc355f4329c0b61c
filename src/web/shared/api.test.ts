import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  api,
  formOf,
  holdReadsUntilUnlocked,
  isApiError,
  sessionEnded,
  sessionUnlocked,
} from './api';

const locked = () =>
  new Response(JSON.stringify({ code: 'SESSION_LOCKED', message: 'Session verrouillée' }), {
    status: 401,
    headers: { 'content-type': 'application/json' },
  });
const ok = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** A promise's state without waiting for it. */
async function settled(promise: Promise<unknown>): Promise<'pending' | 'resolved' | 'rejected'> {
  const marker = Symbol('pending');
  const outcome = await Promise.race([
    promise.then(
      () => 'resolved' as const,
      () => 'rejected' as const,
    ),
    new Promise<typeof marker>((resolve) => setTimeout(() => resolve(marker), 10)),
  ]);
  return outcome === marker ? 'pending' : outcome;
}

describe('reads refused while the console is locked', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
    holdReadsUntilUnlocked(true);
  });
  afterEach(() => {
    holdReadsUntilUnlocked(false);
    sessionEnded(new Error('test over'));
    vi.unstubAllGlobals();
  });

  it('wait for the unlock, then are sent again and answer', async () => {
    fetchMock.mockResolvedValueOnce(locked()).mockResolvedValueOnce(ok({ items: [1, 2] }));
    const read = api.get<{ items: number[] }>('/api/console/staff');
    expect(await settled(read)).toBe('pending');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    sessionUnlocked();
    await expect(read).resolves.toEqual({ items: [1, 2] });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('fail with the reason when the session ends instead', async () => {
    fetchMock.mockResolvedValueOnce(locked());
    const read = api.get('/api/console/staff');
    expect(await settled(read)).toBe('pending');
    sessionEnded(new Error('signed out'));
    await expect(read).rejects.toThrow('signed out');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('stop waiting when their caller gives up', async () => {
    fetchMock.mockResolvedValueOnce(locked());
    const controller = new AbortController();
    const read = api.get('/api/console/staff', { signal: controller.signal });
    expect(await settled(read)).toBe('pending');
    controller.abort();
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('are not held for a change, nor outside the console', async () => {
    fetchMock.mockImplementation(async () => locked());
    await expect(api.post('/api/console/patients', { lastName: 'X' })).rejects.toMatchObject({
      code: 'SESSION_LOCKED',
    });
    holdReadsUntilUnlocked(false);
    await expect(api.get('/api/app/me')).rejects.toMatchObject({ code: 'SESSION_LOCKED' });
  });
});

describe('the one client', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends JSON with the language and same-origin credentials', async () => {
    fetchMock.mockResolvedValueOnce(ok({ id: 'a1' }));
    await expect(api.post('/api/public/booking/verify', { code: '123456' })).resolves.toEqual({ id: 'a1' });
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/public/booking/verify');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"code":"123456"}' });
    expect(init?.headers).toMatchObject({ accept: 'application/json', 'content-type': 'application/json' });
    expect(init?.headers).toHaveProperty('accept-language');
  });

  it('sends a multipart form as is, text fields first, without a JSON content type', async () => {
    fetchMock.mockResolvedValueOnce(ok({ id: 'm1' }));
    const file = new File(['x'], 'scan.pdf', { type: 'application/pdf' });
    const form = formOf({ body: 'Bonjour', authorPatientId: undefined }, [{ field: 'files', file }]);
    await expect(api.send('POST', '/api/patient/messages/threads/p1', form)).resolves.toEqual({ id: 'm1' });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.body).toBe(form);
    expect(init?.headers).not.toHaveProperty('content-type');
    expect([...form.keys()]).toEqual(['body', 'files']);
  });

  it('turns a refused upload and a lost connection into typed errors', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(
        JSON.stringify({ code: 'FILE_TOO_LARGE', message: 'Trop lourd', details: { maxMb: 10 } }),
        {
          status: 413,
        },
      ),
    );
    const refused = await api.send('PUT', '/api/console/message-templates/t1', formOf({})).catch((e) => e);
    expect(isApiError(refused, 'FILE_TOO_LARGE')).toBe(true);
    expect(refused).toMatchObject({ status: 413, message: 'Trop lourd' });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(api.get('/api/public/practices')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });
});

describe('error bodies', () => {
  it('keeps an API error body with its code and details', () => {
    const error = ApiError.fromAnswer(
      409,
      { code: 'SLOT_TAKEN', message: 'Créneau pris', details: { nextSlots: [] } },
      'fallback',
    );
    expect(isApiError(error, 'SLOT_TAKEN')).toBe(true);
    expect(error.message).toBe('Créneau pris');
  });

  it('does not take a foreign JSON error (a proxy’s) for an API error', () => {
    for (const body of [
      { code: 'ECONNRESET', message: 'upstream' },
      { code: 42 },
      { error: 'Bad Gateway' },
      null,
    ]) {
      const error = ApiError.fromAnswer(502, body, 'Le service ne répond pas');
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toBe('Le service ne répond pas');
    }
  });
});

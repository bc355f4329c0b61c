import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, holdReadsUntilUnlocked, sessionEnded, sessionUnlocked } from './api';

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

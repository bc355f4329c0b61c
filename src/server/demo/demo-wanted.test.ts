import { describe, expect, it } from 'vitest';
import { demoWanted, isLocalHost } from './seed-demo';

const local = { host: 'localhost', publicUrl: 'http://localhost:3000' };

describe('demoWanted', () => {
  it('seeds an empty database by default, outside production and on a local address only', () => {
    expect(demoWanted({ env: 'development', demo: 'auto', ...local }, true)).toBe(true);
    expect(demoWanted({ env: 'test', demo: 'auto', ...local }, true)).toBe(true);
    expect(demoWanted({ env: 'production', demo: 'auto', ...local }, true)).toBe(false);
    expect(demoWanted({ env: 'development', demo: 'auto', ...local }, false)).toBe(false);
  });

  it('does not seed a development server others can reach', () => {
    const auto = { env: 'development', demo: 'auto' } as const;
    expect(demoWanted({ ...auto, host: '0.0.0.0', publicUrl: 'http://localhost:3000' }, true)).toBe(false);
    expect(demoWanted({ ...auto, host: '::', publicUrl: 'http://localhost:3000' }, true)).toBe(false);
    expect(demoWanted({ ...auto, host: '127.0.0.1', publicUrl: 'https://cabinet.example' }, true)).toBe(
      false,
    );
    expect(demoWanted({ ...auto, host: '192.168.1.20', publicUrl: 'http://192.168.1.20:3000' }, true)).toBe(
      false,
    );
    expect(demoWanted({ ...auto, host: '127.0.0.1', publicUrl: 'http://[::1]:3000' }, true)).toBe(true);
  });

  it('follows an explicit choice', () => {
    expect(
      demoWanted(
        { env: 'production', demo: 'always', host: '0.0.0.0', publicUrl: 'https://x.example' },
        false,
      ),
    ).toBe(true);
    expect(demoWanted({ env: 'development', demo: 'never', ...local }, true)).toBe(false);
  });
});

describe('isLocalHost', () => {
  it('knows the loopback names and addresses', () => {
    for (const host of [
      'localhost',
      'LOCALHOST',
      'sourire.localhost',
      '127.0.0.1',
      '127.1.2.3',
      '::1',
      '[::1]',
    ]) {
      expect(isLocalHost(host), host).toBe(true);
    }
    for (const host of [
      '0.0.0.0',
      '::',
      '10.0.0.1',
      'localhost.example.com',
      'cabinet.example',
      '',
      '128.0.0.1',
    ]) {
      expect(isLocalHost(host), host).toBe(false);
    }
  });
});

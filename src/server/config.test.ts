import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseEnv, persistedFilesKey, toConfig } from './config';

const secret = () => 'generated-secret';

describe('configuration', () => {
  it('has safe demo defaults with no variable at all', () => {
    const config = toConfig(parseEnv({}), secret);
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: 'pglite' });
    expect(config.dataDir).toMatch(/data$/);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.sessionSecret).toBe('generated-secret');
    expect(config.demo).toBe('auto');
    expect(config.sms).toEqual({ provider: 'none' });
    expect(config.mail.smtpUrl).toBeNull();
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = toConfig(parseEnv({ DATABASE_URL: 'postgres://u@db:5432/sourire' }), secret);
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/sourire', poolSize: 10 });
  });

  it('keeps a given SESSION_SECRET and strips a trailing slash of PUBLIC_URL', () => {
    const config = toConfig(
      parseEnv({ SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://rdv.example.fr/' }),
      secret,
    );
    expect(config.sessionSecret).toBe('x'.repeat(40));
    expect(config.publicUrl).toBe('https://rdv.example.fr');
  });

  it('treats empty variables as absent', () => {
    expect(toConfig(parseEnv({ PORT: '', DATABASE_URL: '' }), secret).port).toBe(3000);
  });

  it('reads DEMO and booleans', () => {
    expect(toConfig(parseEnv({ DEMO: 'false', JOBS: 'no' }), secret)).toMatchObject({
      demo: 'never',
      jobs: false,
    });
  });

  it('reads TRUST_PROXY as off, a number of hops or a list of proxy addresses', () => {
    const trustOf = (value?: string) => toConfig(parseEnv({ TRUST_PROXY: value }), secret).trustProxy;
    expect(trustOf()).toBe(false);
    expect(trustOf('false')).toBe(false);
    expect(trustOf('0')).toBe(false);
    expect(trustOf('1')).toEqual({ hops: 1 });
    expect(trustOf('2')).toEqual({ hops: 2 });
    expect(trustOf('127.0.0.1')).toEqual({ proxies: ['127.0.0.1'] });
    expect(trustOf(' 127.0.0.1, 10.0.0.0/8,::1,fd00::/8 ,loopback')).toEqual({
      proxies: ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback'],
    });
  });

  it('refuses TRUST_PROXY=true, saying what to write instead', () => {
    for (const value of ['true', 'yes', 'on', 'TRUE']) {
      expect(() => parseEnv({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => parseEnv({ TRUST_PROXY: value })).toThrow(
        /TRUST_PROXY: .*number of proxies.*\(1\).*addresses/,
      );
    }
  });

  it('refuses a TRUST_PROXY that is neither a hop count nor addresses', () => {
    for (const value of [
      'proxy.example',
      '10.0.0.0/33',
      '10.0.0.1/8/2',
      '::1/129',
      '1.2.3',
      '-1',
      '11',
      '127.0.0.1,',
      'a,b',
    ]) {
      expect(() => parseEnv({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY/);
    }
  });

  it('fails fast naming every wrong variable and its value', () => {
    let error: unknown;
    try {
      parseEnv({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'short' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('"abc"');
    expect(message).toContain('LOG_LEVEL');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('SESSION_SECRET');
  });

  it('never echoes the value of a secret', () => {
    expect(() => parseEnv({ SESSION_SECRET: 'hunter2', DATABASE_URL: 'mysql://u:pw@x' })).toThrow(
      ConfigError,
    );
    try {
      parseEnv({ SESSION_SECRET: 'hunter2', DATABASE_URL: 'mysql://u:pw@x' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
      expect((error as Error).message).not.toContain('pw@x');
    }
  });

  it('requires the gateway URL when the HTTP SMS provider is chosen', () => {
    expect(() => parseEnv({ SMS_PROVIDER: 'http' })).toThrow(/SMS_HTTP_URL/);
    expect(
      toConfig(parseEnv({ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'https://sms.example/send' }), secret).sms,
    ).toMatchObject({
      provider: 'http',
      url: 'https://sms.example/send',
    });
  });

  it('encrypts files with FILES_KEY, 32 bytes in base64, and limits them to FILES_MAX_MB', () => {
    const key = randomBytes(32);
    const config = toConfig(parseEnv({ FILES_KEY: key.toString('base64'), FILES_MAX_MB: '5' }), secret);
    expect(config.files.key.equals(key)).toBe(true);
    expect(config.files.maxBytes).toBe(5 * 1024 * 1024);
    expect(config.files.dir).toMatch(/data[/\\]files$/);
    expect(toConfig(parseEnv({ FILES_KEY: key.toString('base64url') }), secret).files.key.equals(key)).toBe(
      true,
    );
    expect(toConfig(parseEnv({}), secret).files.maxBytes).toBe(20 * 1024 * 1024);
  });

  it('refuses a FILES_KEY that is not 32 bytes of base64, without echoing it', () => {
    for (const wrong of [randomBytes(16).toString('base64'), 'not a key at all', `${'A'.repeat(43)}!`]) {
      expect(() => parseEnv({ FILES_KEY: wrong })).toThrow(ConfigError);
      try {
        parseEnv({ FILES_KEY: wrong });
      } catch (error) {
        expect((error as Error).message).toContain('FILES_KEY');
        expect((error as Error).message).not.toContain(wrong);
      }
    }
  });
});

describe('generated files key', () => {
  const withDataDir = (test: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'sourire-config-'));
    try {
      test(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('is created once in the data directory, readable by the owner only, and kept', () =>
    withDataDir((dir) => {
      const first = persistedFilesKey(dir);
      expect(first.length).toBe(32);
      expect(statSync(join(dir, 'files-key')).mode & 0o777).toBe(0o600);
      expect(persistedFilesKey(dir).equals(first)).toBe(true);
      expect(loadConfig({ DATA_DIR: dir }).files.key.equals(first)).toBe(true);
    }));

  it('is not generated when FILES_KEY is set', () =>
    withDataDir((dir) => {
      const key = randomBytes(32);
      expect(loadConfig({ DATA_DIR: dir, FILES_KEY: key.toString('base64') }).files.key.equals(key)).toBe(
        true,
      );
      expect(existsSync(join(dir, 'files-key'))).toBe(false);
    }));

  it('stops the server rather than replace a damaged key file', () =>
    withDataDir((dir) => {
      writeFileSync(join(dir, 'files-key'), 'damaged\n');
      expect(() => persistedFilesKey(dir)).toThrow(ConfigError);
      expect(readFileSync(join(dir, 'files-key'), 'utf8')).toBe('damaged\n');
    }));
});

import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, toConfig } from './config';

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
    expect(toConfig(parseEnv({ DEMO: 'false', TRUST_PROXY: 'yes' }), secret)).toMatchObject({
      demo: 'never',
      trustProxy: true,
    });
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
});

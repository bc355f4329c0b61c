import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { ConfigError, generateVapidKeys, loadConfig, parseEnv, toConfig } from './config';

const secret = () => 'generated-secret';

describe('VAPID keys (Web Push)', () => {
  it('generates keys web-push accepts, and a mailto: subject from MAIL_FROM', () => {
    const config = toConfig(parseEnv({ MAIL_FROM: 'Cabinet <accueil@cabinet.example>' }), secret);
    expect(config.push.subject).toBe('mailto:accueil@cabinet.example');
    expect(Buffer.from(config.push.publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(config.push.privateKey, 'base64url')).toHaveLength(32);
    // web-push signs with them (it throws on a malformed key)
    const headers = webpush.getVapidHeaders(
      'https://fcm.googleapis.com',
      config.push.subject,
      config.push.publicKey,
      config.push.privateKey,
      'aes128gcm',
    );
    expect(headers.Authorization).toContain(`k=${config.push.publicKey}`);
  });

  it('takes the keys and subject from the environment, both keys or neither', () => {
    const keys = webpush.generateVAPIDKeys();
    const config = toConfig(
      parseEnv({
        VAPID_PUBLIC_KEY: keys.publicKey,
        VAPID_PRIVATE_KEY: keys.privateKey,
        VAPID_SUBJECT: 'https://cabinet.example/contact',
      }),
      secret,
    );
    expect(config.push).toEqual({ ...keys, subject: 'https://cabinet.example/contact' });
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: keys.publicKey })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => parseEnv({ VAPID_SUBJECT: 'http://cabinet.example' })).toThrow(/VAPID_SUBJECT/);
    let error: unknown;
    try {
      parseEnv({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: 'not-a-key' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    // the private key is a secret: never echoed
    expect((error as ConfigError).message).toContain('VAPID_PRIVATE_KEY');
    expect((error as ConfigError).message).not.toContain('not-a-key');
  });

  it('keeps generated keys in DATA_DIR across restarts, readable by the owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourire-vapid-'));
    try {
      const first = loadConfig({ DATA_DIR: dir }).push;
      const file = join(dir, 'vapid-keys.json');
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toContain(first.publicKey);
      expect(loadConfig({ DATA_DIR: dir }).push).toEqual(first);
      // a damaged file stops the server rather than being replaced (every subscription depends on it)
      writeFileSync(file, '{"publicKey":"x"}');
      expect(() => loadConfig({ DATA_DIR: dir })).toThrow(ConfigError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pads a private key with leading zero bytes to its 32 bytes', () => {
    for (let round = 0; round < 200; round += 1) {
      expect(Buffer.from(generateVapidKeys().privateKey, 'base64url')).toHaveLength(32);
    }
  });
});

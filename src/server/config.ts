import { createECDH, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** A FILES_KEY: 32 bytes in base64 (standard or URL-safe), as `openssl rand -base64 32` prints. */
function isFilesKey(value: string): boolean {
  return /^[A-Za-z0-9+/_-]{43}=?$/.test(value) && Buffer.from(value, 'base64').length === 32;
}

/** A VAPID key pair (Web Push): P-256, public key uncompressed (65 bytes), private key 32 bytes, base64url. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const base64urlOf = (length: number) => (value: string) =>
  /^[A-Za-z0-9_-]+$/.test(value) && Buffer.from(value, 'base64url').length === length;
const isVapidPublicKey = (value: string) =>
  base64urlOf(65)(value) && Buffer.from(value, 'base64url')[0] === 0x04;
const isVapidPrivateKey = base64urlOf(32);

/** A new VAPID key pair, as `web-push generate-vapid-keys` makes it. */
export function generateVapidKeys(): VapidKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    publicKey: ecdh.getPublicKey().toString('base64url'),
    // a private key with leading zero bytes comes back shorter: pad it to its 32 bytes
    privateKey: Buffer.from(ecdh.getPrivateKey('hex').padStart(64, '0'), 'hex').toString('base64url'),
  };
}

/**
 * Who may tell the client's address in `X-Forwarded-For`: nobody (`false`), the nearest `hops` proxies
 * (the right-most entries), or the proxies at these addresses / CIDR ranges only.
 */
export type TrustProxy = false | { hops: number } | { proxies: string[] };

/** The names proxy-addr knows for common ranges, accepted in a TRUST_PROXY list too. */
const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(value: string): boolean {
  if (namedRanges.has(value)) return true;
  const [address = '', prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: `false`, a number of trusted hops, or a comma-separated list of proxy addresses/CIDRs.
 * `true` is refused: it would believe the left-most `X-Forwarded-For` entry, which the client writes.
 */
const trustProxyVariable = z.string().transform((raw, ctx): TrustProxy => {
  const value = raw.trim().toLowerCase();
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  if (['true', 'yes', 'on'].includes(value)) {
    ctx.addIssue({
      code: 'custom',
      message:
        'true would trust any X-Forwarded-For a client writes; give the number of proxies in front of Sourire (1) or their addresses (127.0.0.1,10.0.0.0/8)',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 10) return { hops };
    ctx.addIssue({ code: 'custom', message: 'must be at most 10 trusted hops' });
    return z.NEVER;
  }
  const proxies = value.split(',').map((entry) => entry.trim());
  const wrong = proxies.filter((entry) => !isAddressOrRange(entry));
  if (wrong.length === 0) return { proxies };
  ctx.addIssue({
    code: 'custom',
    message: `must be false, a number of hops or a comma-separated list of IP addresses or CIDR ranges (not an address: ${wrong.map((entry) => `"${entry}"`).join(', ')})`,
  });
  return z.NEVER;
});

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

/**
 * Every environment variable Sourire reads. Documented in the README; parsed once at boot so a wrong
 * value stops the server with a readable message instead of failing later.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('localhost'),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    DATA_DIR: z.string().min(1).default('./data'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    FILES_KEY: z
      .string()
      .refine(isFilesKey, 'must be 32 bytes in base64 (openssl rand -base64 32)')
      .optional(),
    FILES_MAX_MB: z.coerce.number({ error: 'must be a number of megabytes' }).min(1).max(100).default(20),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Sourire <no-reply@sourire.localhost>'),
    SMS_PROVIDER: z.enum(['none', 'http']).default('none'),
    SMS_HTTP_URL: z.url().optional(),
    SMS_HTTP_TOKEN: z.string().min(1).optional(),
    SMS_SENDER: z.string().min(1).max(11).default('Sourire'),
    DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: trustProxyVariable.default(false),
    JOBS: booleanish.default(true),
    API_DOCS_PUBLIC: booleanish.default(false),
    VAPID_PUBLIC_KEY: z
      .string()
      .refine(isVapidPublicKey, 'must be a VAPID public key (npx web-push generate-vapid-keys)')
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .refine(isVapidPrivateKey, 'must be a VAPID private key (npx web-push generate-vapid-keys)')
      .optional(),
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'must be a mailto: address or an https:// URL')
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.SMS_PROVIDER === 'http' && !env.SMS_HTTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMS_HTTP_URL'], message: 'is required when SMS_PROVIDER=http' });
    }
    if (!env.VAPID_PUBLIC_KEY !== !env.VAPID_PRIVATE_KEY) {
      const missing = env.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required with the other VAPID key' });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Never echoed in error messages: they hold credentials. */
const secretVariables = new Set([
  'SESSION_SECRET',
  'FILES_KEY',
  'SMS_HTTP_TOKEN',
  'SMTP_URL',
  'DATABASE_URL',
  'VAPID_PRIVATE_KEY',
]);

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; poolSize: number };
  dataDir: string;
  sessionSecret: string;
  /** Stored files (attachments, documents): encrypted with `key` (AES-256) under `dir`. */
  files: { dir: string; key: Buffer; maxBytes: number };
  mail: { smtpUrl: string | null; from: string };
  sms: { provider: 'none' } | { provider: 'http'; url: string; token: string | null; sender: string };
  demo: 'auto' | 'always' | 'never';
  logLevel: Env['LOG_LEVEL'];
  /** Which peers may tell the client's address (`X-Forwarded-For`) and scheme (`X-Forwarded-Proto`). */
  trustProxy: TrustProxy;
  jobs: boolean;
  /** The API documentation (`/api/docs`) open to anyone, instead of to signed-in staff only. */
  apiDocsPublic: boolean;
  /**
   * Web Push (issue 9 §3.14): the VAPID keys the push services know this server by, and the contact
   * they may write to (`mailto:` or `https:`).
   */
  push: VapidKeys & { subject: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment variables; pure (the session secret file is handled by `loadConfig`). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(environment)';
        const given = source[name];
        const shown = given !== undefined && !secretVariables.has(name) ? ` (got "${given}")` : '';
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  return result.data;
}

/**
 * Builds the runtime configuration from parsed variables. `secret` supplies SESSION_SECRET when absent,
 * `filesKey` FILES_KEY; its default, a new random key, suits tests only: files written with it cannot be
 * read after a restart (`loadConfig` keeps a generated key in the data directory instead).
 */
export function toConfig(
  env: Env,
  secret: () => string,
  filesKey: () => Buffer = () => randomBytes(32),
  vapidKeys: () => VapidKeys = generateVapidKeys,
): Config {
  const mailFrom = /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM;
  const dataDir = resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: join(dataDir, 'pglite') },
    dataDir,
    sessionSecret: env.SESSION_SECRET ?? secret(),
    files: {
      dir: join(dataDir, 'files'),
      key: env.FILES_KEY ? Buffer.from(env.FILES_KEY, 'base64') : filesKey(),
      maxBytes: Math.round(env.FILES_MAX_MB * 1024 * 1024),
    },
    mail: { smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM },
    sms:
      env.SMS_PROVIDER === 'http' && env.SMS_HTTP_URL
        ? {
            provider: 'http',
            url: env.SMS_HTTP_URL,
            token: env.SMS_HTTP_TOKEN ?? null,
            sender: env.SMS_SENDER,
          }
        : { provider: 'none' },
    demo: env.DEMO === 'auto' ? 'auto' : env.DEMO === 'true' ? 'always' : 'never',
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    jobs: env.JOBS,
    apiDocsPublic: env.API_DOCS_PUBLIC,
    push: {
      ...(env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY
        ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY }
        : vapidKeys()),
      // the push services' contact: the address the practice's emails come from, unless given
      subject: env.VAPID_SUBJECT ?? `mailto:${mailFrom.trim()}`,
    },
  };
}

/**
 * Reads a value kept in the data directory, creating it on first start. The file is created exclusively,
 * so two instances starting together on one data directory agree on the value the first one wrote.
 */
function persisted(dataDir: string, name: string, generate: () => string): string {
  const file = join(resolve(dataDir), name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(resolve(dataDir), { recursive: true });
  try {
    writeFileSync(file, `${generate()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

/** The session secret kept in the data directory (random, 48 bytes), created on first start. */
export function persistedSecret(dataDir: string): string {
  return persisted(dataDir, 'session-secret', () => randomBytes(48).toString('base64url'));
}

/**
 * The files key kept in the data directory (random, 32 bytes, base64), created on first start. Losing it
 * loses every stored file; a key file that is not a valid key stops the server rather than being replaced.
 */
export function persistedFilesKey(dataDir: string): Buffer {
  const value = persisted(dataDir, 'files-key', () => randomBytes(32).toString('base64'));
  if (!isFilesKey(value)) {
    throw new ConfigError([
      `FILES_KEY: the key file ${join(resolve(dataDir), 'files-key')} is not a valid key`,
    ]);
  }
  return Buffer.from(value, 'base64');
}

/**
 * The VAPID keys kept in the data directory (JSON), created on first start. New keys would orphan every
 * browser's subscription (push services check the key they were subscribed with), so a damaged file
 * stops the server rather than being replaced.
 */
export function persistedVapidKeys(dataDir: string): VapidKeys {
  const value = persisted(dataDir, 'vapid-keys.json', () => JSON.stringify(generateVapidKeys()));
  const keys = (() => {
    try {
      return JSON.parse(value) as Partial<VapidKeys>;
    } catch {
      return {};
    }
  })();
  if (
    typeof keys.publicKey !== 'string' ||
    typeof keys.privateKey !== 'string' ||
    !isVapidPublicKey(keys.publicKey) ||
    !isVapidPrivateKey(keys.privateKey)
  ) {
    throw new ConfigError([
      `VAPID_PRIVATE_KEY: the key file ${join(resolve(dataDir), 'vapid-keys.json')} does not hold VAPID keys`,
    ]);
  }
  return { publicKey: keys.publicKey, privateKey: keys.privateKey };
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const env = parseEnv(source);
  return toConfig(
    env,
    () => persistedSecret(env.DATA_DIR),
    () => persistedFilesKey(env.DATA_DIR),
    () => persistedVapidKeys(env.DATA_DIR),
  );
}

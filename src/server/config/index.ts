import path from 'node:path';
import { z } from 'zod';

/**
 * The only module that reads `process.env`. Everything else receives a typed `Config`.
 * A bad value stops the start with one line per variable that names what it expects.
 */
const ZBoolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const ZPositiveInt = z.coerce.number().int().positive();

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL')
    .optional(),
  EMAIL_FROM: z.email().optional(),
  EMAIL_SENDER_NAME: z
    .string()
    .max(60)
    .regex(/^[^"<>\r\n]+$/, 'plain words without quotes or angle brackets')
    .default('Account notice'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d+|[\d.:/a-fA-F, ]+)$/,
      'true, false, a hop count, or a list of proxy addresses',
    )
    .default('false'),
  QUICK_EXIT_URL: z.url().default('https://www.wikipedia.org/'),
  SESSION_IDLE_MINUTES: ZPositiveInt.default(30),
  SESSION_MAX_HOURS: ZPositiveInt.default(12),
  AUTH_RATE_LIMIT_PER_MINUTE: ZPositiveInt.default(10),
  AUTH_RATE_LIMIT_PER_ACCOUNT_HOUR: ZPositiveInt.default(20),
  JOB_LEASE_SECONDS: ZPositiveInt.default(60),
  BACKUP_KEEP: ZPositiveInt.default(7),
  BACKUP_INTERVAL_HOURS: ZPositiveInt.default(24),
  BACKUPS: ZBoolean.default(true),
  API_DOCS: ZBoolean.optional(),
  TWO_STEP_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, '64 hexadecimal characters')
    .optional(),
});

const DESCRIPTIONS: Record<string, string> = {
  NODE_ENV: 'development, production or test',
  PORT: 'a port number from 0 to 65535',
  HOST: 'an address to listen on, such as 127.0.0.1 or 0.0.0.0',
  DATA_DIR: 'a folder path',
  PUBLIC_URL: 'the full address people open, such as https://hearts.example.org',
  EMAIL_FROM: 'an email address, such as no-reply@hearts.example.org',
  EMAIL_SENDER_NAME: 'a short name of up to 60 characters, without quotes or angle brackets',
  LOG_LEVEL: 'fatal, error, warn, info, debug, trace or silent',
  QUICK_EXIT_URL: 'a full https:// address of a neutral site',
  SESSION_IDLE_MINUTES: 'a whole number of minutes above 0',
  SESSION_MAX_HOURS: 'a whole number of hours above 0',
  AUTH_RATE_LIMIT_PER_MINUTE: 'a whole number above 0',
  AUTH_RATE_LIMIT_PER_ACCOUNT_HOUR: 'a whole number above 0',
  JOB_LEASE_SECONDS: 'a whole number of seconds above 0',
  BACKUP_KEEP: 'a whole number above 0',
  BACKUP_INTERVAL_HOURS: 'a whole number of hours above 0',
  BACKUPS: 'true or false',
  API_DOCS: 'true or false',
  TWO_STEP_KEY:
    '64 hexadecimal characters (32 random bytes), such as the output of `openssl rand -hex 32`',
};

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: URL;
  /** Cookies get `Secure` and the `__Host-` prefix when the public URL is HTTPS. */
  secureCookies: boolean;
  smtpUrl: string | undefined;
  /**
   * Who emails come from. The name is neutral by default ("Account notice"): an inbox someone
   * else may glance at should not say what the app is for.
   */
  email: { from: string; senderName: string };
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  trustProxy: boolean | number | string;
  quickExitUrl: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Tries per minute from one client address on each credential route. */
  authRateLimitPerMinute: number;
  /** Tries per hour about one email address or one account on each credential route. */
  authRateLimitPerAccountHour: number;
  /** How long a claimed outbox job belongs to its worker before another may retry it. */
  jobLeaseMs: number;
  backups: { enabled: boolean; keep: number; intervalMs: number };
  /**
   * Serve the interactive API docs at /api/docs. Their page needs a looser CSP than the app's,
   * so they are off by default in production; /api/openapi.json is always there.
   */
  apiDocs: boolean;
  /**
   * The key that seals authenticator-app secrets (decision 0032). Unset: a key file in `dataDir`,
   * made on first use; several server processes must share one key, so they set this.
   */
  twoStepKey: Buffer | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

function parseTrustProxy(raw: string): boolean | number | string {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

/** Parses an environment (defaults to `process.env`); throws `ConfigError` listing every bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", the way shells and .env files usually mean it.
  const env = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const expected = DESCRIPTIONS[name] ?? issue.message;
      return `Configuration: ${name} must be ${expected} (got ${JSON.stringify(env[name] ?? '')}).`;
    });
    throw new ConfigError([...new Set(problems)]);
  }
  const e = parsed.data;
  const publicUrl = new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    secureCookies: publicUrl.protocol === 'https:',
    smtpUrl: e.SMTP_URL,
    email: {
      from: e.EMAIL_FROM ?? `no-reply@${publicUrl.hostname}`,
      senderName: e.EMAIL_SENDER_NAME,
    },
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    quickExitUrl: e.QUICK_EXIT_URL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    apiDocs: e.API_DOCS ?? e.NODE_ENV !== 'production',
    authRateLimitPerAccountHour: e.AUTH_RATE_LIMIT_PER_ACCOUNT_HOUR,
    jobLeaseMs: e.JOB_LEASE_SECONDS * 1000,
    backups: {
      enabled: e.BACKUPS,
      keep: e.BACKUP_KEEP,
      intervalMs: e.BACKUP_INTERVAL_HOURS * 3_600_000,
    },
    twoStepKey: e.TWO_STEP_KEY ? Buffer.from(e.TWO_STEP_KEY, 'hex') : undefined,
  };
}

/** Test-only knobs read from the environment, kept here so nothing else touches `process.env`. */
export function readTestEnvironment(source: Record<string, string | undefined> = process.env) {
  return {
    postgresUrl: source.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test',
    chromiumPath: source.CHROMIUM_PATH || '/usr/bin/chromium',
    /** The API fuzz test: cases per operation and actor, and the seed (tests/integration/fuzz). */
    fuzzRuns: Number(source.FUZZ_RUNS) > 0 ? Number(source.FUZZ_RUNS) : undefined,
    fuzzSeed:
      Number.isInteger(Number(source.FUZZ_SEED)) && source.FUZZ_SEED
        ? Number(source.FUZZ_SEED)
        : undefined,
  };
}

/**
 * Configuration: read from the environment once, validated, frozen. A bad value stops the start
 * with an error that names the variable. Runtime policy that org admins change (refund rule,
 * frequency caps, send windows ...) lives in the database, not here.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(v), 'expected 1/0/true/false')
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'expected an integer')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `expected a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`,
    );

const schema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  INMAIL_DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_SIZE: int(1, 200).default(10),
  INMAIL_DEMO: bool.default(true),
  INMAIL_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('demo-password'),
  INMAIL_DEMO_MEMBERS: int(60, 1_000_000).default(5000),
  INMAIL_PUBLIC_URL: url(['http:', 'https:']).optional(),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  SMTP_FROM: z.string().trim().min(3).default('InMail <no-reply@inmail.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  INMAIL_SESSION_TTL_HOURS: int(1, 24 * 90).default(24 * 7),
  INMAIL_BODY_LIMIT_BYTES: int(1024, 50 * 1024 * 1024).default(1024 * 1024),
  INMAIL_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  INMAIL_LOGIN_MAX_FAILURES: int(1, 1000).default(5),
  INMAIL_LOGIN_LOCK_MINUTES: int(1, 24 * 60).default(15),
  INMAIL_SHUTDOWN_TIMEOUT_MS: int(100, 10 * 60_000).default(30_000),
  INMAIL_WORKER_CONCURRENCY: int(1, 64).default(4),
  INMAIL_SUBJECT_MAX: int(10, 1000).default(200),
  INMAIL_BODY_MAX: int(100, 20_000).default(2000),
  INMAIL_EXPIRY_DAYS: int(1, 365).default(90),
  INMAIL_NETWORK_CAP: int(1, 100).default(3),
  INMAIL_NETWORK_CAP_DAYS: int(1, 365).default(30),
  INMAIL_CONNECTION_NOTE_MAX: int(10, 1000).default(300),
  INMAIL_CONNECTION_WEEKLY_CAP: int(0, 10_000).default(0),
  INMAIL_CONNECTION_COOLDOWN_DAYS: int(0, 365).default(21),
  INMAIL_CAMPAIGN_BATCH: int(1, 5000).default(250),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  poolSize: number;
  demo: boolean;
  demoPassword: string;
  demoMembers: number;
  publicUrl: string | undefined;
  smtpUrl: string | undefined;
  smtpFrom: string;
  logLevel: string;
  sessionTtlHours: number;
  bodyLimitBytes: number;
  cookieSecure: 'auto' | 'true' | 'false';
  loginMaxFailures: number;
  loginLockMinutes: number;
  shutdownTimeoutMs: number;
  workerConcurrency: number;
  /** Network-wide message rules (the operator's, not an organization's). */
  subjectMax: number;
  bodyMax: number;
  inmailExpiryDays: number;
  networkCap: number;
  networkCapDays: number;
  connectionNoteMax: number;
  /** Connection requests a member may send per 7 days; 0 = no cap. */
  connectionWeeklyCap: number;
  connectionCooldownDays: number;
  /** Recipients a campaign sends to per transaction. */
  campaignBatchSize: number;
}>;

export class ConfigError extends Error {
  constructor(public readonly problems: { variable: string; message: string }[]) {
    super('Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from an environment (process.env by default). Empty strings count as
 * unset, so `PORT= npm start` uses the default rather than failing.
 *
 * @example
 * const config = loadConfig({ PORT: '8080' }); // config.port === 8080
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') input[key] = v;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.INMAIL_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    demo: e.INMAIL_DEMO,
    demoPassword: e.INMAIL_DEMO_PASSWORD,
    demoMembers: e.INMAIL_DEMO_MEMBERS,
    publicUrl: e.INMAIL_PUBLIC_URL,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.INMAIL_SESSION_TTL_HOURS,
    bodyLimitBytes: e.INMAIL_BODY_LIMIT_BYTES,
    cookieSecure: e.INMAIL_COOKIE_SECURE,
    loginMaxFailures: e.INMAIL_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.INMAIL_LOGIN_LOCK_MINUTES,
    shutdownTimeoutMs: e.INMAIL_SHUTDOWN_TIMEOUT_MS,
    workerConcurrency: e.INMAIL_WORKER_CONCURRENCY,
    subjectMax: e.INMAIL_SUBJECT_MAX,
    bodyMax: e.INMAIL_BODY_MAX,
    inmailExpiryDays: e.INMAIL_EXPIRY_DAYS,
    networkCap: e.INMAIL_NETWORK_CAP,
    networkCapDays: e.INMAIL_NETWORK_CAP_DAYS,
    connectionNoteMax: e.INMAIL_CONNECTION_NOTE_MAX,
    connectionWeeklyCap: e.INMAIL_CONNECTION_WEEKLY_CAP,
    connectionCooldownDays: e.INMAIL_CONNECTION_COOLDOWN_DAYS,
    campaignBatchSize: e.INMAIL_CAMPAIGN_BATCH,
    ...overrides,
  });
}

/** The variables the configuration reads, with their defaults, for `--help` and the docs. */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

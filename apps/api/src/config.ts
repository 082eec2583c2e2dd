import { hostname } from 'node:os';
import { ACCESS_HARD_LIMITS, type AccessPolicy, CATEGORIES, type Category } from '@docket/contracts';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1');

// Grant durations: whole minutes, never more than a week whatever the configuration says.
const minutes = z.coerce.number().int().min(1).max(ACCESS_HARD_LIMITS.maxMinutes);

const retentionDays = z.coerce
  .number()
  .int()
  .min(1)
  .max(100 * 365);

/**
 * Longer than the default where the law or the harm asks for it: US law (18 U.S.C. § 2258A(h))
 * has providers keep what they report to NCMEC for a year; threats and self-harm for six months.
 */
const RETENTION_DEFAULTS = 'child_safety=365,grooming=365,sextortion=365,violent_threat=180,self_harm=180';

/** Every environment variable Docket reads (the README's table mirrors this). */
const Env = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
    DATABASE_ROLE: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a plain role name, e.g. docket_app')
      .optional(),
    DATABASE_OWNER_URL: z.string().url().optional(),
    DOCKET_DATA_DIR: z.string().optional(),
    DOCKET_DEMO: flag,
    PUBLIC_URL: z.string().url().optional(),
    TRUST_PROXY: flag,
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24)
      .default(12),
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    SIGN_IN_LOCKOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Unset: short readable lines in an interactive terminal, JSON everywhere else.
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    CONSOLE_DIST: z.string().optional(),
    DOCKET_KEYRING_FILE: z.string().optional(),
    DOCKET_AUDIT_SIGNING_KEY_FILE: z.string().optional(),
    AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    DOCKET_DEMO_REPORTS: z.coerce.number().int().min(0).max(1_000_000).default(3000),
    QUEUE_SUMMARY_MAX_AGE_SECONDS: z.coerce.number().min(0).max(300).default(2),
    // How long a process may answer for a session from memory (ADR 047); 0 asks the database every request.
    SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(10),
    ACCESS_MIN_MINUTES: minutes.default(15),
    ACCESS_MAX_MINUTES: minutes.default(24 * 60),
    ACCESS_PENDING_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24)
      .default(24),
    JOBS_POLL_MS: z.coerce.number().int().min(0).max(60_000).default(250),
    JOBS_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    // How late a deadline (a pending request's, a grant's, a lease's) may be recorded.
    JOBS_SWEEP_MS: z.coerce.number().int().min(100).max(300_000).default(5000),
    JOBS_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
    // The dashboard's queue history: one snapshot of every queue per interval, kept this many days.
    DASHBOARD_SNAPSHOT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(300_000),
    DASHBOARD_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(10_000),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    // The EU Transparency Database's multi-statement endpoint; unset: statements are not sent.
    TDB_URL: z.url({ protocol: /^https?$/ }).optional(),
    TDB_TOKEN: z.string().min(1).optional(),
    TDB_PUID_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,40}$/, 'letters, digits, - and _ only')
      .default('docket'),
    TDB_SUBMIT_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
    TDB_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
    // How often the newest signed checkpoint goes to the platform (audit.checkpoint); 0: never.
    AUDIT_WITNESS_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
    // Calendar months: DSA Art. 20 asks for at least six of them.
    APPEAL_WINDOW_MONTHS: z.coerce.number().int().min(6).max(120).default(6),
    // Seconds a decider may undo a decision before it takes effect and the platform hears of it (0: no undo).
    DECISION_UNDO_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    // How long after a grant ends its participants are told of the reads (0: at once).
    ACCESS_NOTICE_DELAY_HOURS: z.coerce
      .number()
      .min(0)
      .max(30 * 24)
      .default(24),
    BREAK_GLASS_MAX_MINUTES: z.coerce.number().int().min(1).max(ACCESS_HARD_LIMITS.breakGlassMaxMinutes).default(15),
    // Days a closed case's conversation is kept before retention destroys its content (ADR 031).
    RETENTION_DAYS: retentionDays.default(90),
    RETENTION_DAYS_BY_CATEGORY: z
      .string()
      .regex(
        new RegExp(`^((${CATEGORIES.join('|')})=\\d+)(,(${CATEGORIES.join('|')})=\\d+)*$`),
        'category=days pairs separated by commas, e.g. child_safety=365,spam=30',
      )
      .refine((pairs) => pairs.split(',').every((pair) => retentionDays.safeParse(pair.split('=')[1]).success), {
        message: 'days must be whole numbers from 1 to 36500',
      })
      .optional(),
    RETENTION_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    STAFF_ENROL_LINK_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(14 * 24)
      .default(72),
    // This replica's name in pg_stat_activity (docket/<name>) and its logs; default the host name.
    DOCKET_INSTANCE: z
      .string()
      .regex(/^[\w.-]{1,40}$/)
      .optional(),
    // Bearer token for /metrics; unset: no metrics endpoint (ADR 034).
    METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
    // Longest a SIGTERM shutdown may take before the process exits anyway.
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    STAFF_RESET_LINK_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
  })
  .refine((env) => env.ACCESS_MIN_MINUTES <= env.ACCESS_MAX_MINUTES, {
    message: 'must not be greater than ACCESS_MAX_MINUTES',
    path: ['ACCESS_MIN_MINUTES'],
  })
  .refine((env) => !env.TDB_URL || env.TDB_TOKEN, { message: 'is needed with TDB_URL', path: ['TDB_TOKEN'] });

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** The role every connection takes on (`docket_app` in production). */
  databaseRole: string | undefined;
  /** Migrations connect here (the schema owner) when set; otherwise to `databaseUrl`. */
  databaseOwnerUrl: string | undefined;
  demo: boolean;
  publicUrl: string | undefined;
  trustProxy: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  signIn: { maxFailures: number; lockoutMinutes: number; maxFailuresPerIp: number };
  /** How long one-time enrolment and password-reset links stay usable. */
  staffLinks: { enrolHours: number; resetMinutes: number };
  logLevel: string;
  logFormat: 'json' | 'pretty' | undefined;
  consoleDist: string | undefined;
  keyringFile: string | undefined;
  auditSigningKeyFile: string | undefined;
  /** Milliseconds between sealing rounds; 0: this process does not seal. */
  auditSealIntervalMs: number;
  demoReports: number;
  queueSummaryMaxAgeSeconds: number;
  sessionCacheSeconds: number;
  access: AccessPolicy;
  /** Milliseconds between job runner polls when idle; 0: this process runs no background jobs. */
  /** `keepDays`: how long a finished job is kept before the hourly prune deletes it. */
  jobs: { pollMs: number; leaseMs: number; sweepMs: number; keepDays: number };
  webhooks: { maxAttempts: number; retryBaseMs: number; timeoutMs: number };
  /** How long after a decision its user may appeal; each statement of reasons names the date. */
  decisions: { appealWindowMonths: number; undoSeconds: number };
  accessNotices: { delayHours: number };
  /** Bearer token Prometheus presents at /metrics; undefined: no metrics endpoint. */
  metricsToken: string | undefined;
  shutdownTimeoutMs: number;
  /** This replica's name (pg_stat_activity, logs). */
  instance: string;
  /** Statements of reasons to the EU Transparency Database; null: not sent (ADR 036). */
  tdb: { url: string; token: string; puidPrefix: string; intervalMs: number; timeoutMs: number } | null;
  /** Milliseconds between checkpoints sent to the platform; 0: none (ADR 037). */
  auditWitnessIntervalMs: number;
  /** Days each category's closed cases keep their conversation's content; how often retention runs. */
  retention: { days: Record<Category, number>; sweepMs: number };
  /** How often every queue's counts are recorded for the dashboard, and for how many days. */
  dashboard: { snapshotMs: number; keepDays: number };
};

/** RETENTION_DAYS for every category, then the defaults above, then what was configured. */
function retentionByCategory(defaultDays: number, configured: string | undefined): Record<Category, number> {
  const days = Object.fromEntries(CATEGORIES.map((category) => [category, defaultDays])) as Record<Category, number>;
  for (const pairs of [RETENTION_DEFAULTS, configured ?? '']) {
    for (const pair of pairs.split(',').filter(Boolean)) {
      const [category, value] = pair.split('=') as [Category, string];
      days[category] = Number(value);
    }
  }
  return days;
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`FOO=`) means unset, as shells and compose files tend to produce them.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  for (const name of ['DATABASE_ROLE', 'DATABASE_OWNER_URL'] as const) {
    if (env[name] && !env.DATABASE_URL) {
      throw new Error(`invalid configuration:\n  ${name}: needs DATABASE_URL (the embedded database is single-user)`);
    }
  }
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    databaseRole: env.DATABASE_ROLE,
    databaseOwnerUrl: env.DATABASE_OWNER_URL,
    demo: env.DOCKET_DEMO,
    publicUrl: env.PUBLIC_URL,
    trustProxy: env.TRUST_PROXY,
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS },
    staffLinks: { enrolHours: env.STAFF_ENROL_LINK_HOURS, resetMinutes: env.STAFF_RESET_LINK_MINUTES },
    signIn: {
      maxFailures: env.SIGN_IN_MAX_FAILURES,
      lockoutMinutes: env.SIGN_IN_LOCKOUT_MINUTES,
      maxFailuresPerIp: env.SIGN_IN_MAX_FAILURES * 6,
    },
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    consoleDist: env.CONSOLE_DIST,
    keyringFile: env.DOCKET_KEYRING_FILE,
    auditSigningKeyFile: env.DOCKET_AUDIT_SIGNING_KEY_FILE,
    auditSealIntervalMs: env.AUDIT_SEAL_INTERVAL_MS,
    demoReports: env.DOCKET_DEMO_REPORTS,
    queueSummaryMaxAgeSeconds: env.QUEUE_SUMMARY_MAX_AGE_SECONDS,
    sessionCacheSeconds: env.SESSION_CACHE_SECONDS,
    jobs: {
      pollMs: env.JOBS_POLL_MS,
      leaseMs: env.JOBS_LEASE_SECONDS * 1000,
      sweepMs: env.JOBS_SWEEP_MS,
      keepDays: env.JOBS_KEEP_DAYS,
    },
    webhooks: {
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    },
    decisions: { appealWindowMonths: env.APPEAL_WINDOW_MONTHS, undoSeconds: env.DECISION_UNDO_SECONDS },
    accessNotices: { delayHours: env.ACCESS_NOTICE_DELAY_HOURS },
    metricsToken: env.METRICS_TOKEN,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    instance: env.DOCKET_INSTANCE ?? hostname().slice(0, 40),
    tdb:
      env.TDB_URL && env.TDB_TOKEN
        ? {
            url: env.TDB_URL,
            token: env.TDB_TOKEN,
            puidPrefix: env.TDB_PUID_PREFIX,
            intervalMs: env.TDB_SUBMIT_INTERVAL_MS,
            timeoutMs: env.TDB_TIMEOUT_MS,
          }
        : null,
    auditWitnessIntervalMs: env.AUDIT_WITNESS_INTERVAL_MS,
    retention: {
      days: retentionByCategory(env.RETENTION_DAYS, env.RETENTION_DAYS_BY_CATEGORY),
      sweepMs: env.RETENTION_SWEEP_MS,
    },
    dashboard: { snapshotMs: env.DASHBOARD_SNAPSHOT_MS, keepDays: env.DASHBOARD_KEEP_DAYS },
    access: {
      minMinutes: env.ACCESS_MIN_MINUTES,
      maxMinutes: env.ACCESS_MAX_MINUTES,
      pendingHours: env.ACCESS_PENDING_HOURS,
      breakGlassMaxMinutes: env.BREAK_GLASS_MAX_MINUTES,
      justificationMinLength: ACCESS_HARD_LIMITS.justificationMinLength,
      maxContext: ACCESS_HARD_LIMITS.maxContext,
    },
  };
}

import { plainToInstance, Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * Every setting the product reads, validated once at start. Nothing else reads process.env:
 * apps call loadConfig(process.env); tests pass their own object.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  @MinLength(1)
  DATABASE_URL!: string;

  @IsString()
  @MinLength(1)
  REDIS_URL!: string;

  /** Unset: the embedded search engine on PostgreSQL. Set: Meilisearch at that address. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  MEILI_HOST?: string;

  @IsOptional()
  @IsString()
  MEILI_API_KEY?: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(16, { message: 'JWT_ACCESS_SECRET must be at least 16 characters' })
  JWT_ACCESS_SECRET!: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 900 : Number(value)))
  @IsInt()
  @Min(30)
  JWT_ACCESS_TTL_SECONDS = 900;

  /**
   * Rotation: the secret JWT_ACCESS_SECRET replaced. Tokens it signed are still accepted (never issued) until they
   * expire; remove it one access-token lifetime after the switch (docs/OPERATIONS.md).
   */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'JWT_ACCESS_SECRET_PREVIOUS must be at least 16 characters' })
  JWT_ACCESS_SECRET_PREVIOUS?: string;

  /** Interface the api binds to: loopback unless told otherwise (the Docker image sets 0.0.0.0). */
  @IsString()
  @Matches(/^[\w.:-]+$/, { message: 'HOST must be an address or host name, e.g. 127.0.0.1 or 0.0.0.0' })
  HOST = '127.0.0.1';

  /**
   * Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed.
   * Empty: the client address is the socket's, whatever the headers say.
   */
  @IsString()
  @Matches(/^[\w.:/, -]*$/, { message: 'TRUSTED_PROXIES must be a comma-separated list of addresses or CIDR ranges' })
  TRUSTED_PROXIES = '';

  /** 等保 2.0: a session ends after this long without a token refresh (must exceed the access-token lifetime). */
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  SESSION_IDLE_MINUTES = 30;

  /** 等保 2.0: and after this long since sign-in, however active. */
  @Transform(({ value }) => (value === undefined || value === '' ? 12 : Number(value)))
  @IsInt()
  @Min(1)
  SESSION_MAX_HOURS = 12;

  /** Failed sign-ins for one account (within SIGN_IN_LOCK_MINUTES) before it is locked. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt()
  @Min(1)
  SIGN_IN_MAX_FAILURES = 5;

  /** How long a locked account stays locked; also the window in which failures are counted. */
  @Transform(({ value }) => (value === undefined || value === '' ? 15 : Number(value)))
  @IsInt()
  @Min(1)
  SIGN_IN_LOCK_MINUTES = 15;

  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(8)
  @Max(64)
  PASSWORD_MIN_LENGTH = 10;

  /** Of lower-case letters, upper-case letters, digits and other characters, how many a password must use. */
  @Transform(({ value }) => (value === undefined || value === '' ? 3 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(4)
  PASSWORD_MIN_CLASSES = 3;

  /** A new password may not equal any of the last N (the current one included). */
  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(24)
  PASSWORD_HISTORY = 5;

  /** Days after which a password must be changed before the next sign-in; 0 = never. */
  @Transform(({ value }) => (value === undefined || value === '' ? 90 : Number(value)))
  @IsInt()
  @Min(0)
  PASSWORD_MAX_AGE_DAYS = 90;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  /** Prefix of every BullMQ key, so that several deployments (or test files) share one Redis. */
  @IsString()
  QUEUE_PREFIX = 'techbridge';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Where the local-disk storage adapter keeps attachments. */
  @IsString()
  STORAGE_DIR = './var/storage';

  /** Built web portal to serve at /, if present. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /** Requests per minute per client on auth routes. */
  @Transform(({ value }) => (value === undefined || value === '' ? 20 : Number(value)))
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

  /** The worker writes the time here after reaching PostgreSQL and Redis (every 15 s), for its container healthcheck. */
  @IsOptional()
  @IsString()
  WORKER_HEARTBEAT_FILE?: string;

  /** The worker's outbox relay poll interval. */
  @Transform(({ value }) => (value === undefined || value === '' ? 500 : Number(value)))
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 500;

  /** Failed deliveries of one outbox message before it is set aside as dead (administrators see and retry it). */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  OUTBOX_MAX_ATTEMPTS = 10;

  /** Days a delivered outbox message is kept (for tracing) before the hourly prune deletes it. */
  @Transform(({ value }) => (value === undefined || value === '' ? 7 : Number(value)))
  @IsInt()
  @Min(0)
  OUTBOX_RETENTION_DAYS = 7;

  /** Times a job may stall (its worker died or hung past the lock) and still be retried; handlers are idempotent. */
  @Transform(({ value }) => (value === undefined || value === '' ? 20 : Number(value)))
  @IsInt()
  @Min(1)
  JOB_MAX_STALLED_COUNT = 20;

  /**
   * Outgoing mail server for notification e-mails, e.g. smtps://user:password@smtp.example.cn:465 or smtp://127.0.0.1:2525.
   * Unset: notifications stay in-app only.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// address' })
  SMTP_URL?: string;

  /** Sender of notification e-mails (the mail server must accept it), e.g. "科技大市场 <noreply@example.cn>". */
  @IsString()
  @MinLength(3)
  SMTP_FROM = 'TechBridge <noreply@techbridge.local>';

  /** The portal's public address, for links in e-mails (e.g. https://kjdsc.example.cn); unset: e-mails carry no links. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  /** Site footer: the host organisation (主办单位). */
  @IsString()
  SITE_HOST_ORGANISATION = '';

  /** Site footer: contact line (telephone, e-mail or address as the host wants it shown). */
  @IsString()
  SITE_CONTACT = '';

  /** Site footer: the ICP filing number (ICP备案号), e.g. 冀ICP备12345678号-1; empty: not shown. */
  @IsString()
  SITE_ICP_NUMBER = '';
  /** 等保 2.0: audit entries are kept this many days (at least 180; the database refuses to delete younger ones), then pruned daily. */
  @Transform(({ value }) => (value === undefined || value === '' ? 180 : Number(value)))
  @IsInt()
  @Min(180, { message: 'AUDIT_RETENTION_DAYS must be at least 180 (等保 2.0)' })
  AUDIT_RETENTION_DAYS = 180;

  /** Bearer token Prometheus sends to GET /metrics (api) and the worker's metrics port; unset: metrics are not served. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** The worker serves its own metrics (job runs, failures, pool) on HOST at this port; unset: none. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_METRICS_PORT?: number;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: { variable: string; messages: string[] }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.messages.join('; ')}`).join('\n'),
    );
  }
}

const KNOWN_VARIABLES = [
  'NODE_ENV', 'DATABASE_URL', 'REDIS_URL', 'MEILI_HOST', 'MEILI_API_KEY', 'PORT', 'JWT_ACCESS_SECRET', 'JWT_ACCESS_TTL_SECONDS',
  'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'QUEUE_PREFIX', 'LOG_LEVEL', 'STORAGE_DIR', 'WEB_DIST_DIR',
  'AUTH_RATE_LIMIT_PER_MINUTE', 'OUTBOX_POLL_MS',
  'OUTBOX_MAX_ATTEMPTS', 'OUTBOX_RETENTION_DAYS', 'JOB_MAX_STALLED_COUNT',
  'HOST', 'TRUSTED_PROXIES', 'SESSION_IDLE_MINUTES', 'SESSION_MAX_HOURS', 'SIGN_IN_MAX_FAILURES', 'SIGN_IN_LOCK_MINUTES',
  'PASSWORD_MIN_LENGTH', 'PASSWORD_MIN_CLASSES', 'PASSWORD_HISTORY', 'PASSWORD_MAX_AGE_DAYS', 'WORKER_HEARTBEAT_FILE',
  'SMTP_URL', 'SMTP_FROM', 'PUBLIC_URL', 'SITE_HOST_ORGANISATION', 'SITE_CONTACT', 'SITE_ICP_NUMBER',
  'METRICS_TOKEN', 'WORKER_METRICS_PORT', 'AUDIT_RETENTION_DAYS',
  'JWT_ACCESS_SECRET_PREVIOUS',
] as const;

/** Validate the environment (or an explicit object) and fail with every bad variable named. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const input: Record<string, string> = {};
  for (const k of KNOWN_VARIABLES) {
    const v = env[k];
    if (v !== undefined && v !== '') input[k] = v;
  }
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  const problems = validateSync(config).map((e) => ({ variable: e.property, messages: Object.values(e.constraints ?? { invalid: 'is invalid' }) }));
  // An idle timeout shorter than an access token's life would end sessions of people still working.
  if (!problems.length && config.SESSION_IDLE_MINUTES * 60 <= config.JWT_ACCESS_TTL_SECONDS) {
    problems.push({ variable: 'SESSION_IDLE_MINUTES', messages: ['SESSION_IDLE_MINUTES must be longer than JWT_ACCESS_TTL_SECONDS'] });
  }
  if (problems.length) throw new ConfigValidationError(problems);
  return config;
}

import { plainToInstance, Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, validateSync } from 'class-validator';

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

  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  REFRESH_TOKEN_TTL_DAYS = 30;

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
  'REFRESH_TOKEN_TTL_DAYS', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'QUEUE_PREFIX', 'LOG_LEVEL', 'STORAGE_DIR', 'WEB_DIST_DIR',
  'AUTH_RATE_LIMIT_PER_MINUTE', 'OUTBOX_POLL_MS',
  'OUTBOX_MAX_ATTEMPTS', 'OUTBOX_RETENTION_DAYS', 'JOB_MAX_STALLED_COUNT',
] as const;

/** Validate the environment (or an explicit object) and fail with every bad variable named. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const input: Record<string, string> = {};
  for (const k of KNOWN_VARIABLES) {
    const v = env[k];
    if (v !== undefined && v !== '') input[k] = v;
  }
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  const errors = validateSync(config);
  if (errors.length) {
    throw new ConfigValidationError(
      errors.map((e) => ({ variable: e.property, messages: Object.values(e.constraints ?? { invalid: 'is invalid' }) })),
    );
  }
  return config;
}

import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** Secrets that ship in this repo for local use; production refuses to start with them. */
export const DEV_SESSION_SECRET = 'dev-only-session-secret-change-me';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes'].includes(String(value).toLowerCase());

/** The environment, validated once at boot. Defaults work on a developer machine. */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsInt()
  @Min(0)
  @Max(65535)
  @Transform(({ value }) => Number(value))
  PORT = 3000;

  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/waardenkompas';

  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Namespaces every queue key, so that test runs and tenants of one Redis do not meet. */
  @IsString()
  QUEUE_PREFIX = 'wk';

  /** Used to derive single-use link signatures; sessions themselves are random tokens stored hashed. */
  @IsString()
  @MinLength(16)
  SESSION_SECRET = DEV_SESSION_SECRET;

  @IsInt()
  @Min(1)
  @Max(24 * 30)
  @Transform(({ value }) => Number(value))
  SESSION_TTL_HOURS = 12;

  /** smtp://user:pass@host:port; unset keeps every message in the outbox. */
  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Waardenkompas <no-reply@waardenkompas.local>';

  /** The address people reach the web app on; used in mailed links. */
  @IsString()
  PUBLIC_URL = '';

  /** Load the demo organisation on first start. Default on outside production. */
  @IsOptional()
  @IsBoolean()
  @Transform(toBool)
  DEMO?: boolean;

  /** Login attempts per IP per 15 minutes (any account). */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  LOGIN_LIMIT_PER_IP = 100;

  /** Failed sign-ins per account from one IP per hour; other IPs (the real user) can still sign in. */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  LOGIN_FAILURES_PER_ACCOUNT = 10;

  /**
   * Failed sign-ins per account from all IPs together per hour. Past it, password sign-in is refused
   * everywhere; a password reset by e-mail still works and lifts the lock.
   */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  LOGIN_FAILURES_PER_ACCOUNT_TOTAL = 50;

  /**
   * Password-reset mails per address per hour, whichever IPs ask: past it the request still answers
   * 202 (nothing tells whether the address exists) but no mail goes out, so nobody can flood an inbox.
   */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  RESET_MAILS_PER_ADDRESS = 3;

  /** Requests per IP per 15 minutes on public link endpoints (the self-assessment form). */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  PUBLIC_LIMIT_PER_IP = 600;

  /**
   * Responses per open survey link from one IP per day. A shop or office behind one address
   * still fits; one client filling the survey hundreds of times does not. Counted in Redis only.
   */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  OPEN_LINK_RESPONSES_PER_IP = 50;

  /** Outgoing webhooks: attempts per delivery and the first retry's delay (doubling each time). */
  @IsInt()
  @Min(1)
  @Max(20)
  @Transform(({ value }) => Number(value))
  WEBHOOK_ATTEMPTS = 8;

  @IsInt()
  @Min(10)
  @Transform(({ value }) => Number(value))
  WEBHOOK_BACKOFF_MS = 30_000;

  /** Directory of the built web app that the api serves; empty disables it. */
  @IsString()
  WEB_DIST = 'dist/apps/web';

  /** Api processes on this machine (node:cluster, one port); 1 runs the api in the main process. */
  @IsInt()
  @Min(1)
  @Max(64)
  @Transform(({ value }) => Number(value))
  API_PROCESSES = 1;

  /** Trust X-Forwarded-For from this many proxies (for per-IP limits behind a load balancer). */
  @IsInt()
  @Min(0)
  @Transform(({ value }) => Number(value))
  TRUST_PROXY = 0;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get demoEnabled(): boolean {
    return this.DEMO ?? !this.isProduction;
  }

  get publicUrl(): string {
    return (this.PUBLIC_URL || `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const picked = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => value !== undefined && (known.includes(key) || key === 'DEMO' || key === 'SMTP_URL'),
    ),
  );
  const config = plainToInstance(AppConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (config.isProduction && config.SESSION_SECRET === DEV_SESSION_SECRET) {
    throw new ConfigError(
      'Refusing to start in production with the default SESSION_SECRET: set SESSION_SECRET.',
    );
  }
  return config;
}

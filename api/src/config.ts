import path from 'node:path';

/** Everything the process reads from its environment, validated once at boot. */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  /** Set when an external PostgreSQL is used; otherwise the embedded one is started. */
  readonly databaseUrl: string | undefined;
  readonly embedded: {
    readonly dataDir: string;
    readonly port: number;
  };
  /** Seed the demo data: always on the embedded database's first start, on request otherwise. */
  readonly seedDemo: boolean;
  readonly jwt: {
    /** Undefined only for the embedded database, where a secret is generated and kept in its data folder. */
    readonly secret: string | undefined;
    readonly ttlSeconds: number;
  };
  readonly graphql: {
    readonly introspection: boolean;
    readonly sandbox: boolean;
  };
  readonly adminDist: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly trustProxy: boolean;
  readonly limits: {
    /** Sanity cap of one donation or disbursement, in đồng: a slip of three zeros is refused, not posted. */
    readonly maxAmount: number;
    /** Disbursements from this amount need the higher approval; inspectors see payments split to stay under it. */
    readonly approvalThreshold: number;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const projectRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');

function oneOf<T extends string>(env: Env, key: string, allowed: readonly T[], fallback: T): T {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${key}="${raw}" is not valid: expected one of ${allowed.join(', ')}`);
  }
  return raw as T;
}

function port(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 65535) {
    throw new ConfigError(`${key}="${raw}" is not valid: expected a port number from 1 to 65535`);
  }
  return value;
}

function positiveInt(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new ConfigError(`${key}="${raw}" is not valid: expected a positive whole number`);
  }
  return Number(raw);
}

function flag(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${key}="${raw}" is not valid: expected 1/0, true/false, yes/no or on/off`);
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL: expected postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, not ${url.protocol}//`);
  }
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL names no database: expected …/database at its end');
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const mode = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = mode === 'production';
  const dbUrl = databaseUrl(env);
  const secret = env.JWT_SECRET === '' ? undefined : env.JWT_SECRET;
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('JWT_SECRET is too short: use at least 32 random characters (e.g. `openssl rand -hex 32`)');
  }
  if (secret === undefined && dbUrl !== undefined) {
    throw new ConfigError('JWT_SECRET is required with DATABASE_URL: set at least 32 random characters');
  }
  return {
    env: mode,
    port: port(env, 'PORT', 4000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: dbUrl,
    embedded: {
      dataDir: path.resolve(projectRoot, env.PGDATA_DIR || '.data/postgres'),
      port: port(env, 'EMBEDDED_PG_PORT', 54329),
    },
    seedDemo: flag(env, 'SEED_DEMO', dbUrl === undefined),
    jwt: { secret, ttlSeconds: positiveInt(env, 'JWT_TTL_SECONDS', 8 * 3600) },
    graphql: {
      introspection: flag(env, 'GRAPHQL_INTROSPECTION', !production),
      sandbox: flag(env, 'GRAPHQL_SANDBOX', !production),
    },
    adminDist: path.resolve(projectRoot, 'admin/dist'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    limits: { maxAmount: positiveInt(env, 'MAX_AMOUNT', 100_000_000_000), approvalThreshold: positiveInt(env, 'APPROVAL_THRESHOLD', 50_000_000) },
  };
}

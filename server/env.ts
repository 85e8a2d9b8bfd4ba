import path from 'node:path';
import { z } from 'zod';
import type { OidcConfig } from './auth/oidc';

/**
 * The only reader of process.env. Parsed once, synchronously; a bad value stops the process
 * with a message naming the variable (see `loadEnv`).
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: optionalString,
  /** Connections per process in the knex pool (each web server and worker process has its own). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(100).default(10),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  REDIS_URL: optionalString,
  QUEUE_PREFIX: z.string().default('caredesk'),
  ENCRYPTION_KEY: optionalString,
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  OIDC_ISSUER_URL: optionalString.pipe(z.url().optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_REDIRECT_URL: optionalString.pipe(z.url().optional()),
  OIDC_ALLOWED_DOMAINS: optionalString,
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  DEMO_MODE: z.enum(['auto', 'on', 'off']).default('auto'),
  DEMO_TRAFFIC_INTERVAL_MS: z.coerce.number().int().min(200).default(4000),
  SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  POLL_INTERVAL_MS: z.coerce.number().int().min(1000).optional(),
  ADMIN_EMAIL: z.string().email().default('admin@localhost'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).default(15_000),
  X_API_BASE_URL: z.string().url().default('https://api.x.com'),
  /** OAuth 2.0 client of the X developer app; enables "Connect X" for admins. */
  X_OAUTH2_CLIENT_ID: optionalString,
  /** Set for a confidential client (HTTP Basic at the token endpoint); omit for a public client. */
  X_OAUTH2_CLIENT_SECRET: optionalString,
  X_OAUTH2_AUTHORIZE_URL: z.string().url().default('https://x.com/i/oauth2/authorize'),
  /** Comma-separated base64 keys, newest first: the first encrypts, all decrypt (rotation). */
  CAREDESK_ENCRYPTION_KEYS: optionalString,
  X_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(500).default(15_000),
  FB_GRAPH_BASE_URL: z.string().url().default('https://graph.facebook.com'),
  FB_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'like v25.0')
    .default('v25.0'),
  FB_PAGE_ACCESS_TOKEN: optionalString,
  FB_APP_SECRET: optionalString,
  FB_VERIFY_TOKEN: optionalString,
  X_OAUTH2_ACCESS_TOKEN: optionalString,
  X_CONSUMER_KEY: optionalString,
  X_CONSUMER_SECRET: optionalString,
  X_ACCESS_TOKEN: optionalString,
  X_ACCESS_TOKEN_SECRET: optionalString,
  PUBLIC_URL: optionalString.pipe(z.url().optional()),
  SPIKE_FACTOR: z.coerce.number().min(1).default(3),
  SPIKE_MIN_INBOUND: z.coerce.number().int().min(1).default(10),
  /** When set, /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: optionalString,
  /** Port of the /metrics server of a worker-only process (`npm run start:worker`); 0 picks a free one. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
});

export type RawEnv = z.infer<typeof envSchema>;

export type XCredentials =
  | { kind: 'oauth2'; accessToken: string; refreshToken?: string; expiresAt?: number }
  | { kind: 'oauth1'; appKey: string; appSecret: string; accessToken: string; accessSecret: string };

export interface Env extends RawEnv {
  dataDir: string;
  /** Channel credentials configured through the environment; null when none are set. */
  xCredentials: XCredentials | null;
  /** True when the simulator and the demo traffic run (no real channel credentials). */
  demo: boolean;
  /** Poll interval per account: POLL_INTERVAL_MS, else 5 s in demo mode and 10 s otherwise. */
  pollIntervalMs: number;
  /** Origin the platforms reach us at (attachment URLs): PUBLIC_URL, else http://HOST:PORT. */
  publicUrl: string;
  /** OpenID Connect single sign-on; null unless OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_REDIRECT_URL are set. */
  oidc: OidcConfig | null;
}

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

function oidcFrom(raw: RawEnv): OidcConfig | null {
  const required = [raw.OIDC_ISSUER_URL, raw.OIDC_CLIENT_ID, raw.OIDC_REDIRECT_URL];
  if (!required.some(Boolean) && !raw.OIDC_CLIENT_SECRET) return null;
  if (!required.every(Boolean)) {
    throw new Error('OIDC needs all of OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_REDIRECT_URL');
  }
  const issuer = new URL(raw.OIDC_ISSUER_URL!);
  if (issuer.protocol !== 'https:' && !isLoopback(issuer)) {
    throw new Error('OIDC_ISSUER_URL must use https (http only on a loopback address)');
  }
  return {
    issuerUrl: raw.OIDC_ISSUER_URL!,
    clientId: raw.OIDC_CLIENT_ID!,
    clientSecret: raw.OIDC_CLIENT_SECRET,
    redirectUrl: raw.OIDC_REDIRECT_URL!,
    allowedDomains: (raw.OIDC_ALLOWED_DOMAINS ?? '')
      .split(',')
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
  };
}

function xCredentialsFrom(raw: RawEnv): XCredentials | null {
  if (raw.X_OAUTH2_ACCESS_TOKEN) return { kind: 'oauth2', accessToken: raw.X_OAUTH2_ACCESS_TOKEN };
  const oauth1 = [raw.X_CONSUMER_KEY, raw.X_CONSUMER_SECRET, raw.X_ACCESS_TOKEN, raw.X_ACCESS_TOKEN_SECRET];
  if (oauth1.every(Boolean)) {
    return {
      kind: 'oauth1',
      appKey: raw.X_CONSUMER_KEY!,
      appSecret: raw.X_CONSUMER_SECRET!,
      accessToken: raw.X_ACCESS_TOKEN!,
      accessSecret: raw.X_ACCESS_TOKEN_SECRET!,
    };
  }
  if (oauth1.some(Boolean)) {
    throw new Error(
      'X OAuth 1.0a needs all of X_CONSUMER_KEY, X_CONSUMER_SECRET, X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET',
    );
  }
  return null;
}

/** Parses an environment; throws an Error naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const raw = result.data;
  const xCredentials = xCredentialsFrom(raw);
  const demo =
    raw.DEMO_MODE === 'on' ||
    (raw.DEMO_MODE === 'auto' && xCredentials === null && !raw.FB_PAGE_ACCESS_TOKEN);
  const pollIntervalMs = raw.POLL_INTERVAL_MS ?? (demo ? 5000 : 10_000);
  const shownHost = raw.HOST === '0.0.0.0' || raw.HOST === '::' ? 'localhost' : raw.HOST;
  const publicUrl = (raw.PUBLIC_URL ?? `http://${shownHost}:${raw.PORT}`).replace(/\/+$/, '');
  return {
    ...raw,
    dataDir: path.resolve(cwd, raw.DATA_DIR),
    xCredentials,
    demo,
    pollIntervalMs,
    publicUrl,
    oidc: oidcFrom(raw),
  };
}

/** Reads process.env once; on bad configuration prints the problem and exits 1. */
export function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

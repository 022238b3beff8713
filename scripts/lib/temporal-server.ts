/**
 * The Temporal server with PostgreSQL persistence and visibility, the production shape (issue 21 §1),
 * beside the dev server (SQLite, one process) that stays the embedded default. Built from the Go module at
 * the version the CLI embeds (v1.29.1), with its SQL schema tool, into the project's cache; its schemas
 * set up and upgraded by the tool from the module's own versioned schema files (copied into the cache, so
 * a cleaned module cache does not matter); its configuration written from code, one place for ports,
 * databases and the number of history shards (fixed when the databases are created: Temporal cannot change
 * it later).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common';
import pg from 'pg';
import { StartupError } from '../../domain/run-main.ts';
import { SEARCH_ATTRIBUTES } from '../../domain/search-attributes.ts';
import { cacheDir, goInstallCached, goModuleDir } from './go-install.ts';
import { startService } from './service-process.ts';
import type { ServiceProcess } from './service-process.ts';

export const TEMPORAL_SERVER_VERSION = '1.29.1';
const MODULE = 'go.temporal.io/server';
const DIR = `temporal-server-${TEMPORAL_SERVER_VERSION}`;

export interface TemporalServerTools {
  server: string;
  sql: string;
  /** `schema/postgresql/v12` of the module: `temporal/versioned` and `visibility/versioned`. */
  schemaDir: string;
}

const missingGo = () =>
  new StartupError(
    `Go is needed to build the Temporal server (go install ${MODULE}/cmd/server@v${TEMPORAL_SERVER_VERSION}); install Go (https://go.dev/dl/) and run the command again.`,
  );

/** The server and its schema tool from the cache, built with `go install` the first time. */
export async function provisionTemporalServer(say: (line: string) => void): Promise<TemporalServerTools> {
  const dir = cacheDir(DIR);
  const server = await goInstallCached(
    {
      label: 'the Temporal server',
      module: `${MODULE}/cmd/server@v${TEMPORAL_SERVER_VERSION}`,
      binary: 'server',
      dir,
      expect: 'about 3.5–5 minutes on 2 cores',
    },
    say,
    missingGo,
  );
  const sql = await goInstallCached(
    {
      label: 'the Temporal SQL schema tool',
      module: `${MODULE}/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`,
      binary: 'sql',
      dir,
      expect: 'seconds after the server',
    },
    say,
    missingGo,
  );
  const schemaDir = join(dir, 'schema', 'postgresql', 'v12');
  if (!existsSync(join(schemaDir, 'visibility', 'versioned'))) {
    const source = join(goModuleDir(`${MODULE}@v${TEMPORAL_SERVER_VERSION}`), 'schema', 'postgresql', 'v12');
    mkdirSync(schemaDir, { recursive: true });
    cpSync(source, schemaDir, { recursive: true });
  }
  return { server, sql, schemaDir };
}

export interface TemporalDatabases {
  host: string;
  port: number;
  /** The role Temporal connects as: owns its two databases, not a superuser. */
  user: string;
  password: string;
  database: string;
  visibilityDatabase: string;
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new StartupError(`not a plain PostgreSQL name: ${name}`);
  return name;
};

/**
 * Creates Temporal's role and databases when missing (through `adminUrl`, a role that may create them) and
 * brings both schemas to the module's latest version; safe to run again (an upgrade of the module upgrades
 * them).
 */
export async function setupTemporalDatabases(
  tools: TemporalServerTools,
  adminUrl: string,
  dbs: TemporalDatabases,
  say: (line: string) => void,
) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const role = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [dbs.user]);
    if (role.rowCount === 0) {
      await admin.query(
        `CREATE ROLE ${ident(dbs.user)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${pg.escapeLiteral(dbs.password)}`,
      );
    }
    for (const name of [dbs.database, dbs.visibilityDatabase]) {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${ident(name)} OWNER ${ident(dbs.user)}`);
    }
  } finally {
    await admin.end();
  }
  for (const [name, versioned] of [
    [dbs.database, 'temporal'],
    [dbs.visibilityDatabase, 'visibility'],
  ] as const) {
    const env = {
      ...process.env,
      SQL_PLUGIN: 'postgres12',
      SQL_HOST: dbs.host,
      SQL_PORT: String(dbs.port),
      SQL_USER: dbs.user,
      SQL_PASSWORD: dbs.password,
      SQL_DATABASE: name,
    };
    const run = (args: string[]) => {
      const out = spawnSync(tools.sql, args, { env, encoding: 'utf8' });
      if (out.status !== 0)
        throw new StartupError(`temporal-sql-tool ${args.join(' ')} on ${name} failed:\n${(out.stderr || out.stdout).slice(-3000)}`);
    };
    if (!(await hasSchema(dbs, name))) run(['setup-schema', '-v', '0.0']);
    run(['update-schema', '-d', join(tools.schemaDir, versioned, 'versioned')]);
    say(`Temporal ${versioned} schema of ${name} is current`);
  }
}

async function hasSchema(dbs: TemporalDatabases, database: string): Promise<boolean> {
  const client = new pg.Client({ host: dbs.host, port: dbs.port, user: dbs.user, password: dbs.password, database });
  await client.connect();
  try {
    return (await client.query(`SELECT to_regclass('schema_version') IS NOT NULL AS found`)).rows[0]?.found === true;
  } finally {
    await client.end();
  }
}

export interface TemporalServerPorts {
  /** gRPC of the frontend: what clients, workers and the CLI connect to. */
  frontend: number;
  /** The others: frontend HTTP, history, matching, worker, their membership ports, metrics. */
  internal: number[];
}

/** The server's configuration file (its `development.yaml`): PostgreSQL for both stores, loopback only. */
export function temporalServerConfig(dbs: TemporalDatabases, ports: TemporalServerPorts, shards: number, dynamicConfig: string): string {
  if (ports.internal.length < 9) throw new Error('temporalServerConfig: 9 internal ports are needed');
  const [http, history, matching, worker, mFrontend, mHistory, mMatching, mWorker, metrics] = ports.internal as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const store = (database: string, conns: number) => `      sql:
        pluginName: "postgres12"
        databaseName: "${database}"
        connectAddr: "${dbs.host}:${dbs.port}"
        connectProtocol: "tcp"
        user: "${dbs.user}"
        password: "${dbs.password}"
        maxConns: ${conns}
        maxIdleConns: ${conns}
        maxConnLifetime: "1h"`;
  const service = (grpc: number, membership: number, extra = '') => `      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${extra}`;
  return `log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${shards}
  datastores:
    default:
${store(dbs.database, 20)}
    visibility:
${store(dbs.visibilityDatabase, 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  metrics:
    prometheus:
      framework: "tally"
      timerType: "histogram"
      listenAddress: "127.0.0.1:${metrics}"
services:
  frontend:
    rpc:
${service(ports.frontend, mFrontend, `\n      httpPort: ${http}`)}
  history:
    rpc:
${service(history, mHistory)}
  matching:
    rpc:
${service(matching, mMatching)}
  worker:
    rpc:
${service(worker, mWorker)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${ports.frontend}"
dcRedirectionPolicy:
  policy: "noop"
dynamicConfigClient:
  filepath: "${dynamicConfig}"
  pollInterval: "10s"
`;
}

/** Search attributes just registered are seen at once (as the dev server does for the tests). */
const DYNAMIC_CONFIG = `system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
    constraints: {}
`;

export interface RunningTemporalServer {
  address: string;
  stop(): Promise<void>;
}

const TYPES: Record<string, number> = { TEXT: 1, KEYWORD: 2, INT: 3, DOUBLE: 4, BOOL: 5, DATETIME: 6, KEYWORD_LIST: 7 };

/** Registers the platform's search attributes on `namespace` where missing; the names it added. */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = SEARCH_ATTRIBUTES.filter((k) => !(k.name in (existing.customAttributes ?? {})));
  if (missing.length > 0) {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((k) => [k.name, TYPES[k.type] ?? 2])),
    });
  }
  return missing.map((k) => k.name);
}

/**
 * Starts the server on `ports`, waits until its frontend answers, and makes sure `namespace` exists with
 * the platform's search attributes. `stop` ends it (SIGTERM, then SIGKILL after 20 s).
 */
export async function startTemporalServer(
  tools: TemporalServerTools,
  opts: { databases: TemporalDatabases; ports: TemporalServerPorts; shards: number; namespace: string; say: (line: string) => void },
): Promise<RunningTemporalServer> {
  const root = mkdtempSync(join(tmpdir(), 'ydym-temporal-'));
  mkdirSync(join(root, 'config'));
  const dynamicConfig = join(root, 'dynamic-config.yaml');
  writeFileSync(dynamicConfig, DYNAMIC_CONFIG);
  writeFileSync(join(root, 'config', 'development.yaml'), temporalServerConfig(opts.databases, opts.ports, opts.shards, dynamicConfig), {
    mode: 0o600,
  });
  const service = startService(
    'the Temporal server',
    tools.server,
    ['--root', root, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'],
    'SIGTERM',
    20_000,
  );
  const address = `127.0.0.1:${opts.ports.frontend}`;
  const stop = async () => {
    await service.stop();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const connection = await connectWhenUp(address, service);
    try {
      await ensureNamespace(connection, opts.namespace);
      const added = await registerSearchAttributes(connection, opts.namespace);
      opts.say(
        `Temporal server ${TEMPORAL_SERVER_VERSION} on ${address}: PostgreSQL ${opts.databases.database}, ${opts.shards} history shards${added.length ? `; search attributes registered: ${added.join(', ')}` : ''}`,
      );
    } finally {
      await connection.close();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, stop };
}

async function connectWhenUp(address: string, service: ServiceProcess): Promise<Connection> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (service.exited() !== undefined)
      throw new StartupError(`the Temporal server exited (${String(service.exited())}):\n${service.log()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2000 });
      await connection.workflowService.getSystemInfo({});
      return connection;
    } catch (error) {
      if (Date.now() > deadline)
        throw new StartupError(`the Temporal server did not answer at ${address} in 90 s (${(error as Error).message}):\n${service.log()}`);
      await sleep(500);
    }
  }
}

async function ensureNamespace(connection: Connection, namespace: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await connection.workflowService.describeNamespace({ namespace });
      // The frontend serves a namespace from its cache, refreshed every few seconds: wait until it does.
      await connection.workflowService.countWorkflowExecutions({ namespace, query: '' });
      return;
    } catch {
      try {
        await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('3 days') });
      } catch (error) {
        // Already registered (by us, a moment ago, or a racing start), or the server not ready yet: look again.
        if (Date.now() > deadline) throw error;
      }
      await sleep(500);
    }
  }
}

/**
 * PostgreSQL access: one knex instance per process, created from DATABASE_URL. Connection problems are
 * turned into messages that name the address tried.
 */
import { createHash } from 'node:crypto';
import knexFactory from 'knex';
import type { Knex } from 'knex';
// knex's PostgreSQL client, to extend (below); the package has no typings for its dialect modules.
// @ts-expect-error untyped CommonJS module of knex
import PgClient from 'knex/lib/dialects/postgres/index.js';
import pg from 'pg';

export type Db = Knex;

// int8 (counts) and numeric (areas) as numbers: every such value here fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// Calendar dates stay 'YYYY-MM-DD' strings: a Date would shift them by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** A query's options that ask for it to be kept prepared (see `prepared`). */
const PREPARE = 'ydymPrepare';

interface CompiledQuery {
  sql: string;
  options?: Record<string, unknown>;
}

/** A connection of pg's, with the statements this client has replaced on it (see below). */
type PgConnection = { ydymReplaced?: Map<string, number> };

/**
 * knex's PostgreSQL client, which sends a query marked by `prepared` as a named statement: each
 * connection parses and plans it once and then runs its kept (generic) plan. Named by a hash of its
 * text, so two queries never share a name and a query built differently (another user's access rule)
 * is another statement. Transactions' clients are made from this class's prototype, so they do it too.
 *
 * A kept statement whose result columns change under it (a migration adds a column to a table it
 * selects `*` from, run by another process) fails with "cached plan must not change result type",
 * and would fail so on that connection for as long as it lives: the statement is replaced by one of a
 * new name on that connection, at once outside a transaction (the query is sent again), for the next
 * query inside one (PostgreSQL has aborted the transaction; its caller's retry finds the new one).
 */
class PreparingPgClient extends (PgClient as new (config: Knex.Config) => {
  transacting?: boolean;
  _query(connection: unknown, obj: CompiledQuery): Promise<unknown>;
}) {
  override async _query(connection: unknown, obj: CompiledQuery): Promise<unknown> {
    if (!obj.options?.[PREPARE]) return super._query(connection, obj);
    const { [PREPARE]: _marker, ...rest } = obj.options;
    const hash = createHash('sha256').update(obj.sql).digest('hex').slice(0, 40);
    const replaced = ((connection as PgConnection).ydymReplaced ??= new Map());
    const send = () => {
      const generation = replaced.get(hash);
      return super._query(connection, { ...obj, options: { ...rest, name: `ydym_${hash}${generation ? `_${generation}` : ''}` } });
    };
    try {
      return await send();
    } catch (error) {
      if (!isResultTypeChange(error)) throw error;
      replaced.set(hash, (replaced.get(hash) ?? 0) + 1);
      if (this.transacting) throw error;
      return send();
    }
  }
}

/** PostgreSQL refusing a kept statement whose result columns changed (SQLSTATE 0A000 with this text). */
function isResultTypeChange(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '0A000' && typeof e.message === 'string' && e.message.includes('cached plan must not change result type');
}

/**
 * `query`, kept prepared on each connection of the pool, in a transaction too: for the hot reads whose
 * planning (the joins, the many indexes of `buildings`) takes longer than running them (the statements
 * a case step repeats, pg_stat_statements at concurrency 10: 0.3–0.5 ms to plan, 0.02 ms to run). Only
 * for a query whose parameters do not change its best plan (equality on a key), built from a bounded
 * set of shapes (one statement per shape and connection). A kept plan that selects `*` is
 * replaced when a migration changes its columns (PreparingPgClient), at the cost of one failed query in
 * a transaction: name the columns where that matters.
 */
export function prepared<T extends { options(options: Readonly<Record<string, unknown>>): T }>(query: T): T {
  return query.options({ [PREPARE]: true });
}

export function createDb(databaseUrl: string, poolMax = 10): Db {
  return knexFactory({
    client: PreparingPgClient as unknown as typeof Knex.Client,
    // JIT off: counts over thousands of rows cost enough in the planner's eyes to be compiled, and the
    // compilation (10–35 ms) takes longer than the query (an inbox count: 45 ms with JIT, 9 ms without).
    connection: { connectionString: databaseUrl, options: '-c jit=off' },
    pool: { min: 0, max: poolMax },
    acquireConnectionTimeout: 10_000,
    // knex would print connection failures to the console itself; callers get them as rejections and
    // report them with the address tried (explainDatabaseError), so its own lines are dropped.
    log: { warn: () => undefined, error: () => undefined, deprecate: () => undefined, debug: () => undefined },
  });
}

/** SQLSTATEs of a transaction PostgreSQL aborted to break a deadlock (40P01) or a serialization conflict (40001). */
const CONFLICT_CODES = new Set(['40P01', '40001']);
const TRANSACTION_TRIES = 4;

/** Whether `error` is PostgreSQL aborting a transaction to break a deadlock or a serialization conflict. */
export function isTransactionConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONFLICT_CODES.has(code);
}

/**
 * `db.transaction(work)`, run again (up to 4 tries in all, a short random pause between) when PostgreSQL
 * aborted it to break a deadlock or a serialization conflict: nothing it wrote stayed, and the other
 * transaction has gone on, so the next try usually passes. PostgreSQL's own advice for such conflicts.
 * Only for `work` whose effects are all in the database: whatever else it does is done again.
 *
 * Where it is used: the writes that several users make at once on the houses of one village
 * (registering a case, an inspection, a complaint). Each counts itself in the shared summary rows of
 * its village (the statistics triggers), in an order that depends on what it changes (a house's risk
 * tier moves its cases to another row of `stats_cases`), so two of them can deadlock.
 */
export async function retriedTransaction<T>(db: Db, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= TRANSACTION_TRIES || !isTransactionConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * (10 + Math.random() * 40)));
    }
  }
}

/**
 * Runs `query` kept prepared (`prepared`) and answers its rows. The reads that use it: the house file,
 * the case and task pages, a house's map card (planning 0.4 ms against 0.1 ms running them).
 */
export async function runPrepared<Row>(query: Knex.QueryBuilder | Knex.Raw): Promise<Row[]> {
  return rowsOf(await prepared(query)) as Row[];
}

/**
 * `runPrepared` with each row an array of its columns in the order selected: for reads of thousands of
 * rows (a map tile's houses), where making an object per row is much of the cost in Node.
 */
export async function runPreparedArrays(query: Knex.QueryBuilder | Knex.Raw): Promise<unknown[][]> {
  return rowsOf(await prepared(query).options({ rowMode: 'array' })) as unknown[][];
}

/** A query builder answers its rows; a raw query, pg's result. */
const rowsOf = (result: unknown): unknown[] => (Array.isArray(result) ? result : (result as pg.QueryResult).rows);

/** host:port/database of a connection URL, without credentials, for messages. */
export function describeDatabaseUrl(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

/** A readable reason for a failed connection. */
export function explainDatabaseError(error: unknown, databaseUrl: string): string {
  const where = describeDatabaseUrl(databaseUrl);
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case 'ECONNREFUSED':
      return `PostgreSQL refused the connection at ${where} (is it running? check DATABASE_URL)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `PostgreSQL host not found for ${where} (check DATABASE_URL)`;
    case '28P01':
    case '28000':
      return `PostgreSQL rejected the credentials for ${where} (check DATABASE_URL)`;
    case '3D000':
      return `PostgreSQL database missing at ${where} (npm start creates it; or create it by hand)`;
    default:
      return `PostgreSQL at ${where} failed: ${e.message ?? String(error)}`;
  }
}

/** Creates the database named in the URL when it is missing (connecting to `postgres` to do so). */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[\w-]+$/.test(name)) throw new Error(`DATABASE_URL names an unusual database "${name}"; create it by hand`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(explainDatabaseError(error, databaseUrl));
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** Drops a database (tests only), ending its connections first. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * A fresh PostgreSQL database per test file, migrated and seeded with the Qingcheng region tree,
 * dropped at the end. The server is the local one (TEST_DATABASE_URL names another, as a role that may
 * create databases and roles). `url`/`db` connect as that owner (fixtures, migrations); `appUrl`/`appDb`
 * as the application role the API and the workers use, with the rights the migrations grant it.
 *
 * Within `npm test` (which names its run in YDYM_TEST_RUN) a migrated and seeded database is made once
 * per run and variant, and each file's is a copy of it (CREATE DATABASE … TEMPLATE, about a tenth of the
 * migrations and seeding); scripts/test.ts drops the templates at the end. A file run by hand migrates
 * its own.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, dropDatabase, ensureDatabase } from '../../domain/db.ts';
import { ensureAppRole } from '../../domain/db-roles.ts';
import type { Db } from '../../domain/db.ts';
import { migrateLatest } from '../../domain/migrate.ts';
import { seedDemoUsers } from '../../tools/seed/demo.ts';
import { districtRegions } from '../../tools/seed/regions.ts';
import { DatabaseRegionStore } from '../../domain/stores/database-regions.ts';

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * The tests' application login role, one per cluster like the group role it joins (roles are
 * cluster-wide; every test database grants the group its rights). Its own name, so that tests never
 * log in as the role of a local `npm start`.
 */
const TEST_APP_ROLE = { user: 'ydym_test_app', password: 'ydym_test_app' };

export interface TestDatabase {
  /** As the owner. */
  url: string;
  db: Db;
  /** As the application role. */
  appUrl: string;
  appDb: Db;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  options: { migrate?: boolean; regions?: boolean; demoUsers?: boolean } = {},
): Promise<TestDatabase> {
  const url = new URL(SERVER);
  const run = process.env.YDYM_TEST_RUN;
  // Within a run, named after it: what a killed run leaves behind is found and dropped by the next (`dropStaleRuns`).
  url.pathname = `/ydym_test_${run && RUN_ID.test(run) ? `${run}_` : ''}${randomBytes(5).toString('hex')}`;
  const copied = await copyTemplate(url, options);
  if (!copied) await ensureDatabase(url.toString());
  const app = new URL(url);
  app.username = TEST_APP_ROLE.user;
  app.password = TEST_APP_ROLE.password;
  await ensureAppRole(url.toString(), app.toString());
  const db = createDb(url.toString(), 5);
  const appDb = createDb(app.toString(), 5);
  if (!copied) await prepare(db, options);
  return {
    url: url.toString(),
    db,
    appUrl: app.toString(),
    appDb,
    async drop() {
      await appDb.destroy();
      await db.destroy();
      await dropDatabase(url.toString());
    },
  };
}

type Options = { migrate?: boolean; regions?: boolean; demoUsers?: boolean };

async function prepare(db: Db, options: Options): Promise<void> {
  if (options.migrate === false) return;
  await migrateLatest(db);
  if (options.regions !== false) await new DatabaseRegionStore(db).upsert(await districtRegions('441802'));
  if (options.demoUsers !== false) await seedDemoUsers(db);
}

/** The template databases of a test run: `ydym_tpl_<run>_<variant>`. */
export const templatePrefix = (run: string) => `ydym_tpl_${run}_`;
/** A run's name (scripts/test.ts: 8 hex digits). */
const RUN_ID = /^[0-9a-f]{8}$/;
/** The databases of a run: its templates and its files' copies. */
const RUN_DATABASES = /^ydym_(?:tpl|test)_([0-9a-f]{8})_/;
/** The advisory lock a run holds while it lives. */
const runLock = (run: string) => `ydym_test_run_${run}`;

async function adminClient(): Promise<pg.Client> {
  const admin = new URL(SERVER);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  return client;
}

/**
 * Marks the run `run` as alive for as long as the returned hold is not released (a session advisory lock,
 * released by PostgreSQL if the process dies): `dropStaleRuns` of another run leaves its databases alone.
 */
export async function holdRun(run: string): Promise<{ release(): Promise<void> }> {
  const client = await adminClient();
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [runLock(run)]);
  return { release: () => client.end() };
}

/** Drops the databases of earlier runs that are no longer alive (killed before they could drop their own); returns how many. */
export async function dropStaleRuns(): Promise<number> {
  const client = await adminClient();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^ydym_(tpl|test)_'`);
    const byRun = new Map<string, string[]>();
    for (const { datname } of rows) {
      const run = RUN_DATABASES.exec(datname)?.[1];
      if (run) byRun.set(run, [...(byRun.get(run) ?? []), datname]);
    }
    let dropped = 0;
    for (const [run, names] of byRun) {
      const free = await client.query<{ free: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS free', [runLock(run)]);
      if (!free.rows[0]?.free) continue;
      try {
        for (const name of names) {
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          dropped++;
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [runLock(run)]);
      }
    }
    return dropped;
  } finally {
    await client.end();
  }
}

/**
 * Creates the database at `url` as a copy of this run's template for `options`, making the template first
 * if no file of the run has (under an advisory lock, so two files starting together make it once).
 * False when there is no run or nothing to copy (an unmigrated database).
 */
async function copyTemplate(url: URL, options: Options): Promise<boolean> {
  const run = process.env.YDYM_TEST_RUN;
  if (!run || !/^\w+$/.test(run) || options.migrate === false) return false;
  const variant = `${options.regions === false ? 'n' : 'r'}${options.demoUsers === false ? 'n' : 'u'}`;
  const template = `${templatePrefix(run)}${variant}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (!exists.rowCount) {
      // Made under another name and renamed when complete: a file that failed halfway leaves no template.
      const building = new URL(url);
      building.pathname = `/${template}_making`;
      await client.query(`DROP DATABASE IF EXISTS "${template}_making"`);
      await client.query(`CREATE DATABASE "${template}_making"`);
      const app = new URL(building);
      app.username = TEST_APP_ROLE.user;
      app.password = TEST_APP_ROLE.password;
      await ensureAppRole(building.toString(), app.toString());
      const db = createDb(building.toString(), 2);
      try {
        await prepare(db, options);
      } finally {
        await db.destroy();
      }
      await client.query(`ALTER DATABASE "${template}_making" RENAME TO "${template}"`);
    }
    await client.query(`CREATE DATABASE "${url.pathname.slice(1)}" TEMPLATE "${template}"`);
    return true;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [template]).catch(() => undefined);
    await client.end();
  }
}

/** Drops the templates of a test run and any copy a file left (scripts/test.ts, when the run ends). */
export async function dropTemplates(run: string): Promise<void> {
  const client = await adminClient();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR starts_with(datname, $2)',
      [templatePrefix(run), `ydym_test_${run}_`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

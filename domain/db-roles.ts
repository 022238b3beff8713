/**
 * The two database roles. The owner (DATABASE_OWNER_URL) creates the database and runs the migrations;
 * the API, the workers and the scripts connect as the application role (DATABASE_URL), which holds no
 * table and is no superuser, so it cannot switch off the append-only triggers
 * (`session_replication_role`) nor change the audit tables: it may only INSERT and SELECT on them.
 *
 * The rights are granted by a migration to one NOLOGIN group role, {@link APP_GROUP_ROLE}; the login
 * role named in DATABASE_URL is made a member of it. Roles are cluster-wide while grants are per
 * database, so one group role serves every database of the cluster (the tests' parallel databases
 * included) and nothing cluster-wide has to be dropped with a database.
 */
import pg from 'pg';
import type { Config } from './config.ts';
import { explainDatabaseError } from './db.ts';
import type { Db } from './db.ts';

/** The group role the migrations grant the application's rights to. */
export const APP_GROUP_ROLE = 'ydym_application';

/** Any number, the same in every process: serialises role creation across the cluster (see ensureAppRole). */
const ROLE_LOCK = 7_318_244_019;

/** DATABASE_OWNER_URL, or DATABASE_URL's server and database as the `postgres` user. */
export function ownerDatabaseUrl(config: Pick<Config, 'databaseUrl' | 'databaseOwnerUrl'>): string {
  if (config.databaseOwnerUrl) return config.databaseOwnerUrl;
  const url = new URL(config.databaseUrl);
  url.username = 'postgres';
  url.password = '';
  return url.toString();
}

/** The role name in a connection URL. */
export function roleOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).username) || 'postgres';
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A role that another process created between our check and our CREATE: duplicate_object or unique_violation. */
function alreadyThere(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '42710' || code === '23505';
}

/**
 * Creates, as the owner, the application login role named in `appUrl` when missing (with the URL's
 * password), and the group role, and makes the first a member of the second. Safe to run from many
 * processes at once: the work happens under an advisory lock taken in the maintenance database
 * `postgres` (advisory locks are per database, and every caller meets in that one), and a role that
 * appears meanwhile anyway is taken as created. An existing login role keeps its password.
 */
export async function ensureAppRole(ownerUrl: string, appUrl: string): Promise<{ created: boolean }> {
  const login = roleOf(appUrl);
  if (login === roleOf(ownerUrl)) {
    throw new Error(`DATABASE_URL and DATABASE_OWNER_URL both name the role "${login}": the application needs a role of its own`);
  }
  const password = decodeURIComponent(new URL(appUrl).password);
  const admin = new URL(ownerUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`${explainDatabaseError(error, ownerUrl)} [DATABASE_OWNER_URL]`);
  }
  const create = async (sql: string) => {
    await client.query('SAVEPOINT create_role');
    try {
      await client.query(sql);
      await client.query('RELEASE SAVEPOINT create_role');
      return true;
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT create_role');
      if (alreadyThere(error)) return false;
      throw error;
    }
  };
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [ROLE_LOCK]);
    const roles = await client.query<{ rolname: string; rolsuper: boolean }>(
      'SELECT rolname, rolsuper FROM pg_roles WHERE rolname = ANY($1)',
      [[APP_GROUP_ROLE, login]],
    );
    const found = new Map(roles.rows.map((r) => [r.rolname, r]));
    if (found.get(login)?.rolsuper) throw new Error(`DATABASE_URL names the superuser "${login}": the application needs a role of its own`);
    if (!found.has(APP_GROUP_ROLE)) await create(`CREATE ROLE ${ident(APP_GROUP_ROLE)} NOLOGIN`);
    let created = false;
    if (!found.has(login)) {
      const withPassword = password ? ` PASSWORD ${client.escapeLiteral(password)}` : '';
      created = await create(
        `CREATE ROLE ${ident(login)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT${withPassword}`,
      );
    }
    const member = await client.query(
      'SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = $1 AND u.rolname = $2',
      [APP_GROUP_ROLE, login],
    );
    if (!member.rowCount) await create(`GRANT ${ident(APP_GROUP_ROLE)} TO ${ident(login)}`);
    await client.query('COMMIT');
    return { created };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Why an application connection has more rights than it should (a superuser, or the owner of tables,
 * could rewrite the audit trail), or undefined when the role is as it should be.
 */
export async function excessPrivilege(db: Db): Promise<string | undefined> {
  const { rows } = (await db.raw(
    `SELECT current_user AS name, r.rolsuper AS super,
            EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user) AS owns
       FROM pg_roles r WHERE r.rolname = current_user`,
  )) as { rows: { name: string; super: boolean; owns: boolean }[] };
  const row = rows[0];
  if (row?.super) return `the role "${row.name}" is a superuser`;
  if (row?.owns) return `the role "${row.name}" owns tables of the database`;
  return undefined;
}

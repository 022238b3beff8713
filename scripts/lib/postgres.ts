/**
 * Tests need a PostgreSQL server to create their databases on. When the local one is installed but
 * stopped, it is started; when there is none, the message says how to get one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';

async function reachable(url: string): Promise<Error | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

export async function ensurePostgres(url: string, say: (line: string) => void): Promise<void> {
  const first = await reachable(url);
  if (!first) return;
  const where = new URL(url);
  const local = ['127.0.0.1', 'localhost'].includes(where.hostname);
  if (local && existsSync('/usr/bin/pg_ctlcluster') && existsSync('/etc/postgresql')) {
    for (const version of readdirSync('/etc/postgresql')) {
      say(`PostgreSQL is not answering at ${where.host}; starting cluster ${version}/main…`);
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
    }
    if (!(await reachable(url))) return;
  }
  throw new Error(
    `PostgreSQL is needed at ${where.host} for the tests and does not answer (${first.message}).\n` +
      'Start it, or install it (apt-get install postgresql), or set TEST_DATABASE_URL to a server where the user may create databases.',
  );
}

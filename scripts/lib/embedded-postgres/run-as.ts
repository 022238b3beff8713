/**
 * Who the bundled PostgreSQL runs as. PostgreSQL refuses to run as root (initdb and postgres both stop),
 * and `npm start` often runs as root on a server or in a container. Then the server runs as a dedicated
 * system user, EMBEDDED_POSTGRES_USER (`ydym-postgres`), created with `useradd --system` when missing,
 * which owns the data folder and nothing else. Not `nobody`: that account is shared by other daemons
 * (and by NFS for squashed root), and any process running as it could read or rewrite the database files,
 * the audit trail included. As any other user, PostgreSQL simply runs as that user.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StartupError } from '../../../domain/run-main.ts';
import type { PostgresBinaries } from './binaries.ts';

export interface RunAs {
  /** Set when we are root: the uid and gid the server runs as. */
  uid?: number;
  gid?: number;
  name: string;
}

function ids(name: string): { uid: number; gid: number } | undefined {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The account for the server; as root, the dedicated user (created when missing). */
export function serverAccount(name: string, say: (line: string) => void): RunAs {
  if (process.getuid?.() !== 0) return { name: process.env.USER ?? 'the current user' };
  let found = ids(name);
  if (!found) {
    say(`Creating the system user "${name}" to run PostgreSQL (it refuses to run as root)`);
    const add = spawnSync(
      'useradd',
      ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', name],
      { encoding: 'utf8' },
    );
    // Another start may have created it meanwhile: look again before calling it a failure.
    found = ids(name);
    if (!found) {
      throw new StartupError(
        `PostgreSQL refuses to run as root, and the system user "${name}" could not be created (${(add.stderr || add.error?.message || '').trim()}). ` +
          'Create an unprivileged user and name it in EMBEDDED_POSTGRES_USER, or run npm start as a normal user [EMBEDDED_POSTGRES_USER]',
      );
    }
  }
  if (found.uid === 0) throw new StartupError(`EMBEDDED_POSTGRES_USER names "${name}", which is root [EMBEDDED_POSTGRES_USER]`);
  return { name, ...found };
}

/**
 * The first folder on the way to `path` that the account cannot pass through (no search permission),
 * or undefined. Root reaches everything, so this matters only when the server runs as another user.
 */
export function blockedFolder(path: string, account: RunAs): string | undefined {
  if (account.uid === undefined) return undefined;
  const folders: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    folders.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of folders) {
    let mode: number, uid: number, gid: number;
    try {
      ({ mode, uid, gid } = statSync(dir));
    } catch {
      return undefined; // not made yet: everything below is made by us for the account
    }
    const bit = uid === account.uid ? 0o100 : gid === account.gid ? 0o010 : 0o001;
    if (!(mode & bit)) return dir;
  }
  return undefined;
}

/**
 * The binaries where the account can run them. A project under /root (or any 0700 folder) keeps its
 * node_modules out of the account's reach; then the package's `native/` tree (about 60 MB) is copied
 * once beside the cluster, which the account must reach anyway, owned by root and read-only to others.
 */
export function reachableBinaries(bins: PostgresBinaries, account: RunAs, dataDir: string, say: (line: string) => void): PostgresBinaries {
  const blocked = blockedFolder(bins.postgres, account);
  if (!blocked) return bins;
  const root = join(dirname(dataDir), `postgres-${bins.version}-bin`);
  if (!existsSync(join(root, 'bin', 'postgres'))) {
    say(`Copying the PostgreSQL binaries to ${root} (once): the user "${account.name}" may not enter ${blocked}`);
    const copying = `${root}.copying`;
    rmSync(copying, { recursive: true, force: true });
    cpSync(bins.root, copying, { recursive: true, verbatimSymlinks: true });
    const chmod = spawnSync('chmod', ['-R', 'u=rwX,go=rX', copying], { encoding: 'utf8' });
    if (chmod.status !== 0) throw new StartupError(`cannot open ${copying} to the user "${account.name}": ${chmod.stderr}`);
    renameSync(copying, root);
  }
  const copy = { ...bins, root, initdb: join(root, 'bin', 'initdb'), postgres: join(root, 'bin', 'postgres') };
  const still = blockedFolder(copy.postgres, account);
  if (still) throw new StartupError(`the user "${account.name}" may not enter ${still}, on the way to the PostgreSQL binaries at ${root}`);
  return copy;
}

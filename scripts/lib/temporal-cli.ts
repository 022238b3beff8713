/**
 * Finds or builds the Temporal CLI (it carries the dev server). Order: TEMPORAL_CLI_PATH, `temporal` on
 * PATH, `$(go env GOPATH)/bin/temporal`, the project's cache; else `go install` of the pinned release
 * into the cache. Never downloads a binary: without Go it stops and says how to install the CLI.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { StartupError } from '../../domain/run-main.ts';

/** v1.5.1 is the last release whose go.mod has no local `replace`, so `go install` can build it. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
const VERSION_DIR = 'temporal-cli-1.5.1';

export function cacheDir(): string {
  return join(process.env.YDYM_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ydym'), VERSION_DIR);
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && executable(candidate)) return candidate;
  }
  return undefined;
}

function goBin(): string | undefined {
  const go = onPath('go') ?? (executable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  return go;
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
  const go = goBin();
  if (!go) {
    throw new TemporalCliMissing(
      [
        'The Temporal CLI is needed (it runs the Temporal dev server) and none was found.',
        'Install one of these, then run the command again:',
        '  - Go (https://go.dev/dl/), and this project builds the CLI itself;',
        `  - or the CLI: go install ${TEMPORAL_CLI_MODULE}, or a release from https://github.com/temporalio/cli/releases,`,
        '    then put `temporal` on PATH or set TEMPORAL_CLI_PATH to it.',
      ].join('\n'),
    );
  }
  const dir = cacheDir();
  const staging = join(dir, `staging-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  say(`Building the Temporal CLI with Go: go install ${TEMPORAL_CLI_MODULE}`);
  say(`  into ${dir} (once per machine; about 3–4 minutes on 2 cores). It bundles Temporal Server 1.29.1 and its Web UI.`);
  const started = Date.now();
  const ticker = setInterval(() => say(`  … still building the Temporal CLI (${Math.round((Date.now() - started) / 1000)} s)`), 15_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(go, ['install', TEMPORAL_CLI_MODULE], {
        env: { ...process.env, GOBIN: staging },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let tail = '';
      const collect = (chunk: Buffer) => {
        tail = (tail + chunk.toString()).slice(-4000);
        for (const line of chunk.toString().split('\n')) if (line.startsWith('go: downloading')) say(`  ${line}`);
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new TemporalCliMissing(`go install failed (exit ${code}):\n${tail}`))));
    });
  } finally {
    clearInterval(ticker);
  }
  const target = join(dir, 'temporal');
  renameSync(join(staging, 'temporal'), target);
  rmSync(staging, { recursive: true, force: true });
  if (!existsSync(target)) throw new TemporalCliMissing(`go install finished but ${target} is missing`);
  say(`Temporal CLI ready: ${target} (${Math.round((Date.now() - started) / 1000)} s)`);
  return target;
}

/**
 * Go programs the project builds itself from their modules (the Temporal CLI, the Temporal server and its
 * schema tool), each once per machine into the project's cache (`$YDYM_CACHE_DIR` or `~/.cache/ydym`),
 * never downloaded as binaries. A build goes into a staging folder first, so an interrupted one leaves
 * nothing half-written where the next run looks.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { StartupError } from '../../domain/run-main.ts';

/** The folder of one pinned build in the project's cache. */
export function cacheDir(versionDir: string): string {
  return join(process.env.YDYM_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ydym'), versionDir);
}

export function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && executable(candidate)) return candidate;
  }
  return undefined;
}

/** The `go` command, on PATH or where Go's own installer puts it. */
export function goBin(): string | undefined {
  return onPath('go') ?? (executable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
}

/** Where `go` keeps a downloaded module's files (`go mod download -json`), downloading it if needed. */
export function goModuleDir(module: string): string {
  const go = goBin();
  if (!go) throw new StartupError(`Go is needed to fetch ${module}`);
  const out = spawnSync(go, ['mod', 'download', '-json', module], { encoding: 'utf8', cwd: homedir() });
  const dir = out.status === 0 ? (JSON.parse(out.stdout) as { Dir?: string }).Dir : undefined;
  if (!dir) throw new StartupError(`go mod download ${module} failed:\n${out.stderr || out.stdout}`);
  return dir;
}

export interface GoBuild {
  /** What is built, as the progress lines name it. */
  label: string;
  /** `module/path/cmd@version`. */
  module: string;
  /** The name `go install` gives the binary (the last element of the package path). */
  binary: string;
  /** Where it goes: `<dir>/<binary>`. */
  dir: string;
  /** How long it takes here, for the first progress line. */
  expect: string;
}

/** Builds `build` with `go install` into its cache folder unless it is there; returns the binary's path. */
export async function goInstallCached(build: GoBuild, say: (line: string) => void, missing: () => Error): Promise<string> {
  const target = join(build.dir, build.binary);
  if (executable(target)) return target;
  const go = goBin();
  if (!go) throw missing();
  const staging = join(build.dir, `staging-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  say(`Building ${build.label} with Go: go install ${build.module}`);
  say(`  into ${build.dir} (once per machine; ${build.expect}).`);
  const started = Date.now();
  const ticker = setInterval(() => say(`  … still building ${build.label} (${Math.round((Date.now() - started) / 1000)} s)`), 15_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(go, ['install', build.module], { env: { ...process.env, GOBIN: staging }, stdio: ['ignore', 'pipe', 'pipe'] });
      let tail = '';
      const collect = (chunk: Buffer) => {
        tail = (tail + chunk.toString()).slice(-4000);
        for (const line of chunk.toString().split('\n')) if (line.startsWith('go: downloading')) say(`  ${line}`);
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new StartupError(`go install ${build.module} failed (exit ${code}):\n${tail}`)),
      );
    });
    renameSync(join(staging, build.binary), target);
  } finally {
    clearInterval(ticker);
    rmSync(staging, { recursive: true, force: true });
  }
  if (!existsSync(target)) throw new StartupError(`go install finished but ${target} is missing`);
  say(`${build.label} ready: ${target} (${Math.round((Date.now() - started) / 1000)} s)`);
  return target;
}

export interface GoWrappedBuild {
  label: string;
  /** The module to require, `path@version`, and the package (of it) that is the program. */
  require: string;
  pkg: string;
  /** `replace` lines the module's own go.mod has (a `go install` of it refuses them). */
  replaces: string[];
  binary: string;
  dir: string;
  expect: string;
}

/**
 * Builds a program whose module `go install` refuses (its go.mod has a `replace`) through a small
 * wrapper module that requires it and repeats the replacements, into its cache folder unless it is there.
 */
export async function goBuildWrappedCached(build: GoWrappedBuild, say: (line: string) => void, missing: () => Error): Promise<string> {
  const target = join(build.dir, build.binary);
  if (executable(target)) return target;
  const go = goBin();
  if (!go) throw missing();
  const wrapper = join(build.dir, 'wrapper');
  mkdirSync(wrapper, { recursive: true });
  const [path, version] = build.require.split('@') as [string, string];
  writeFileSync(
    join(wrapper, 'go.mod'),
    `module ydym/wrapper\n\ngo 1.26\n\nrequire ${path} ${version}\n\n${build.replaces.map((r) => `replace ${r}`).join('\n')}\n`,
  );
  writeFileSync(join(wrapper, 'tools.go'), `//go:build tools\n\npackage tools\n\nimport _ "${build.pkg}"\n`);
  say(`Building ${build.label} with Go from ${build.require} (once per machine; ${build.expect}).`);
  const started = Date.now();
  const ticker = setInterval(() => say(`  … still building ${build.label} (${Math.round((Date.now() - started) / 1000)} s)`), 15_000);
  const staging = join(build.dir, `staging-${process.pid}`);
  try {
    for (const args of [
      ['mod', 'tidy'],
      ['build', '-o', staging, build.pkg],
    ]) {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(go, args, { cwd: wrapper, stdio: ['ignore', 'pipe', 'pipe'] });
        let tail = '';
        const collect = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000));
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        child.on('error', reject);
        child.on('exit', (code) =>
          code === 0 ? resolve() : reject(new StartupError(`go ${args.join(' ')} for ${build.label} failed (exit ${code}):\n${tail}`)),
        );
      });
    }
    renameSync(staging, target);
  } finally {
    clearInterval(ticker);
    rmSync(staging, { force: true });
  }
  say(`${build.label} ready: ${target} (${Math.round((Date.now() - started) / 1000)} s)`);
  return target;
}

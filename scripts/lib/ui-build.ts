/**
 * Builds the admin UI with Vite when its bundle is missing or older than what it is built from (after a
 * `git pull`, `npm start` would otherwise serve yesterday's UI against today's API).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const UI_INDEX = join(ROOT, 'admin-ui', 'dist', 'index.html');

/** What the bundle is built from: the UI's sources and the definitions it imports, and the packages. */
const SOURCES = [join(ROOT, 'admin-ui'), join(ROOT, 'definitions'), join(ROOT, 'package-lock.json')];
const SKIPPED = new Set(['dist', 'node_modules']);

/** The latest modification time (ms) of a file or of any file below a folder. */
export function newestChange(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) if (!SKIPPED.has(entry)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** True when the bundle is there and no source changed after it was built. */
export function uiIsCurrent(index = UI_INDEX, sources = SOURCES): boolean {
  const built = statSync(index, { throwIfNoEntry: false });
  return built !== undefined && Math.max(...sources.map(newestChange)) <= built.mtimeMs;
}

export async function buildUi(options: { force?: boolean; say: (line: string) => void }): Promise<void> {
  if (!options.force && uiIsCurrent()) return;
  options.say(
    existsSync(UI_INDEX)
      ? 'The admin UI changed since it was built: building it again (vite build)…'
      : 'Building the admin UI (vite build)…',
  );
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        join(ROOT, 'admin-ui', 'vite.config.ts'),
        '--logLevel',
        'warn',
      ],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code})`))));
  });
  options.say(`Admin UI built in ${Math.round((Date.now() - started) / 1000)} s`);
}

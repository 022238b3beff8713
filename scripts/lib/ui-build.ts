/** Builds the admin UI with Vite when its bundle is missing. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const UI_INDEX = join(ROOT, 'admin-ui', 'dist', 'index.html');

export async function buildUi(options: { force?: boolean; say: (line: string) => void }): Promise<void> {
  if (!options.force && existsSync(UI_INDEX)) return;
  options.say('Building the admin UI (vite build)…');
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

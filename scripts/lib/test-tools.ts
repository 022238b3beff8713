/**
 * Tools the tests use, from Debian's packages: Chromium for browser tests (with the CJK fonts, or Chinese
 * renders as boxes) and poppler's pdftoppm to rasterise printed PDFs. Installed here when missing and we
 * are root with apt-get; otherwise a clear message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function fontsPresent(): boolean {
  return spawnSync('dpkg', ['-s', 'fonts-noto-cjk'], { stdio: 'ignore' }).status === 0;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code})`))));
  });
}

export async function ensureTestTools(say: (line: string) => void): Promise<string> {
  const chromiumOk = existsSync(CHROMIUM_PATH) && (process.env.CHROMIUM_PATH !== undefined || fontsPresent());
  if (chromiumOk && existsSync('/usr/bin/pdftoppm')) return CHROMIUM_PATH;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    throw new Error(
      `The tests need Chromium at ${CHROMIUM_PATH}, the CJK fonts and pdftoppm. Install them with\n` +
        '  sudo apt-get install -y chromium fonts-noto-cjk poppler-utils\n' +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  say('Installing test tools from Debian (apt-get install chromium fonts-noto-cjk poppler-utils)…');
  await run('apt-get', ['update', '-q']);
  await run('apt-get', ['install', '-y', '-q', 'chromium', 'fonts-noto-cjk', 'poppler-utils']);
  return CHROMIUM_PATH;
}

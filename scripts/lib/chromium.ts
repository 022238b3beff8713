/**
 * Chromium for browser tests comes from Debian's packages (with the CJK fonts, or Chinese renders as
 * boxes). Installed here when missing and we are root with apt-get; otherwise a clear message.
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

export async function ensureChromium(say: (line: string) => void): Promise<string> {
  if (existsSync(CHROMIUM_PATH) && (process.env.CHROMIUM_PATH || fontsPresent())) return CHROMIUM_PATH;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH} and the CJK fonts. Install them with\n` +
        '  sudo apt-get install -y chromium fonts-noto-cjk\n' +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  say('Installing Chromium and CJK fonts from Debian (apt-get install chromium fonts-noto-cjk)…');
  await run('apt-get', ['update', '-q']);
  await run('apt-get', ['install', '-y', '-q', 'chromium', 'fonts-noto-cjk']);
  return CHROMIUM_PATH;
}

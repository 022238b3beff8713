/**
 * Production mode (`NODE_ENV=production`): the platform refuses to start with what anyone who read the
 * README knows (the published demo secrets, the demo users' password) or with settings that leak a
 * session (cookies without Secure behind https). Each problem names its variable, so an operator knows
 * what to set. `npm start` keeps its demo defaults outside production and says they are demo.
 */
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import { verifyPassword } from './passwords.ts';

/** The smallest secret accepted in production: 32 bytes of key, as Standard Webhooks recommends. */
export const PRODUCTION_SECRET_BYTES = 32;

/** A secret variable: where its value comes from, its published default, and its key bytes. */
export interface SecretVar {
  env: string;
  default: string | undefined;
  keyBytes(value: string): number;
}

export function isProduction(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV === 'production';
}

/** Problems of a configuration for production, each naming its variable; empty when it may run. */
export function productionProblems(config: Config, env: NodeJS.ProcessEnv, secrets: SecretVar[]): string[] {
  const problems: string[] = [];
  for (const secret of secrets) {
    const raw = env[secret.env]?.trim();
    if (!raw) problems.push(`${secret.env}: must be set in production (the default is a published demo value)`);
    else if (raw === secret.default) problems.push(`${secret.env}: is the published demo value; set a secret of your own`);
    else if (secret.keyBytes(raw) < PRODUCTION_SECRET_BYTES)
      problems.push(`${secret.env}: too short, production needs at least ${PRODUCTION_SECRET_BYTES} bytes of key`);
  }
  if (!config.publicBaseUrl) problems.push('PUBLIC_BASE_URL: must be set in production (QR labels and links carry it)');
  if (config.baseUrl.startsWith('https:') && !config.cookieSecure)
    problems.push('COOKIE_SECURE: must not be off behind an https PUBLIC_BASE_URL (cookies would travel in clear text)');
  return problems;
}

/**
 * Accounts that anyone who read the README could use: an enabled demo user whose password is still
 * the published one. (A superuser or owner login is refused in every mode, by `connectDatabase`.)
 */
export async function productionDatabaseProblems(db: Db, demo: { usernames: string[]; password: string }): Promise<string[]> {
  const problems: string[] = [];
  const rows = (await db('users')
    .whereRaw('lower(username) = any(?)', [demo.usernames.map((u) => u.toLowerCase())])
    .where('disabled', false)
    .select('username', 'password_hash')) as { username: string; password_hash: string }[];
  for (const row of rows)
    if (await verifyPassword(row.password_hash, demo.password))
      problems.push(`user ${row.username}: still has the published demo password; change it or disable the account`);
  return problems;
}

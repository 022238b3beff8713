/**
 * `npm run user:create -- <username> <role> <region code> <name>`: creates an account from the command
 * line (the first administrator of a deployment without demo data). The password is read from
 * YDYM_NEW_PASSWORD, or generated and printed once.
 */
import { randomBytes } from 'node:crypto';
import { connectDatabase } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { checkPasswordRule, hashPassword } from '../domain/passwords.ts';
import { isRole, roleRegionProblem, ROLES } from '../domain/roles.ts';
import { DatabaseAuditStore } from '../domain/stores/database-audit.ts';
import { DatabaseRegionStore } from '../domain/stores/database-regions.ts';
import { DatabaseUserStore } from '../domain/stores/database-users.ts';
import { runMain } from '../domain/run-main.ts';

function usage(problem: string): never {
  console.error(`user:create: ${problem}\nusage: npm run user:create -- <username> <${ROLES.join('|')}> <region code> <name>`);
  process.exit(2);
}

runMain('user:create', async () => {
  const [username, role, regionCode, name] = process.argv.slice(2);
  if (!username || !role || !regionCode || !name) usage('four arguments are needed');
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) usage('username: 3–32 letters, digits, _ . -');
  if (!isRole(role)) usage(`role must be one of ${ROLES.join(', ')}`);
  const levelProblem = roleRegionProblem(role, regionCode);
  if (levelProblem) usage(`region ${regionCode}: ${levelProblem}`);
  const generated = !process.env.YDYM_NEW_PASSWORD;
  const password = process.env.YDYM_NEW_PASSWORD ?? `Y${randomBytes(9).toString('base64url')}7`;
  try {
    await checkPasswordRule(password, 'YDYM_NEW_PASSWORD');
  } catch (error) {
    usage(`YDYM_NEW_PASSWORD: ${(error as Error).message}`);
  }
  const db = await connectDatabase(loadConfig());
  try {
    if (!(await new DatabaseRegionStore(db).exists(regionCode)))
      usage(`region ${regionCode} is not loaded (npm run seed:regions -- <district>)`);
    const users = new DatabaseUserStore(db);
    if (await users.usernameTaken(username)) usage(`username ${username} is taken`);
    const passwordHash = await hashPassword(password);
    await db.transaction(async (trx) => {
      // A printed password has been seen on a console: its owner replaces it at first sign-in.
      const id = await users.create({ username, name, phone: null, role, regionCode, passwordHash, mustChangePassword: generated }, trx);
      const system = { actorId: null, actorName: 'cli', actorRole: null, ip: null, userAgent: null, requestId: null };
      await new DatabaseAuditStore(db).record(
        system,
        { action: 'user.create', subjectType: 'User', subjectId: id, regionCode, details: { username, role } },
        trx,
      );
    });
    console.log(`created ${username} (${role}, ${regionCode})${generated ? `; password: ${password}` : ''}`);
  } finally {
    await db.destroy();
  }
});

/** Seeds the demo accounts (domain/demo-accounts.ts) into an empty database: for `npm start` and the tests. */
import { DEMO_PASSWORD, DEMO_USERS } from '../../domain/demo-accounts.ts';
import type { Db } from '../../domain/db.ts';
import { hashPassword } from '../../domain/passwords.ts';
import { DatabaseAuditStore } from '../../domain/stores/database-audit.ts';
import { DatabaseUserStore } from '../../domain/stores/database-users.ts';

/** Creates the demo users when there are no users at all; returns how many were created. */
export async function seedDemoUsers(db: Db): Promise<number> {
  const users = new DatabaseUserStore(db);
  if ((await users.count()) > 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const audit = new DatabaseAuditStore(db);
  const system = { actorId: null, actorName: 'system', actorRole: null, ip: null, userAgent: null, requestId: null };
  await db.transaction(async (trx) => {
    for (const u of DEMO_USERS) {
      // Demo accounts share a published password by design; forcing a change would break every demo and test.
      const id = await users.create({ ...u, passwordHash, mustChangePassword: false }, trx);
      await audit.record(
        system,
        {
          action: 'user.create',
          subjectType: 'User',
          subjectId: id,
          regionCode: u.regionCode,
          details: { username: u.username, role: u.role, demo: true },
        },
        trx,
      );
    }
  });
  return DEMO_USERS.length;
}

/** Demo accounts, one per role, each in a sensible region of Qingcheng District. */
import type { Db } from '../db.ts';
import { hashPassword } from '../passwords.ts';
import type { Role } from '../roles.ts';
import { DatabaseAuditStore } from '../stores/database-audit.ts';
import { DatabaseUserStore } from '../stores/database-users.ts';

export const DEMO_PASSWORD = 'Ydym@2026';

export const DEMO_USERS: { username: string; name: string; role: Role; regionCode: string; phone: string }[] = [
  { username: 'admin', name: '林管理', role: 'district_admin', regionCode: '441802', phone: '13800000001' },
  { username: 'officer', name: '陈业务', role: 'district_officer', regionCode: '441802', phone: '13800000002' },
  { username: 'town', name: '黄镇街', role: 'town_officer', regionCode: '441802006', phone: '13800000003' },
  { username: 'inspector', name: '李排查', role: 'inspector', regionCode: '441802006001', phone: '13800000004' },
  // A second inspector of the same community: rechecks evidence the first one submitted (four eyes).
  { username: 'inspector2', name: '王网格', role: 'inspector', regionCode: '441802006001', phone: '13800000006' },
  { username: 'auditor', name: '周审计', role: 'auditor', regionCode: '441802', phone: '13800000005' },
];

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

/**
 * The demo accounts, one per role, each in a sensible region of Qingcheng District, with their shared
 * published password. Here (not beside the seeding tool) because start-up refuses them in production.
 */
import type { Role } from './roles.ts';

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

import { REGION_LEVEL_LABELS, isRegionCodeShape, regionLevel } from './regions.ts';
import type { RegionLevel } from './regions.ts';

/** The five account roles of DOMAIN.md. Citizens have no account. */
export const ROLES = ['district_admin', 'district_officer', 'town_officer', 'inspector', 'auditor'] as const;

export type Role = (typeof ROLES)[number];

/** Chinese labels shown to users. */
export const ROLE_LABELS: Record<Role, string> = {
  district_admin: '区住建局系统管理员',
  district_officer: '区住建局业务人员',
  town_officer: '镇（街道）住建办人员',
  inspector: '村（社区）排查员',
  auditor: '审计/纪检人员',
};

/** English labels for the UI's English locale. */
export const ROLE_LABELS_EN: Record<Role, string> = {
  district_admin: 'District administrator',
  district_officer: 'District case officer',
  town_officer: 'Town officer',
  inspector: 'Community inspector',
  auditor: 'Auditor',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The level of region each role works at (DOMAIN.md): an inspector covers a village or community, a
 * town officer a town or street, the district's staff and auditors the whole district. An account at
 * another level would see too much (an inspector given the district) or take tasks it cannot reach.
 */
export const ROLE_REGION_LEVEL: Record<Role, RegionLevel> = {
  district_admin: 'district',
  district_officer: 'district',
  town_officer: 'town',
  inspector: 'village',
  auditor: 'district',
};

/** Why `regionCode` cannot be the region of an account with `role`, in Chinese; null when it can. */
export function roleRegionProblem(role: Role, regionCode: string): string | null {
  const wanted = ROLE_REGION_LEVEL[role];
  if (isRegionCodeShape(regionCode) && regionLevel(regionCode) === wanted) return null;
  return `${ROLE_LABELS[role]}的管辖区域须为${REGION_LEVEL_LABELS[wanted]}一级`;
}

/** The five account roles of DOMAIN.md. Citizens have no account. */
export const ROLES = ['district_admin', 'district_officer', 'town_officer', 'inspector', 'auditor'] as const;

export type Role = (typeof ROLES)[number];

/** Chinese labels shown to users. */
export const ROLE_LABELS: Record<Role, string> = {
  district_admin: '区住建局系统管理员',
  district_officer: '区住建局业务人员',
  town_officer: '镇/街道住建办人员',
  inspector: '村(居)排查员',
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

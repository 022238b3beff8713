/**
 * Thin objection models: table, id and JSON schema of the rows. Mapping to domain objects lives in the
 * stores, which pass their knex (or transaction) to `Model.query(db)`.
 */
import { Model } from 'objection';

export class RegionRow extends Model {
  static override tableName = 'regions';
  static override idColumn = 'code';
  code!: string;
  name!: string;
  level!: number;
  parent_code!: string | null;
}

export class UserRow extends Model {
  static override tableName = 'users';
  id!: string;
  username!: string;
  name!: string;
  phone!: string | null;
  role!: string;
  region_code!: string;
  password_hash!: string;
  disabled!: boolean;
  must_change_password!: boolean;
  last_login_at!: Date | null;
  password_changed_at!: Date;
  created_at!: Date;
  updated_at!: Date;
}

export class SessionRow extends Model {
  static override tableName = 'sessions';
  id!: string;
  token_hash!: Buffer;
  user_id!: string;
  csrf_token!: string;
  created_at!: Date;
  last_seen_at!: Date;
  revoked_at!: Date | null;
  ip!: string | null;
  user_agent!: string | null;
}

export class AuditRow extends Model {
  static override tableName = 'audit_log';
  id!: number;
  at!: Date;
  actor_id!: string | null;
  actor_name!: string | null;
  actor_role!: string | null;
  action!: string;
  subject_type!: string | null;
  subject_id!: string | null;
  region_code!: string | null;
  ip!: string | null;
  user_agent!: string | null;
  request_id!: string | null;
  details!: Record<string, unknown>;
}

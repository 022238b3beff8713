/** `UserStore` on PostgreSQL: the account with its region's name and any sign-in lock in one query. */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { maskPhone } from '../mask.ts';
import { UserRow } from '../models.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { Role } from '../roles.ts';
import type { Credentials, NewUser, User, UserFilter, UserPatch, UserStore } from './users.ts';

type Row = UserRow & { region_name: string | null; locked_until: Date | null };

function toUser(row: Row): User {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    phone: row.phone,
    role: row.role as Role,
    regionCode: row.region_code,
    regionName: row.region_name,
    disabled: row.disabled,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
    mustChangePassword: row.must_change_password,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const SORT = {
  username: 'u.username',
  name: 'u.name',
  role: 'u.role',
  regionCode: 'u.region_code',
  createdAt: 'u.created_at',
  lastLoginAt: 'u.last_login_at',
};

export class DatabaseUserStore implements UserStore {
  constructor(private readonly db: Db) {}

  private base(db: Db = this.db) {
    const lock = db('login_throttles as t')
      .max('t.locked_until')
      .whereRaw('t.account = lower(u.username)')
      .where('t.locked_until', '>', db.fn.now())
      .as('locked_until');
    return db('users as u').leftJoin('regions as r', 'r.code', 'u.region_code').select('u.*', 'r.name as region_name', lock);
  }

  async list(ability: AppAbility, params: ListParams & UserFilter): Promise<ListResult<User>> {
    const query = whereAllowed(this.base(), ability, 'read', 'User', { regionCode: 'u.region_code', id: 'u.id' });
    if (params.q) {
      const like = `%${params.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.where((w) => w.where('u.username', 'ilike', like).orWhere('u.name', 'ilike', like));
    }
    if (params.role) query.where('u.role', params.role);
    if (params.regionCode) query.where('u.region_code', 'like', `${params.regionCode}%`);
    if (params.disabled !== undefined) query.where('u.disabled', params.disabled);
    if (params.ids) query.whereIn('u.id', params.ids);
    const result = await paged<Row, User>(query, params, SORT, 'username', 'u.id', toUser);
    return { total: result.total, data: result.data.map((u) => ({ ...u, phone: maskPhone(u.phone) })) };
  }

  /** A user by id, if the ability may read them (`undefined` also for a malformed id). */
  async find(ability: AppAbility | null, id: string, db: Db = this.db): Promise<User | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const query = this.base(db).where('u.id', id);
    if (ability) whereAllowed(query, ability, 'read', 'User', { regionCode: 'u.region_code', id: 'u.id' });
    const row = (await query.first()) as Row | undefined;
    return row && toUser(row);
  }

  async credentialsByUsername(username: string, db: Db = this.db): Promise<Credentials | undefined> {
    const row = (await UserRow.query(db).whereRaw('lower(username) = lower(?)', [username]).first()) as UserRow | undefined;
    return row && toCredentials(row);
  }

  async credentialsById(id: string, db: Db = this.db): Promise<Credentials | undefined> {
    const row = (await UserRow.query(db).findById(id)) as UserRow | undefined;
    return row && toCredentials(row);
  }

  async usernameTaken(username: string, db: Db = this.db): Promise<boolean> {
    return (await UserRow.query(db).whereRaw('lower(username) = lower(?)', [username]).first()) !== undefined;
  }

  async create(input: NewUser, db: Db = this.db): Promise<string> {
    const [row] = (await db('users')
      .insert({
        username: input.username,
        name: input.name,
        phone: input.phone,
        role: input.role,
        region_code: input.regionCode,
        password_hash: input.passwordHash,
        must_change_password: input.mustChangePassword,
      })
      .returning('id')) as { id: string }[];
    if (!row) throw new Error('insert returned no id');
    return row.id;
  }

  async update(id: string, patch: UserPatch, db: Db = this.db): Promise<void> {
    const row: Record<string, unknown> = { updated_at: db.fn.now() };
    if (patch.name !== undefined) row.name = patch.name;
    if (patch.phone !== undefined) row.phone = patch.phone;
    if (patch.role !== undefined) row.role = patch.role;
    if (patch.regionCode !== undefined) row.region_code = patch.regionCode;
    if (patch.disabled !== undefined) row.disabled = patch.disabled;
    await db('users').where({ id }).update(row);
  }

  /** Sets a new password; `mustChange` when an administrator chose it. */
  async setPassword(id: string, passwordHash: string, mustChange: boolean, db: Db = this.db): Promise<void> {
    await db('users').where({ id }).update({
      password_hash: passwordHash,
      password_changed_at: db.fn.now(),
      must_change_password: mustChange,
      updated_at: db.fn.now(),
    });
  }

  async recordLoginSuccess(id: string, db: Db = this.db): Promise<void> {
    await db('users').where({ id }).update({ last_login_at: db.fn.now() });
  }

  /** Counts users (the demo seed runs only on an empty table). */
  async count(): Promise<number> {
    const row = (await this.db('users').count({ n: '*' }).first()) as { n: number } | undefined;
    return row?.n ?? 0;
  }
}

/** Maps a users row (or a row carrying the same columns) to the credentials the API works with. */
export function toCredentials(row: UserRow): Credentials {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role as Role,
    regionCode: row.region_code,
    passwordHash: row.password_hash,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
  };
}

/**
 * Accounts: reads scoped by abilities, writes inside the caller's transaction. `DatabaseUserStore`
 * (database-users.ts) holds the SQL.
 */
import type { AppAbility } from '../abilities.ts';
import type { Db } from '../db.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { Role } from '../roles.ts';

export interface User {
  id: string;
  username: string;
  name: string;
  phone: string | null;
  role: Role;
  regionCode: string;
  regionName: string | null;
  disabled: boolean;
  /** Until when sign-in is refused from at least one address (or from all, past the account ceiling). */
  lockedUntil: string | null;
  /** The password was set by an administrator and must be changed at the next sign-in. */
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What authentication needs, including the hash; never sent to a client. */
export interface Credentials {
  id: string;
  username: string;
  name: string;
  role: Role;
  regionCode: string;
  passwordHash: string;
  disabled: boolean;
  mustChangePassword: boolean;
}

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  regionCode?: string | undefined;
  disabled?: boolean | undefined;
  ids?: string[] | undefined;
}

export interface NewUser {
  username: string;
  name: string;
  phone: string | null;
  role: Role;
  regionCode: string;
  passwordHash: string;
  /** True when an administrator chose the password (the user must change it at first sign-in). */
  mustChangePassword: boolean;
}

export type UserPatch = Partial<Pick<User, 'name' | 'phone' | 'role' | 'regionCode' | 'disabled'>>;

/** Accounts. */
export interface UserStore {
  /** A page of the users `ability` may read, phones masked. */
  list(ability: AppAbility, params: ListParams & UserFilter): Promise<ListResult<User>>;
  /** A user by id, if the ability may read them (`null`: any; `undefined` also for a malformed id). */
  find(ability: AppAbility | null, id: string, tx?: Db): Promise<User | undefined>;
  /** The credentials of a username, whatever its case. */
  credentialsByUsername(username: string, tx?: Db): Promise<Credentials | undefined>;
  /** The credentials of a user by id. */
  credentialsById(id: string, tx?: Db): Promise<Credentials | undefined>;
  /** Whether a username is taken, whatever its case. */
  usernameTaken(username: string, tx?: Db): Promise<boolean>;
  /** Writes a user; returns the id. */
  create(input: NewUser, tx?: Db): Promise<string>;
  /** Applies the given fields. */
  update(id: string, patch: UserPatch, tx?: Db): Promise<void>;
  /** Sets a new password; `mustChange` when an administrator chose it. */
  setPassword(id: string, passwordHash: string, mustChange: boolean, tx?: Db): Promise<void>;
  /** Stamps a successful sign-in. */
  recordLoginSuccess(id: string, tx?: Db): Promise<void>;
  /** Counts users (the demo seed runs only on an empty table). */
  count(): Promise<number>;
}

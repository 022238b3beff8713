/**
 * API clients (上级平台接口凭据) and the change feed they read. `DatabaseApiClientStore`
 * (database-store.ts) holds the SQL.
 */
import type { Building } from '../buildings/store.ts';
import type { ChangePosition } from './cursor.ts';

export interface ApiClient {
  id: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  /** Whether owner names and phones are served in full (granted explicitly); masked otherwise. */
  personalData: boolean;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface NewApiClient {
  id: string;
  name: string;
  regionCode: string;
  personalData: boolean;
  secretHash: string;
  createdBy: string;
}

/** One house of the feed with its position. */
export interface FeedHouse {
  building: Building;
  position: ChangePosition;
}

export interface ApiClientStore {
  /** The clients whose region lies under `regionPrefix`, newest first. */
  list(regionPrefix: string): Promise<ApiClient[]>;
  find(id: string): Promise<ApiClient | undefined>;
  create(input: NewApiClient): Promise<ApiClient>;
  /** Marks the client revoked (once); false when it was already revoked or does not exist. */
  revoke(id: string, by: string): Promise<boolean>;
  /** The stored hash of a client that is not revoked. */
  liveSecretHash(id: string): Promise<string | undefined>;
  touch(id: string, at: Date): Promise<void>;
  /**
   * Up to `limit` houses whose village code starts with `regionPrefix`, changed after `after`, in change order, among the changes of
   * transactions older than every one still running (so none can appear later behind the cursor).
   */
  changedHouses(regionPrefix: string, after: ChangePosition, limit: number): Promise<FeedHouse[]>;
}

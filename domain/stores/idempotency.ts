/**
 * Stored responses of mutating requests, keyed by actor and the client's Idempotency-Key, so a repeat
 * gets the first answer instead of a second write.
 */
import type { Db } from '../db.ts';
import { IdempotencyRow } from '../models.ts';

export type Claim =
  { kind: 'new' } | { kind: 'replay'; status: number; response: unknown } | { kind: 'in-progress' } | { kind: 'mismatch' };

export class IdempotencyStore {
  constructor(private readonly db: Db) {}

  /** Claims a key for a request, or reports what an earlier request with the same key left. */
  async claim(actor: string, key: string, method: string, path: string, requestHash: string): Promise<Claim> {
    const inserted = await this.db('idempotency_keys')
      .insert({ actor, key, method, path, request_hash: requestHash })
      .onConflict(['actor', 'key'])
      .ignore()
      .returning('key');
    if (inserted.length > 0) return { kind: 'new' };
    const row = (await IdempotencyRow.query(this.db).findById([actor, key])) as IdempotencyRow | undefined;
    if (!row) return this.claim(actor, key, method, path, requestHash);
    if (row.method !== method || row.path !== path || row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.status === null) return { kind: 'in-progress' };
    return { kind: 'replay', status: row.status, response: row.response };
  }

  async complete(actor: string, key: string, status: number, response: unknown): Promise<void> {
    await this.db('idempotency_keys')
      .where({ actor, key })
      .update({ status, response: JSON.stringify(response ?? null) });
  }

  /** Frees a key whose request failed on the server, so the client may retry with it. */
  async release(actor: string, key: string): Promise<void> {
    await this.db('idempotency_keys').where({ actor, key }).whereNull('status').delete();
  }

  /** Deletes keys older than `hours` (housekeeping). */
  async purge(hours: number): Promise<number> {
    return this.db('idempotency_keys')
      .where('created_at', '<', this.db.raw('now() - make_interval(hours => ?)', [hours]))
      .delete();
  }
}

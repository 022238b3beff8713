/**
 * Stored responses of mutating requests, so a repeat gets the first answer instead of a second write.
 * The store only ever sees a keyed hash of the client's Idempotency-Key and the answer sealed under a
 * key derived from it (see api/http/idempotency.ts): a copy of this table gives back neither.
 */
import type { Db } from '../db.ts';

export type Claim =
  { kind: 'new' } | { kind: 'replay'; status: number; sealed: Buffer | null } | { kind: 'in-progress' } | { kind: 'mismatch' };

interface Row {
  method: string;
  path: string;
  request_hash: string;
  status: number | null;
  sealed_response: Buffer | null;
}

export class IdempotencyStore {
  constructor(private readonly db: Db) {}

  /** Claims a key for a request, or reports what an earlier request with the same key left. */
  async claim(actor: string, keyHash: string, method: string, path: string, requestHash: string): Promise<Claim> {
    const inserted = await this.db('idempotency_keys')
      .insert({ actor, key_hash: keyHash, method, path, request_hash: requestHash })
      .onConflict(['actor', 'key_hash'])
      .ignore()
      .returning('key_hash');
    if (inserted.length > 0) return { kind: 'new' };
    const row = (await this.db('idempotency_keys')
      .where({ actor, key_hash: keyHash })
      .first('method', 'path', 'request_hash', 'status', 'sealed_response')) as Row | undefined;
    if (!row) return this.claim(actor, keyHash, method, path, requestHash);
    if (row.method !== method || row.path !== path || row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.status === null) return { kind: 'in-progress' };
    return { kind: 'replay', status: row.status, sealed: row.sealed_response };
  }

  async complete(actor: string, keyHash: string, status: number, sealed: Buffer): Promise<void> {
    await this.db('idempotency_keys').where({ actor, key_hash: keyHash }).update({ status, sealed_response: sealed });
  }

  /** Frees a key whose request failed on the server, so the client may retry with it. */
  async release(actor: string, keyHash: string): Promise<void> {
    await this.db('idempotency_keys').where({ actor, key_hash: keyHash }).whereNull('status').delete();
  }

  /** Deletes keys older than `hours` (housekeeping). */
  async purge(hours: number): Promise<number> {
    return this.db('idempotency_keys')
      .where('created_at', '<', this.db.raw('now() - make_interval(hours => ?)', [hours]))
      .delete();
  }
}

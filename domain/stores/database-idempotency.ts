/**
 * `IdempotencyStore` on PostgreSQL: one row per key, claimed by an INSERT … ON CONFLICT DO NOTHING. A claim
 * whose request never answered (its process died: no completion, no release) is taken over by the same
 * request once it is older than `claimSeconds`, by one UPDATE that only one retry can win.
 */
import type { Db } from '../db.ts';
import type { Claim, IdempotencyStore } from './idempotency.ts';

interface Row {
  method: string;
  path: string;
  request_hash: string;
  status: number | null;
  sealed_response: Buffer | null;
}

export class DatabaseIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly db: Db,
    private readonly claimSeconds = 300,
  ) {}

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
    if (row.status === null) {
      const taken = await this.db('idempotency_keys')
        .where({ actor, key_hash: keyHash })
        .whereNull('status')
        .where('created_at', '<', this.db.raw('now() - make_interval(secs => ?)', [this.claimSeconds]))
        .update({ created_at: this.db.fn.now() })
        .returning('key_hash');
      return taken.length > 0 ? { kind: 'new' } : { kind: 'in-progress' };
    }
    return { kind: 'replay', status: row.status, sealed: row.sealed_response };
  }

  async complete(actor: string, keyHash: string, status: number, sealed: Buffer): Promise<void> {
    await this.db('idempotency_keys').where({ actor, key_hash: keyHash }).update({ status, sealed_response: sealed });
  }

  async release(actor: string, keyHash: string): Promise<void> {
    await this.db('idempotency_keys').where({ actor, key_hash: keyHash }).whereNull('status').delete();
  }

  async purge(hours: number): Promise<number> {
    return this.db('idempotency_keys')
      .where('created_at', '<', this.db.raw('now() - make_interval(hours => ?)', [hours]))
      .delete();
  }
}

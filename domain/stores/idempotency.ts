/**
 * Stored responses of mutating requests, so a repeat gets the first answer instead of a second write.
 * The store only ever sees a keyed hash of the client's Idempotency-Key and the answer sealed under a
 * key derived from it (see api/http/idempotency.ts): a copy of this table gives back neither.
 * `DatabaseIdempotencyStore` (database-idempotency.ts) holds the SQL.
 */
export type Claim =
  { kind: 'new' } | { kind: 'replay'; status: number; sealed: Buffer | null } | { kind: 'in-progress' } | { kind: 'mismatch' };

/** Idempotency keys, by the acting user (or client) and the keyed hash of the key. */
export interface IdempotencyStore {
  /** Claims a key for a request, or reports what an earlier request with the same key left (atomically: one claim wins). */
  claim(actor: string, keyHash: string, method: string, path: string, requestHash: string): Promise<Claim>;
  /** Stores the sealed answer of the request that claimed the key. */
  complete(actor: string, keyHash: string, status: number, sealed: Buffer): Promise<void>;
  /** Frees a key whose request failed on the server, so the client may retry with it. */
  release(actor: string, keyHash: string): Promise<void>;
  /** Deletes keys older than `hours` (housekeeping); how many. */
  purge(hours: number): Promise<number>;
}

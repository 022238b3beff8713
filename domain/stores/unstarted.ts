/**
 * The sweeper's question, asked the same way of every table whose rows start a workflow: which rows
 * were written long enough ago that their workflow should be running? Rows younger than the grace
 * period are left to the request that wrote them, which starts their workflow itself.
 */
import type { Knex } from 'knex';
import type { Db } from '../db.ts';

/** How many rows of one kind one sweep starts at most; the next sweep takes the rest. */
export const SWEEP_LIMIT = 100;

/** `now()` less `olderThanMs`, by the database's clock (the one that stamped `created_at`). */
export function writtenBefore(db: Db, olderThanMs: number): Knex.Raw {
  return db.raw(`now() - make_interval(secs => ?)`, [olderThanMs / 1000]);
}

/**
 * The sweeper's activity: starts the workflow of every row that should have one and may not (see the
 * sweep workflow). Which rows those are, and how each starts, is the registry's business
 * (startable.ts); this only walks it. No SQL here: each kind asks its own store.
 */
import type { Client } from '@temporalio/client';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import type { SweepResult } from '../../workflows/sweep/workflow.ts';
import { startableKinds } from './startable.ts';
import type { StartableKind } from './startable.ts';

/** Starts the missing workflows of each kind in turn; returns how many rows of each it started. */
export async function startMissing(kinds: readonly StartableKind<unknown>[], olderThanMs: number): Promise<SweepResult> {
  const result: SweepResult = {};
  for (const kind of kinds) {
    const rows = await kind.unstarted(olderThanMs);
    for (const row of rows) await kind.start(row);
    result[kind.kind] = rows.length;
  }
  return result;
}

export function createSweepActivities(deps: { db: Db; config: Config; temporal: Client }) {
  const kinds = startableKinds(deps);
  return {
    /** Starts missing workflows of rows written more than `olderThanMs` ago; returns how many of each. */
    async startMissingWorkflows({ olderThanMs }: { olderThanMs: number }): Promise<SweepResult> {
      return startMissing(kinds, olderThanMs);
    },
  };
}

export type SweepActivities = ReturnType<typeof createSweepActivities>;

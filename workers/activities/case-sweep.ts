/** The sweeper's activity: starts the workflow of every case row that has none (see case-sweep workflow). */
import { Context } from '@temporalio/activity';
import type { Config } from '../../domain/config.ts';
import { CaseStore } from '../../domain/cases/store.ts';
import { CaseWorkflows } from '../../domain/cases/workflow-client.ts';
import type { Db } from '../../domain/db.ts';

export function createCaseSweepActivities(deps: { db: Db; config: Config }) {
  const cases = new CaseStore(deps.db);
  return {
    /** Starts missing workflows of cases written more than `olderThanMs` ago; returns how many. */
    async startMissingCaseWorkflows({ olderThanMs }: { olderThanMs: number }): Promise<number> {
      const workflows = new CaseWorkflows(Context.current().client, deps.config);
      const missing = await cases.unstarted(olderThanMs);
      for (const c of missing) {
        await workflows.start(c, null);
        await cases.markStarted(c.id);
      }
      return missing.length;
    },
  };
}

export type CaseSweepActivities = ReturnType<typeof createCaseSweepActivities>;

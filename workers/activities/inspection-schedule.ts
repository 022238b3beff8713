/**
 * The scheduling pass's activities (workflows/inspection-schedule): the writes are the store's
 * conditional ones, so running any of them again writes nothing twice. The day the cap counts is taken
 * here, from the clock and CASE_DAY_SECONDS. An inspector given houses is told by the notification
 * centre once per scheduling day.
 */
import { heartbeat } from '@temporalio/activity';
import { inspectionScheduleDefinition, scheduleDayStart } from '../../definitions/inspection-schedule/index.ts';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import { DatabaseInspectionDueStore } from '../../domain/inspection-schedule/database-store.ts';
import { DatabaseNotificationStore } from '../../domain/notifications/database-store.ts';
import type { NotifyRequest } from '../../domain/notifications/store.ts';

/** An inspector's notice of the houses handed to them on a scheduling day (one per inspector and day). */
function dueNotice(inspectorId: string, dayStart: string): NotifyRequest {
  return {
    key: `inspection-due:${dayStart}`,
    kind: 'inspection_due',
    recipients: { userIds: [inspectorId] },
    title: '定期巡查：有房屋待您排查',
    body: '按风险等级到期的房屋已分派给您，请在“我的待办 · 定期巡查”中查看并开始排查',
    link: '/inbox?view=schedule',
  };
}

export function createInspectionScheduleActivities(deps: { db: Db; config: Config }) {
  const store = new DatabaseInspectionDueStore(deps.db);
  const notifications = new DatabaseNotificationStore(deps.db);
  const daySeconds = deps.config.caseDaySeconds;
  return {
    /** Up to `batches` statements of `batchSize` houses after `after`; `last` null: every house looked at. */
    async writeMissingDueItems(input: {
      version: number;
      after: string;
      batchSize: number;
      batches: number;
    }): Promise<{ created: number; last: string | null }> {
      const def = inspectionScheduleDefinition(input.version);
      let created = 0;
      let after = input.after;
      for (let i = 0; i < input.batches; i++) {
        const r = await store.createMissing(def, daySeconds, after, input.batchSize, new Date().toISOString());
        created += r.created;
        if (r.last === null) return { created, last: null };
        after = r.last;
        heartbeat(after);
      }
      return { created, last: after };
    },

    async villagesToAssign({ version }: { version: number }): Promise<string[]> {
      return store.villagesToAssign(inspectionScheduleDefinition(version), new Date().toISOString());
    },

    /** Each village in its own transaction; answers how many houses were given. */
    async assignDueVillages({ version, villageCodes }: { version: number; villageCodes: string[] }): Promise<number> {
      const def = inspectionScheduleDefinition(version);
      let assigned = 0;
      for (const village of villageCodes) {
        const now = Date.now();
        const dayStart = new Date(scheduleDayStart(now, daySeconds)).toISOString();
        const given = await store.assignVillage(def, village, new Date(now).toISOString(), dayStart);
        // Each inspector given houses today is told once that day, however often the pass tops them up.
        if (given > 0)
          for (const inspectorId of await store.holdersOn(village, dayStart)) await notifications.notify(dueNotice(inspectorId, dayStart));
        assigned += given;
        heartbeat(village);
      }
      return assigned;
    },
  };
}

export type InspectionScheduleActivities = ReturnType<typeof createInspectionScheduleActivities>;

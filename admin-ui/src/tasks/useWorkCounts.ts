/**
 * How much work waits for the signed-in user, tab by tab: the case tasks, the complaints they may
 * verify, the warnings they may handle, for the roles campaigns are handed to, the campaign houses, and for inspectors their 定期巡查 batch. Refreshed every half minute
 * and after every task action. `settled` once every count that applies has answered (or failed).
 */
import { useCanAccess, useGetIdentity } from 'react-admin';
import type { AppIdentity } from '../authProvider.ts';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import type { WorkCounts } from './inboxViews.ts';
import { useCampaignTaskCount } from './useCampaignTaskCount.ts';
import { useScheduleCount } from './useScheduleCount.ts';
import { useTaskCounts } from './useTaskCounts.ts';

const COUNT_MS = 30_000;

/** The roles a campaign can be handed to (`assigneeRole`); others never have campaign houses. */
const CAMPAIGN_ROLES = new Set<string>(['inspector', 'town_officer']);

export interface WorkSummary {
  counts: WorkCounts & { overdue: number; done: number };
  /** Whether the user may verify complaints (and so has a 待核实 tab). */
  verifies: boolean;
  /** Whether campaigns can be handed to the user's role (and so there is a 专项排查 tab). */
  inspects: boolean;
  /** Whether the user may handle warnings (and so has a 预警处置 tab). */
  handlesWarnings: boolean;
  /** Whether the user is a village inspector, given houses due by risk tier (the 定期巡查 tab). */
  scheduled: boolean;
  settled: boolean;
}

export function useWorkCounts(): WorkSummary {
  const identity = useGetIdentity();
  const role = (identity.identity as AppIdentity | undefined)?.role;
  const inspects = role !== undefined && CAMPAIGN_ROLES.has(role);
  const access = useCanAccess({ resource: 'complaints', action: 'update' });
  const verifies = access.canAccess === true;
  const warningAccess = useCanAccess({ resource: 'warnings', action: 'update' });
  const handlesWarnings = warningAccess.canAccess === true;
  const warnings = useApiQuery(
    ['warnings', 'tasks', 'count'],
    async (dataProvider, signal) => (await dataProvider.warningTasks({ page: 1, perPage: 1 }, signal)).total,
    { enabled: handlesWarnings, refetchInterval: COUNT_MS },
  );
  const tasks = useTaskCounts();
  const campaigns = useCampaignTaskCount(inspects);
  const scheduled = role === 'inspector';
  const schedule = useScheduleCount(scheduled);
  const verify = useApiQuery(
    ['complaints', 'to-verify', 'count'],
    async (dataProvider, signal) => (await dataProvider.complaintsToVerify({ page: 1, perPage: 1 }, signal)).total,
    { enabled: verifies, refetchInterval: COUNT_MS },
  );
  const settled =
    !identity.isPending &&
    !access.isPending &&
    !warningAccess.isPending &&
    !tasks.isPending &&
    (!inspects || !campaigns.isPending) &&
    (!scheduled || !schedule.isPending) &&
    (!verifies || !verify.isPending) &&
    (!handlesWarnings || !warnings.isPending);
  return {
    counts: {
      mine: tasks.data?.mine ?? 0,
      claimable: tasks.data?.claimable ?? 0,
      overdue: tasks.data?.overdue ?? 0,
      done: tasks.data?.done ?? 0,
      verify: verifies ? (verify.data ?? 0) : 0,
      campaigns: inspects ? (campaigns.data ?? 0) : 0,
      warnings: handlesWarnings ? (warnings.data ?? 0) : 0,
      schedule: scheduled ? (schedule.data ?? 0) : 0,
    },
    verifies,
    inspects,
    handlesWarnings,
    scheduled,
    settled,
  };
}

/**
 * What the notification centre tells about a warning (issue 19 §2, §3): its handlers when it is raised
 * (the moment its workflow starts, whoever starts it: the rule's run or the sweeper), and the role above
 * when it is escalated. One key per warning and event, so a retried start or escalation tells no one twice.
 */
import { warningRule } from '../../definitions/warning-rules/index.ts';
import type { NotifyRequest } from '../notifications/store.ts';
import type { UnstartedWarning, Warning } from './store.ts';

const link = (id: string) => `/warnings/${id}`;

/** To the users of the warning's role whose region covers it. */
export function raisedNotice(w: UnstartedWarning): NotifyRequest {
  const rule = warningRule(w.ruleId, w.ruleVersion);
  return {
    key: `warning:${w.id}:raised`,
    kind: 'warning',
    recipients: { roles: [w.assigneeRole], regionCode: w.regionCode },
    title: `预警：${rule.name}`,
    body: `${rule.name}，请在期限内确认并处置（可派发专项排查或立案，或说明理由后排除）`,
    link: link(w.id),
  };
}

/** To the role the warning escalates to, over its region. */
export function escalatedNotice(w: Warning): NotifyRequest {
  return {
    key: `warning:${w.id}:escalated`,
    kind: 'warning',
    recipients: { roles: [w.escalateToRole], regionCode: w.regionCode },
    title: `预警超期未确认：${w.ruleName}`,
    body: `${w.regionName ?? w.regionCode}的“${w.ruleName}”预警未在期限内确认，已上报`,
    link: link(w.id),
  };
}

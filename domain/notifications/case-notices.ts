/**
 * What one step of a hazard case tells people (issue 19 §3), derived from the step after it is applied:
 * - a task opened: its assignee (task_assigned), or, unclaimed, the users of its roles in its region
 *   (task_claimable); a task reassigned: the new assignee;
 * - a deadline reminder (the workflow's `task.reminded`): the assignee, else the task's pool; by text
 *   message too, to the assignee and, for rectification, to the responsible person (the owner);
 * - rectification ordered (a rectify task opens): a text message to the responsible person;
 * - an escalation accepted, refused, instructed or resolved: the town and district officers of the case.
 *
 * Every notification and message has a key derived from the step (case, task, reminder), so writing a
 * step's notices again (the activity retried, the step already applied) adds nothing: exactly once.
 */
import { hazardCaseDefinition } from '../../definitions/hazard-case/index.ts';
import { MEASURES } from '../../definitions/hazard-case/labels.ts';
import { CASE_CATEGORY } from '../cases/enums.ts';
import type { Transition } from '../cases/transition.ts';
import { releaseTime } from '../sms/quiet-hours.ts';
import type { QuietHours } from '../sms/quiet-hours.ts';
import type { NewSms, SmsRecord, SmsStore } from '../sms/store.ts';
import { deadlineText, renderSms } from '../sms/templates.ts';
import type { CaseFacts, CaseFactsReader, TaskFacts } from './case-facts.ts';
import type { NotificationStore, NotifyRequest } from './store.ts';

export interface CaseNotifierDeps {
  facts: CaseFactsReader;
  notifications: NotificationStore;
  sms: SmsStore;
  quietHours: QuietHours | null;
  /** Starts the delivery of queued messages (their workflows); must accept messages already started. */
  deliver(messages: SmsRecord[]): Promise<void>;
}

const ESCALATION_EVENTS: Record<string, (data: Record<string, unknown>) => string | null> = {
  'escalation.accepted': () => '督办已被政务监督信息化系统受理',
  'escalation.refused': (d) => `督办被退回：${String(d.error ?? '')}`,
  'supervision.callback': (d) =>
    d.kind === 'result' ? `督办办结：${String(d.text ?? '')}` : d.kind === 'instruction' ? `督办指示：${String(d.text ?? '')}` : null,
};

/** The events a step may carry that tell anyone anything; other steps cost no read. */
const NOTIFYING_EVENTS = new Set(['task.reassigned', 'task.reminded', ...Object.keys(ESCALATION_EVENTS)]);

export class CaseNotifier {
  constructor(private readonly deps: CaseNotifierDeps) {}

  /** Writes the step's notifications and messages (each at most once) and starts the messages' delivery. */
  async afterStep(t: Transition): Promise<void> {
    if (!t.openTasks?.length && !NOTIFYING_EVENTS.has(t.event.type)) return;
    const c = await this.deps.facts.caseFacts(t.caseId);
    if (!c) return;
    const notices: NotifyRequest[] = [];
    const texts: Omit<NewSms, 'sendAfter'>[] = [];
    const def = hazardCaseDefinition(c.definitionVersion);
    const stepName = (step: string) => def.steps[step as keyof typeof def.steps]?.name ?? step;
    const caseLink = `/cases/${c.id}/show`;

    for (const task of t.openTasks ?? []) {
      const name = stepName(task.step);
      notices.push({
        key: `task:${task.id}:opened`,
        kind: task.assigneeId ? 'task_assigned' : 'task_claimable',
        recipients: task.assigneeId ? { userIds: [task.assigneeId] } : { roles: task.roles, regionCode: task.regionCode },
        title: task.assigneeId ? `新任务：${name}` : `待认领任务：${name}`,
        body: `隐患案件 ${c.number}（${c.address ?? '地址未登记'}）待${name}${task.dueAt ? `，期限 ${deadlineText(task.dueAt)}` : ''}`,
        link: `/inbox/${task.id}`,
      });
      if (task.step === 'rectify')
        texts.push(...this.ownerText(c, 'rectification_notice', `case:${c.id}:rectify-notice:${task.id}`, task.dueAt));
    }

    const data = t.event.data;
    if (t.event.type === 'task.reassigned' && t.event.taskId && typeof data.to === 'string') {
      const task = await this.deps.facts.taskFacts(t.event.taskId);
      const name = stepName(task?.step ?? '');
      notices.push({
        key: `task:${t.event.taskId}:assigned:${t.seq}`,
        kind: 'task_assigned',
        recipients: { userIds: [data.to] },
        title: `转派给您的任务：${name}`,
        body: `隐患案件 ${c.number}（${c.address ?? '地址未登记'}）待${name}`,
        link: `/inbox/${t.event.taskId}`,
      });
    }

    if (t.event.type === 'task.reminded' && t.event.taskId) {
      const task = await this.deps.facts.taskFacts(t.event.taskId);
      if (task && (task.status === 'open' || task.status === 'claimed')) {
        notices.push(this.reminder(c, task, stepName(task.step), data.daysBefore));
        texts.push(...this.reminderTexts(c, task, stepName(task.step), data.daysBefore));
      }
    }

    const escalation = ESCALATION_EVENTS[t.event.type]?.(data);
    if (escalation) {
      notices.push({
        key: `case:${c.id}:step:${t.seq}`,
        kind: 'escalation_result',
        recipients: { roles: ['town_officer', 'district_officer'], regionCode: c.regionCode },
        title: `督办结果：${c.number}`,
        body: escalation,
        link: caseLink,
      });
    }

    for (const notice of notices) await this.deps.notifications.notify(notice);
    if (texts.length) {
      const now = new Date();
      const queued = await this.deps.sms.queue(
        texts.map((m) => ({ ...m, sendAfter: m.audience === 'owner' ? releaseTime(now, this.deps.quietHours) : now })),
      );
      await this.deps.deliver(queued.filter((m) => m.status === 'held' || m.status === 'queued'));
    }
  }

  private reminder(c: CaseFacts, task: TaskFacts, name: string, daysBefore: unknown): NotifyRequest {
    return {
      key: `task:${task.id}:reminder:${String(daysBefore)}`,
      kind: 'deadline_approaching',
      recipients: task.assignee ? { userIds: [task.assignee.id] } : { roles: task.roles, regionCode: task.regionCode },
      title: `即将到期：${name}`,
      body: `隐患案件 ${c.number}（${c.address ?? '地址未登记'}）的${name}将于 ${deadlineText(task.dueAt?.toISOString())} 到期`,
      link: `/inbox/${task.id}`,
    };
  }

  private reminderTexts(c: CaseFacts, task: TaskFacts, name: string, daysBefore: unknown): Omit<NewSms, 'sendAfter'>[] {
    const texts: Omit<NewSms, 'sendAfter'>[] = [];
    const due = task.dueAt?.toISOString() ?? null;
    if (task.assignee?.phone) {
      texts.push({
        key: `task:${task.id}:deadline-sms:${String(daysBefore)}`,
        caseId: c.id,
        kind: 'task_deadline',
        audience: 'staff',
        userId: task.assignee.id,
        recipientName: task.assignee.name,
        phone: task.assignee.phone,
        template: 'task_deadline',
        text: renderSms('task_deadline', { name: task.assignee.name, number: c.number, step: name, deadline: deadlineText(due) }),
      });
    }
    if (task.step === 'rectify') {
      texts.push(...this.ownerText(c, 'rectification_deadline', `case:${c.id}:rectify-deadline:${task.id}:${String(daysBefore)}`, due));
    }
    return texts;
  }

  /** A message to the case's responsible person, when one with a phone was named. */
  private ownerText(
    c: CaseFacts,
    template: 'rectification_notice' | 'rectification_deadline',
    key: string,
    due: string | null,
  ): Omit<NewSms, 'sendAfter'>[] {
    const party = c.responsible;
    if (!party?.phone) return [];
    const measures = c.measures.map((m) => MEASURES[m as keyof typeof MEASURES] ?? m).join('、');
    return [
      {
        key,
        caseId: c.id,
        kind: template,
        audience: 'owner',
        userId: null,
        recipientName: party.name,
        phone: party.phone,
        template,
        text: renderSms(template, {
          name: party.name,
          address: c.address,
          category: (CASE_CATEGORY.labels as Record<string, string>)[c.category] ?? c.category,
          measures: measures || '按通知要求整改',
          deadline: deadlineText(due),
          number: c.number,
        }),
      },
    ];
  }
}

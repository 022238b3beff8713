/** One line of Chinese per trail event, for the timeline, the dossier and the escalation history. */
import { stepByElement } from '../../definitions/hazard-case/index.ts';
import type { HazardCaseDefinition } from '../../definitions/hazard-case/types.ts';

const OUTCOME: Record<string, string> = {
  assigned: '已分派',
  controlled: '已落实管控',
  submitted: '已提交整改材料',
  pass: '复核通过',
  fail: '复核不通过',
  closed: '已销号',
  resent: '重新上报',
  handled: '已处理',
};

const CALLBACK: Record<string, string> = { acknowledged: '受理', instruction: '指示', result: '结果' };

export function eventSummary(def: HazardCaseDefinition, type: string, elementId: string | null, data: Record<string, unknown>): string {
  const step = elementId ? stepByElement(def, elementId) : undefined;
  const stepName = step?.name ?? '';
  switch (type) {
    case 'case.registered':
      return `隐患登记（${data.severity === 'serious' ? '严重隐患' : '一定隐患'}）`;
    case 'task.claimed':
      return `认领「${stepName}」任务`;
    case 'task.released':
      return `退回「${stepName}」任务`;
    case 'task.reassigned':
      return `「${stepName}」任务改派给 ${String(data.toName ?? '')}`;
    case 'task.completed':
      return `${stepName}：${OUTCOME[String(data.outcome)] ?? String(data.outcome)}${data.form && (data.form as Record<string, unknown>).reasons ? `（${String((data.form as Record<string, unknown>).reasons)}）` : ''}`;
    case 'task.reminded':
      return `「${stepName}」期限提醒（剩余 ${String(data.daysBefore)} 天）`;
    case 'task.overdue':
      return `「${def.steps[data.step as keyof typeof def.steps]?.name ?? ''}」超期`;
    case 'escalation.requested':
      return `第 ${String(data.no)} 次督办：${String(data.reasonText ?? '')}`;
    case 'escalation.accepted':
      return `第 ${String(data.no)} 次督办已送达政务监督系统${data.duplicate ? '（重复送达，已去重）' : ''}`;
    case 'escalation.refused':
      return `第 ${String(data.no)} 次督办被政务监督系统退回：${String(data.error ?? '')}`;
    case 'supervision.callback':
      return `政务监督系统${CALLBACK[String(data.kind)] ?? ''}：${String(data.text ?? '')}`;
    case 'case.cancelled':
      return `案件撤销：${String(data.reason ?? '')}`;
    default:
      return type;
  }
}

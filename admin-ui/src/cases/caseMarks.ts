/**
 * How a case's walk through its process shows on the diagram: elements passed green, where it waits
 * now blue (red when late), missed deadlines red; and a corner badge with how often each was entered
 * (a rectification redone after a failed recheck shows 2).
 */
import { hazardCaseDefinition } from '../../../definitions/hazard-case/index.ts';
import type { ElementBadge, ElementMark } from '../bpmn/index.ts';
import type { CaseDetail } from './types.ts';

/** The deadline timers and overdue ends of a version: reaching them means a deadline was missed. */
function lateElements(version: number): Set<string> {
  try {
    const steps = Object.values(hazardCaseDefinition(version).steps);
    return new Set(steps.flatMap((s) => [s.timerElementId, s.overdueElementId]).filter((id): id is string => id !== null));
  } catch {
    return new Set();
  }
}

export function caseMarks(record: CaseDetail, visitsTitle: (n: number) => string) {
  const late = lateElements(record.definitionVersion);
  const marks: Record<string, ElementMark> = {};
  const badges: Record<string, ElementBadge[]> = {};
  for (const [id, state] of Object.entries(record.elements)) {
    if (state.active) marks[id] = record.overdue ? 'overdue' : 'active';
    else if (state.visits > 0) marks[id] = late.has(id) ? 'overdue' : 'done';
    if (state.visits > 0) {
      const tone = marks[id] ?? 'done';
      badges[id] = [{ text: String(state.visits), tone, placement: 'corner', title: visitsTitle(state.visits) }];
    }
  }
  return { marks, badges };
}

/**
 * The case's process as a list of steps, for screens too narrow for the BPMN diagram: each step done,
 * active (or late) or still to come, in the order a case walks them. Control applies to serious
 * hazards only; the refused-escalation step shows only when the case met it.
 */
import { hazardCaseDefinition } from '../../../definitions/hazard-case/index.ts';
import type { StepId } from '../../../definitions/hazard-case/index.ts';
import type { CaseDetail } from './types.ts';

export type StepState = 'done' | 'active' | 'overdue' | 'pending' | 'skipped';

export interface CaseStep {
  /** A step of the definition, or where the case ends: closed (销号完成) or cancelled. */
  id: StepId | 'closed' | 'cancelled';
  state: StepState;
  visits: number;
}

const ORDER: StepId[] = ['assign', 'control', 'rectify', 'recheck', 'close', 'escalationRefused'];

export function caseSteps(record: Pick<CaseDetail, 'definitionVersion' | 'elements' | 'severity' | 'overdue' | 'status'>): CaseStep[] {
  const def = hazardCaseDefinition(record.definitionVersion);
  const steps: CaseStep[] = [];
  for (const id of ORDER) {
    const step = def.steps[id];
    const el = record.elements[step.elementId];
    const visits = el?.visits ?? 0;
    if (id === 'escalationRefused' && visits === 0) continue;
    if (id === 'control' && record.severity !== 'serious' && visits === 0) continue;
    const state: StepState = el?.active
      ? record.overdue
        ? 'overdue'
        : 'active'
      : visits > 0
        ? 'done'
        : record.status === 'cancelled' || record.status === 'closed'
          ? 'skipped'
          : 'pending';
    steps.push({ id, state, visits });
  }
  if (record.status === 'cancelled') steps.push({ id: 'cancelled', state: 'done', visits: 1 });
  else steps.push({ id: 'closed', state: record.status === 'closed' ? 'done' : 'pending', visits: 0 });
  return steps;
}

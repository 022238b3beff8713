/**
 * The case funnel on the BPMN diagram: each step's elements filled by its median days (green quick →
 * red slowest, a heatmap as process-mining tools draw it), with the open cases and the median above.
 */
import type { ElementBadge } from '../bpmn/types.ts';
import type { FunnelStep } from '../../../domain/statistics/api.ts';
import { heatColour } from './params.ts';

export function funnelHeat(steps: readonly FunnelStep[], text: (step: FunnelStep) => string) {
  const max = Math.max(0, ...steps.map((s) => s.medianDays ?? 0));
  const fills: Record<string, string> = {};
  const badges: Record<string, ElementBadge[]> = {};
  for (const step of steps) {
    const colour = heatColour(step.medianDays, max);
    const label = text(step);
    for (const id of step.elementIds) if (colour) fills[id] = colour;
    // One badge per step, on its first element (the task; the others are its timers and escalations).
    const main = step.elementIds[0];
    if (main && (step.open.value > 0 || step.medianDays !== null)) {
      badges[main] = [{ text: label, tone: step.overdueOpen.value > 0 ? 'overdue' : 'neutral', placement: 'above', title: label }];
    }
  }
  return { fills, badges, max };
}

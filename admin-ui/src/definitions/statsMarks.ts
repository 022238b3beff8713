/** Where the cases stand in a definition, on its diagram: "当前 N / 经过 M" above each element reached. */
import type { ElementBadge, ElementMark } from '../bpmn/index.ts';
import type { DefinitionStats } from './types.ts';

export function statsMarks(stats: DefinitionStats, text: (active: number, passed: number) => string) {
  const marks: Record<string, ElementMark> = {};
  const badges: Record<string, ElementBadge[]> = {};
  for (const [id, { active, passed }] of Object.entries(stats.elements)) {
    if (active === 0 && passed === 0) continue;
    marks[id] = active > 0 ? 'active' : 'done';
    const label = text(active, passed);
    badges[id] = [{ text: label, tone: active > 0 ? 'active' : 'done', placement: 'above', title: label }];
  }
  return { marks, badges };
}

/**
 * Statistics of a case definition's process: per BPMN element, the cases there now and the cases that
 * passed it, within the reader's scope. The SQL lives in `database-store.ts`.
 */
import type { AppAbility } from '../abilities.ts';

/** Per BPMN element id: open cases there now, and cases that ever entered it. */
export interface ElementCounts {
  elements: Record<string, { active: number; passed: number }>;
  /** Cases of the version in scope. */
  cases: number;
}

export interface ProcessStatisticsStore {
  /**
   * The element counts of one definition version over the cases the ability may read, narrowed to a
   * region's subtree when `regionCode` is given.
   */
  elementCounts(ability: AppAbility, version: number, regionCode?: string): Promise<ElementCounts>;
}

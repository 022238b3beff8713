/**
 * The house beside a task: in brief (owner masked) and its other open cases, each with its open 分派
 * task, so an officer can assign them together. The queries are the case store's (house-sql.ts).
 */
import type { CaseCategory } from './enums.ts';

/** The house in brief, as the task needs it; the owner's name masked (the house file shows it, audited). */
export interface HouseBrief {
  code: string;
  address: string | null;
  villageName: string | null;
  townName: string | null;
  ownerName: string | null;
  use: string | null;
  businessCategory: string | null;
  floorsAbove: number | null;
  floorsBelow: number | null;
  structureType: string | null;
  yearBuilt: number | null;
  latestJudgement: string | null;
  latestJudgementAt: string | null;
}

/** Another open case of the same house, with its open 分派 task when it has one. */
export interface HouseOpenCase {
  id: string;
  number: string;
  category: CaseCategory;
  severity: 'serious' | 'general';
  status: string;
  description: string;
  dueAt: string | null;
  /** The open assign task's id, when the case is waiting to be assigned. */
  assignTaskId: string | null;
  /** Whether the reader may complete that task now (not held by someone else, their role and region). */
  assignable: boolean;
}

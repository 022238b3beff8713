/**
 * What a person needs beside a task to act on it: the hazard as it was found (each inspection's or
 * complaint's account, photos and position), the house in brief (owner masked), the house's other open
 * cases (so an officer can assign them together), and the decision in force (responsible party, measures,
 * deadline) for whoever rectifies. Read-only; the caller has already checked the case is the reader's.
 * The complainant's identity never leaves here: a complaint is what was reported, not who reported it.
 */
import type { Discovery } from './discovery.ts';
import type { CaseRecord } from './store.ts';
import type { HouseBrief, HouseOpenCase } from './task-context-house.ts';

export type { HouseBrief, HouseOpenCase } from './task-context-house.ts';

export type { ComplaintDiscovery, Discovery, InspectionDiscovery } from './discovery.ts';
export type { DiscoveryPosition as ContextPosition } from './discovery.ts';

/** `GET /api/tasks/:id/context`. */
export interface TaskContext {
  taskId: string;
  caseId: string;
  hazard: { category: string; severity: string; description: string; source: string };
  discoveries: Discovery[];
  house: HouseBrief | null;
  otherOpenCases: HouseOpenCase[];
  /** The decision in force, once assigned: the responsible party (masked), the measures, the deadline. */
  decision: {
    responsible: CaseRecord['responsible'];
    measures: string[];
    /** The deadline the officer set, or else the rectify task's due date (the default for the severity). */
    rectifyDeadline: string | null;
    rectifyDeadlineIsDefault: boolean;
  } | null;
}

/** One case's outcome in `assignTogether`: assigned (with the case's status after), or why not. */
export type AssignResult =
  | { taskId: string; caseId: string; caseNumber: string; ok: true; status: string }
  | { taskId: string; caseId: string; caseNumber: string; ok: false; httpStatus: number; code: string; message: string };

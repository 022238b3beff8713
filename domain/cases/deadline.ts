/**
 * The rectification deadline in force (整改期限). The officer may set one at assignment; left empty,
 * the definition's default applies and only the rectify task's due time carries it. The case page,
 * the house file and the dossier all show this one date, so "—" never hides a running deadline.
 */
import type { Db } from '../db.ts';
import { beijingDate } from '../time.ts';

export interface DeadlineInForce {
  /** Beijing calendar date, YYYY-MM-DD (the deadline lasts the whole day). */
  date: string;
  /** True when it is the definition's default, not a date the officer set. */
  byDefault: boolean;
}

/** The case's latest rectify task: its due time and whether it is still open. */
export interface RectifyTaskDue {
  dueAt: string | null;
  open: boolean;
}

/** The latest rectify task of the case `c`, as JSON (correlated on `c`). */
export const RECTIFY_TASK_SQL = `(SELECT json_build_object('dueAt', t.due_at, 'open', t.status IN ('open', 'claimed'))
   FROM tasks t WHERE t.case_id = c.id AND t.step = 'rectify' ORDER BY t.task_no DESC LIMIT 1)`;

/**
 * The open rectify task's due date is the timer actually running, so it wins; otherwise the date the
 * officer set (before rectification starts, or after it); otherwise the last rectify task's due date.
 */
export function deadlineInForce(rectifyDeadline: string | null, task: RectifyTaskDue | null): DeadlineInForce | null {
  const taskDate = task?.dueAt ? beijingDate(new Date(task.dueAt).toISOString()) : null;
  if (task?.open && taskDate) return { date: taskDate, byDefault: taskDate !== rectifyDeadline };
  if (rectifyDeadline) return { date: rectifyDeadline, byDefault: false };
  if (taskDate) return { date: taskDate, byDefault: true };
  return null;
}

/** The deadline in force of each of these cases (a house file's cases), by case id. */
export async function deadlinesInForce(db: Db, caseIds: readonly string[]): Promise<Map<string, DeadlineInForce | null>> {
  if (caseIds.length === 0) return new Map();
  const rows = (await db('cases as c')
    .whereIn('c.id', caseIds)
    .select('c.id', 'c.rectify_deadline', db.raw(`${RECTIFY_TASK_SQL} AS rectify_task`))) as {
    id: string;
    rectify_deadline: string | null;
    rectify_task: RectifyTaskDue | null;
  }[];
  return new Map(rows.map((r) => [r.id, deadlineInForce(r.rectify_deadline, r.rectify_task)]));
}

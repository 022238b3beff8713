/**
 * What a case's notifications and text messages are written from, read after the step is applied: the
 * case and its house, its responsible person, a task and its assignee. The SQL is in
 * `database-case-facts.ts`.
 */

export interface CaseFacts {
  id: string;
  number: string;
  definitionVersion: number;
  regionCode: string;
  category: string;
  address: string | null;
  measures: string[];
  /** The responsible person named at assignment (the owner first); null before. */
  responsible: { name: string | null; phone: string | null; relation: string | null } | null;
}

export interface TaskFacts {
  id: string;
  step: string;
  roles: string[];
  regionCode: string;
  status: string;
  dueAt: Date | null;
  assignee: { id: string; name: string; phone: string | null } | null;
}

export interface CaseFactsReader {
  caseFacts(caseId: string): Promise<CaseFacts | undefined>;
  taskFacts(taskId: string): Promise<TaskFacts | undefined>;
}

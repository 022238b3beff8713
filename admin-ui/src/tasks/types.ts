/** Task shapes as the API returns them (`/api/tasks…`): one row per human step of a case. */
import type { AssignFormInput, HazardFormInputs } from '../../../definitions/hazard-case/forms.ts';

/** The inbox tabs: my claimed tasks, tasks I may claim, what I finished, and everything overdue. */
export const TASK_VIEWS = ['mine', 'claimable', 'done', 'overdue'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export const isTaskView = (value: unknown): value is TaskView => TASK_VIEWS.includes(value as TaskView);

export type { TaskStatus } from '../../../workflows/hazard-case/messages.ts';
/** One row of `GET /api/tasks` (the API's own type). */
export type { TaskRow } from '../../../domain/cases/tasks.ts';

/** `GET /api/tasks/:id/context` and the results of `POST /api/tasks/assign-together` (the API's own types). */
export type {
  AssignResult,
  ComplaintDiscovery,
  ContextPosition,
  Discovery,
  HouseBrief,
  HouseOpenCase,
  InspectionDiscovery,
  TaskContext,
} from '../../../domain/cases/task-context.ts';

/** `GET /api/tasks/counts`: the badge of each inbox tab. */
export type TaskCounts = Record<TaskView, number>;

/** `GET /api/tasks/:id/candidates`: who a task may be reassigned to. */
export interface TaskCandidate {
  id: string;
  name: string;
  role: string;
  regionCode: string;
}

/** The form of any step, as `POST /api/tasks/:id/complete` takes it. */
export type StepFormInput = HazardFormInputs[keyof HazardFormInputs];

/** `POST /api/tasks/assign-together`: one responsible party, one decision per case; a result per case. */
export interface AssignTogether {
  responsibleParty: AssignFormInput['responsibleParty'];
  cases: ({ taskId: string } & Omit<AssignFormInput, 'responsibleParty'>)[];
}

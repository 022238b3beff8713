/** What every step's inputs receive: the case they work on (for uploads, severity and defaults). */
import type { CaseDetail } from '../../cases/types.ts';
import type { TaskContext } from '../types.ts';

export interface StepInputsProps {
  record: CaseDetail;
  /** What the task shows beside its form (the house's other open cases, for 分派 together). */
  context?: TaskContext | undefined;
}

/** What every step's inputs receive: the case they work on (for uploads, severity and defaults). */
import type { CaseDetail } from '../../cases/types.ts';

export interface StepInputsProps {
  record: CaseDetail;
}

/**
 * 撤销 or 督办: an officer's decision on the whole case, with a reason. Hidden unless the user's
 * rules allow it on this case, and once the case is finished.
 */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { Button, useCanAccess } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog.tsx';
import type { CaseDetail } from './types.ts';
import { isFinished } from './types.ts';
import { useCaseAction } from '../common/hooks/useCaseAction.ts';

interface CaseDecisionButtonProps {
  record: CaseDetail;
  decision: 'cancel' | 'escalate';
  icon: ReactElement;
}

export function CaseDecisionButton({ record, decision, icon }: CaseDecisionButtonProps) {
  const { canAccess } = useCanAccess({ resource: 'cases', action: decision, record });
  const [open, setOpen] = useState(false);
  const { run, busy } = useCaseAction();
  if (!canAccess || isFinished(record.status)) return null;
  const confirm = async (reason: string) => {
    const outcome = await run(
      { [decision]: record.id, reason },
      (dataProvider, key) =>
        decision === 'cancel' ? dataProvider.cancelCase(record.id, reason, key) : dataProvider.escalateCase(record.id, reason, key),
      {
        success: `resources.cases.notifications.${decision === 'cancel' ? 'cancelled' : 'escalated'}`,
      },
    );
    if (outcome.ok || outcome.status === 409) setOpen(false);
  };
  return (
    <>
      <Button
        label={`resources.cases.actions.${decision}`}
        onClick={() => setOpen(true)}
        color={decision === 'cancel' ? 'error' : 'primary'}
      >
        {icon}
      </Button>
      <ReasonDialog
        open={open}
        title={`resources.cases.${decision}.title`}
        content={`resources.cases.${decision}.content`}
        confirm={`resources.cases.actions.${decision}`}
        danger={decision === 'cancel'}
        busy={busy}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

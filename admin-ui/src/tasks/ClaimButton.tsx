/** 认领: takes an open task for oneself, then opens it to work on. */
import type { MouseEvent } from 'react';
import { Button } from '@mui/material';
import PanToolIcon from '@mui/icons-material/PanTool';
import { useNavigate, useTranslate } from 'react-admin';
import { useCaseAction } from '../common/hooks/useCaseAction.ts';
import type { TaskRow } from './types.ts';

interface ClaimButtonProps {
  task: Pick<TaskRow, 'id'>;
  size?: 'small' | 'medium' | 'large';
  fullWidth?: boolean;
  /** Open the task page once claimed (from lists); the task page itself just refreshes. */
  openAfter?: boolean;
}

export function ClaimButton({ task, size = 'small', fullWidth, openAfter = true }: ClaimButtonProps) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { run, busy } = useCaseAction();
  const claim = async (event: MouseEvent) => {
    // Inside a clickable list row, the button alone should act.
    event.stopPropagation();
    const outcome = await run({ claim: task.id }, (dataProvider, key) => dataProvider.claimTask(task.id, key), {
      success: 'resources.tasks.notifications.claimed',
    });
    if (outcome.ok && openAfter) navigate(`/inbox/${encodeURIComponent(task.id)}`);
  };
  return (
    <Button variant="outlined" size={size} fullWidth={fullWidth} startIcon={<PanToolIcon />} disabled={busy} onClick={claim}>
      {translate('resources.tasks.actions.claim')}
    </Button>
  );
}

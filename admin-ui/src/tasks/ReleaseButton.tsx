/** 退回: gives a claimed task back, so someone else of the group can claim it. */
import { Button } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import { useTranslate } from 'react-admin';
import { useCaseAction } from '../common/hooks/useCaseAction.ts';
import type { TaskRow } from './types.ts';

export function ReleaseButton({ task, onDone }: { task: TaskRow; onDone(): void }) {
  const translate = useTranslate();
  const { run, busy } = useCaseAction();
  const release = async () => {
    const outcome = await run({ release: task.id }, (dataProvider, key) => dataProvider.releaseTask(task.id, key), {
      success: 'resources.tasks.notifications.released',
    });
    if (outcome.ok) onDone();
  };
  return (
    <Button startIcon={<UndoIcon />} onClick={release} disabled={busy} color="inherit">
      {translate('resources.tasks.actions.release')}
    </Button>
  );
}

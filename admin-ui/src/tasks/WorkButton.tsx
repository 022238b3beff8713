/** 办理: opens a task the user may complete, at its form. */
import type { MouseEvent } from 'react';
import { Button } from '@mui/material';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { Link, useTranslate } from 'react-admin';
import type { TaskRow } from './types.ts';

interface WorkButtonProps {
  task: Pick<TaskRow, 'id'>;
  size?: 'small' | 'medium' | 'large';
  fullWidth?: boolean;
}

export function WorkButton({ task, size = 'small', fullWidth }: WorkButtonProps) {
  const translate = useTranslate();
  return (
    <Button
      component={Link}
      to={`/inbox/${encodeURIComponent(task.id)}`}
      variant="contained"
      size={size}
      fullWidth={fullWidth}
      startIcon={<EditNoteIcon />}
      // Inside a clickable list row, the button alone should act.
      onClick={(event: MouseEvent) => event.stopPropagation()}
    >
      {translate('resources.tasks.actions.work')}
    </Button>
  );
}

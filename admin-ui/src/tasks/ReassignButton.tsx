/**
 * 改派: an officer hands an open task to someone else who may work it (the API lists the candidates:
 * the step's roles in the case's region), with an optional reason.
 */
import { stepLabel } from './stepLabel.ts';
import { useState } from 'react';
import { Button, Dialog, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { DialogButtons } from '../common/DialogButtons.tsx';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { useCanAccess, useTranslate } from 'react-admin';
import type { CaseDetail } from '../cases/types.ts';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { useCaseAction } from '../common/hooks/useCaseAction.ts';
import type { TaskRow } from './types.ts';

export function ReassignButton({ task, record }: { task: TaskRow; record: CaseDetail }) {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'cases', action: 'reassign', record });
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');
  const candidates = useApiQuery(['tasks', task.id, 'candidates'], (dataProvider, signal) => dataProvider.taskCandidates(task.id, signal), {
    enabled: open,
  });
  const { run, busy } = useCaseAction();
  if (!canAccess || task.status === 'completed' || task.status === 'cancelled') return null;

  const confirm = async () => {
    if (!userId) return;
    const outcome = await run(
      { reassign: task.id, userId, reason },
      (dataProvider, key) => dataProvider.reassignTask(task.id, userId, reason, key),
      {
        success: 'resources.tasks.notifications.reassigned',
      },
    );
    if (outcome.ok || outcome.status === 409) setOpen(false);
  };

  return (
    <>
      <Button startIcon={<SwapHorizIcon />} onClick={() => setOpen(true)} color="inherit">
        {translate('resources.tasks.actions.reassign')}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : () => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="reassign-title">
        <DialogTitle id="reassign-title">{translate('resources.tasks.reassign.title', { step: stepLabel(translate, task) })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              select
              label={translate('resources.tasks.reassign.to')}
              value={userId}
              onChange={(event) => setUserId(event.target.value)}
              disabled={!candidates.data}
              helperText={candidates.data?.length === 0 ? translate('resources.tasks.reassign.noCandidates') : ' '}
              fullWidth
            >
              {(candidates.data ?? []).map((c) => (
                <MenuItem key={c.id} value={c.id} disabled={c.id === task.assigneeId}>
                  {translate('resources.cases.timeline.actor', { name: c.name, role: translate(`app.roles.${c.role}`, { _: c.role }) })}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={translate('resources.tasks.reassign.reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value.slice(0, 500))}
              multiline
              minRows={2}
              fullWidth
            />
          </Stack>
        </DialogContent>
        <DialogButtons
          label={translate('resources.tasks.actions.reassign')}
          onCancel={() => setOpen(false)}
          onConfirm={confirm}
          busy={busy}
          disabled={!userId}
        />
      </Dialog>
    </>
  );
}

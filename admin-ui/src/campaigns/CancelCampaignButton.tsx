/**
 * 撤销: withdraws a running campaign, with a reason. Shown only to those the rules allow on this
 * campaign (district officers over its area) and only while it runs.
 */
import { useState } from 'react';
import BlockIcon from '@mui/icons-material/Block';
import { Button, useCanAccess, useRefresh } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog.tsx';
import { useCaseAction } from '../common/hooks/useCaseAction.ts';
import type { Campaign } from './types.ts';

export function CancelCampaignButton({ record }: { record: Campaign }) {
  const { canAccess } = useCanAccess({ resource: 'campaigns', action: 'cancel', record });
  const [open, setOpen] = useState(false);
  const { run, busy } = useCaseAction();
  const refresh = useRefresh();
  if (!canAccess || record.status !== 'running') return null;
  const confirm = async (reason: string) => {
    const outcome = await run(
      { cancelCampaign: record.id, reason },
      (dataProvider, key) => dataProvider.cancelCampaign(record.id, reason, key),
      {
        success: 'resources.campaigns.notifications.cancelled',
      },
    );
    if (outcome.ok || outcome.status === 409) {
      setOpen(false);
      refresh();
    }
  };
  return (
    <>
      <Button label="resources.campaigns.actions.cancel" onClick={() => setOpen(true)} color="error">
        <BlockIcon />
      </Button>
      <ReasonDialog
        open={open}
        title="resources.campaigns.cancel.title"
        content="resources.campaigns.cancel.content"
        confirm="resources.campaigns.actions.cancel"
        danger
        busy={busy}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

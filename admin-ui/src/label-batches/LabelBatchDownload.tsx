/** Downloads a finished batch's PDF; nothing to click before it is done. */
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useRecordContext } from 'react-admin';
import { useDownload } from '../common/useDownload.ts';
import type { LabelBatch } from './types.ts';

export function LabelBatchDownload(_props: { label?: string }) {
  const batch = useRecordContext<LabelBatch>();
  const { download, busy } = useDownload();
  if (!batch || batch.status !== 'done') return null;
  return (
    <Button
      label="resources.label-batches.actions.download"
      variant="outlined"
      disabled={busy}
      onClick={(event) => {
        event.stopPropagation();
        void download(`/label-batches/${encodeURIComponent(batch.id)}/file`, `labels-${batch.id}.pdf`);
      }}
    >
      <DownloadIcon />
    </Button>
  );
}

/** The PDF and workbook of a finished bulletin; nothing to click before it is done. */
import DownloadIcon from '@mui/icons-material/Download';
import { Stack } from '@mui/material';
import { Button, useRecordContext } from 'react-admin';
import { useDownload } from '../common/useDownload.ts';
import type { Bulletin } from './types.ts';

export function BulletinDownloads(_props: { label?: string }) {
  const bulletin = useRecordContext<Bulletin>();
  const { download, busy } = useDownload();
  if (!bulletin || bulletin.status !== 'done') return null;
  return (
    <Stack direction="row" spacing={1}>
      {(['pdf', 'xlsx'] as const).map((kind) => (
        <Button
          key={kind}
          label={`resources.bulletins.actions.${kind}`}
          variant="outlined"
          size="small"
          disabled={busy}
          onClick={(event) => {
            event.stopPropagation();
            void download(
              `/bulletins/${encodeURIComponent(bulletin.id)}/bulletin.${kind}`,
              `bulletin-${bulletin.regionCode}-${bulletin.month}.${kind}`,
            );
          }}
        >
          <DownloadIcon />
        </Button>
      ))}
    </Stack>
  );
}

/**
 * Bulk action of the building list: one PDF of QR labels for the selected buildings. Larger sets
 * (a whole village or town) are label batches, made in the background.
 */
import PrintIcon from '@mui/icons-material/Print';
import { Button, useListContext, useNotify, useUnselectAll } from 'react-admin';
import { useDownload } from '../common/useDownload.ts';

/** The API's limit for one synchronous label PDF. */
const MAX_LABELS = 500;

export function PrintLabelsButton() {
  const { selectedIds } = useListContext();
  const unselectAll = useUnselectAll('buildings');
  const notify = useNotify();
  const { download, busy } = useDownload();

  const print = async () => {
    if (selectedIds.length > MAX_LABELS) {
      notify('resources.buildings.notifications.tooManyLabels', { type: 'warning', messageArgs: { max: MAX_LABELS } });
      return;
    }
    const done = await download('/labels/pdf', 'labels.pdf', { method: 'POST', body: { codes: selectedIds.map(String) } });
    if (done) {
      notify('resources.buildings.notifications.labelsReady', { type: 'success' });
      unselectAll();
    }
  };

  return (
    <Button label="resources.buildings.actions.printLabels" onClick={print} disabled={busy}>
      <PrintIcon />
    </Button>
  );
}

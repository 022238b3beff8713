/** Downloads the printable label sheet (QR code, code, address) of one building. */
import { Button } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { useDownload } from '../common/useDownload.ts';
import type { BuildingRecord } from './types.ts';

export function PrintLabelButton({ variant = 'text' }: { variant?: 'text' | 'outlined' | 'contained' }) {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const { canAccess } = useCanAccess({ resource: 'buildings', action: 'print', record: building });
  const { download, busy } = useDownload();
  if (!building || !canAccess) return null;
  const code = building.code;
  return (
    <Button
      size="small"
      variant={variant}
      startIcon={<PrintIcon />}
      disabled={busy}
      onClick={() => download(`/buildings/${encodeURIComponent(code)}/label.pdf`, `label-${code}.pdf`)}
    >
      {translate('resources.buildings.actions.printLabel')}
    </Button>
  );
}

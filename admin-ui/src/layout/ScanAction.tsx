/**
 * 扫码 in the staff app: the in-app label scanner (`/m/scan`, outside react-admin, so a plain link),
 * for the roles that inspect houses. An icon button in the app bar on phones, where labels are scanned.
 */
import { IconButton, Tooltip } from '@mui/material';
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import { useCanAccess, useTranslate } from 'react-admin';

export const SCAN_PATH = '/m/scan';

/** Whether the signed-in user inspects houses, and so scans their labels. */
export function useScans(): boolean {
  return useCanAccess({ resource: 'inspections', action: 'create' }).canAccess === true;
}

export function ScanAction() {
  const translate = useTranslate();
  if (!useScans()) return null;
  const label = translate('resources.work.scan');
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" href={SCAN_PATH} aria-label={label} sx={{ display: { xs: 'inline-flex', md: 'none' } }}>
        <QrCodeScannerIcon />
      </IconButton>
    </Tooltip>
  );
}

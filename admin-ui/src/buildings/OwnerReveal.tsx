/**
 * The "查看完整信息" button under the masked owner details, for those allowed to see them, with the
 * reminder that looking is recorded; once revealed, a note that this view was recorded.
 */
import { Box, Button, Typography } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import type { BuildingRecord } from './types.ts';

interface OwnerRevealProps {
  revealed: boolean;
  busy: boolean;
  onReveal: () => void;
}

export function OwnerReveal({ revealed, busy, onReveal }: OwnerRevealProps) {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const { canAccess } = useCanAccess({ resource: 'buildings', action: 'readPersonal', record: building });
  if (!building || !canAccess || (!building.ownerName && !building.ownerPhone)) return null;
  if (revealed) {
    return (
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        {translate('resources.buildings.personal.recorded')}
      </Typography>
    );
  }
  return (
    <Box sx={{ mt: 0.5 }}>
      <Button size="small" variant="outlined" startIcon={<VisibilityIcon />} onClick={onReveal} disabled={busy}>
        {translate('resources.buildings.actions.showPersonal')}
      </Button>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        {translate('resources.buildings.personal.note')}
      </Typography>
    </Box>
  );
}

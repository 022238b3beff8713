/**
 * The proof-of-presence check in a few words: on site with the distance, or, in the warning colour,
 * too far or without a position (the cases a town officer must look into). A house without
 * coordinates cannot be checked, which is the registry's gap, not the inspector's.
 */
import { Box, Typography } from '@mui/material';
import LocationOffIcon from '@mui/icons-material/LocationOff';
import LocationOnIcon from '@mui/icons-material/LocationOn';
import WrongLocationIcon from '@mui/icons-material/WrongLocation';
import { useTranslate } from 'react-admin';
import type { Inspection } from './types.ts';

type PresenceFacts = Pick<Inspection, 'presence' | 'distanceM' | 'flagged'>;

/** The short text of a presence check, e.g. 现场（37 米）. */
export function usePresenceText(): (record: PresenceFacts) => string {
  const translate = useTranslate();
  return (record) => translate(`resources.inspections.presence.${record.presence}`, { distance: record.distanceM ?? '—' });
}

const ICON = { near: LocationOnIcon, far: WrongLocationIcon, missing: LocationOffIcon, unverifiable: LocationOffIcon };

export function PresenceLabel({ record }: { record: PresenceFacts }) {
  const text = usePresenceText();
  const Icon = ICON[record.presence];
  const color = record.flagged ? 'warning.dark' : record.presence === 'near' ? 'success.dark' : 'text.secondary';
  return (
    <Box
      component="span"
      data-presence={record.presence}
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color, whiteSpace: 'nowrap' }}
    >
      <Icon fontSize="small" color="inherit" />
      <Typography component="span" variant="body2" color="inherit" sx={{ fontWeight: record.flagged ? 600 : 400 }}>
        {text(record)}
      </Typography>
    </Box>
  );
}

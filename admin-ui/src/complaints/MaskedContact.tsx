/**
 * The complainant as everyone may see them: name and phone masked by the API (王**, 139****5678),
 * or 匿名 when the citizen gave neither. `stacked` puts them on two lines (narrow table columns).
 */
import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ComplaintContact } from './types.ts';

export function MaskedContact({ contact, stacked = false }: { contact: ComplaintContact; stacked?: boolean }) {
  const translate = useTranslate();
  const parts = [contact.name, contact.phone].filter((p): p is string => Boolean(p));
  if (parts.length === 0) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('resources.complaints.values.anonymous')}
      </Typography>
    );
  }
  return (
    <Typography
      component="span"
      variant="body2"
      sx={stacked ? { display: 'inline-flex', flexDirection: 'column', whiteSpace: 'nowrap' } : { whiteSpace: 'nowrap' }}
      data-contact="masked"
    >
      {stacked ? parts.map((p) => <span key={p}>{p}</span>) : parts.join(' ')}
    </Typography>
  );
}

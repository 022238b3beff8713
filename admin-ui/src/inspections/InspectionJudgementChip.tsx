/** An inspection's preliminary judgement as a coloured chip, as the house file shows its latest: serious red, some orange, none green. */
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Judgement } from './types.ts';

const COLOR: Record<Judgement, 'error' | 'warning' | 'success'> = { serious: 'error', some: 'warning', none: 'success' };

export function InspectionJudgementChip({ judgement, size = 'small' }: { judgement: Judgement; size?: 'small' | 'medium' }) {
  const translate = useTranslate();
  return (
    <Chip
      size={size}
      color={COLOR[judgement]}
      label={translate(`resources.inspections.enums.judgement.${judgement}`, { _: judgement })}
      sx={{ maxWidth: '100%' }}
    />
  );
}

/** The period of the statistics pages: from one month to another (inclusive), as month pickers. */
import { Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { isMonth } from './params.ts';

export interface PeriodPickerProps {
  from: string;
  to: string;
  onChange: (period: { from: string; to: string }) => void;
}

export function PeriodPicker({ from, to, onChange }: PeriodPickerProps) {
  const translate = useTranslate();
  const field = (key: 'from' | 'to', value: string) => (
    <TextField
      type="month"
      size="small"
      label={translate(`resources.stats.period.${key}`)}
      value={value}
      onChange={(event) => {
        const month = event.target.value;
        if (!isMonth(month)) return;
        onChange(key === 'from' ? { from: month, to } : { from, to: month });
      }}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-period': key } }}
      sx={{ width: { xs: '100%', sm: 160 } }}
    />
  );
  return (
    <Stack direction="row" spacing={1} sx={{ width: { xs: '100%', sm: 'auto' } }}>
      {field('from', from)}
      {field('to', to)}
    </Stack>
  );
}

/**
 * The period of the statistics pages: from one month to another (inclusive), chosen among the last
 * three years' months (what the API accepts). Lists of months written the Chinese way rather than the
 * browser's month field, which follows the browser's language ("January 2026" in an English Chrome),
 * as the app's date inputs do (common/dates.ts).
 */
import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { addMonths, beijingMonth, isMonth } from './params.ts';

export interface PeriodPickerProps {
  from: string;
  to: string;
  onChange: (period: { from: string; to: string }) => void;
}

/** How far back the pickers reach, in months (the API refuses a span over 36). */
const REACH = 36;

/** `2026-03` → `2026年3月`. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The months offered, newest first, always including the chosen ones. */
export function monthChoices(now: string, chosen: readonly string[]): string[] {
  const months = Array.from({ length: REACH }, (_, i) => addMonths(now, -i));
  for (const m of chosen) if (isMonth(m) && !months.includes(m)) months.push(m);
  return months.sort().reverse();
}

export function PeriodPicker({ from, to, onChange }: PeriodPickerProps) {
  const translate = useTranslate();
  const months = monthChoices(beijingMonth(), [from, to]);
  const field = (key: 'from' | 'to', value: string) => (
    <TextField
      select
      size="small"
      label={translate(`resources.stats.period.${key}`)}
      value={value}
      onChange={(event) => {
        const month = event.target.value;
        if (!isMonth(month)) return;
        onChange(key === 'from' ? { from: month, to } : { from, to: month });
      }}
      slotProps={{ htmlInput: { 'data-period': key } }}
      sx={{ width: { xs: '100%', sm: 150 } }}
    >
      {months
        .filter((m) => (key === 'from' ? m <= to : m >= from))
        .map((m) => (
          <MenuItem key={m} value={m}>
            {monthLabel(m)}
          </MenuItem>
        ))}
    </TextField>
  );
  return (
    <Stack direction="row" spacing={1} sx={{ width: { xs: '100%', sm: 'auto' } }}>
      {field('from', from)}
      {field('to', to)}
    </Stack>
  );
}

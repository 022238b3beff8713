/**
 * A due date with the time left (剩余 3 天 4 小时 / 已超期 2 小时), coloured by the share of the allowed
 * time left (`dueTone`): overdue or under a quarter red, under half orange. A finished case or task
 * shows no countdown.
 */
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateTimeText } from './DateTimeText.tsx';
import { TONE_COLOR, timeLeft } from './timeLeft.ts';
import { useNow } from './hooks/useNow.ts';

interface DueDateProps {
  dueAt: string | null;
  /** When the clock started (the task's creation, the campaign's launch): the tone is the share left. */
  startAt?: string | null;
  overdue?: boolean;
  /** Nothing is due any more (closed case, completed task). */
  finished?: boolean;
  /** One line (lists) or date above countdown (headers). */
  inline?: boolean;
}

export function DueDate({ dueAt, startAt = null, overdue = false, finished = false, inline = false }: DueDateProps) {
  const translate = useTranslate();
  const now = useNow();
  if (!dueAt) return <Typography variant="body2">{translate('app.none')}</Typography>;
  const left = finished ? null : timeLeft(dueAt, now, overdue, startAt);
  const color = left ? TONE_COLOR[left.tone] : 'text.primary';
  const time = left?.parts.map((p) => translate(`resources.cases.due.${p.unit}`, { n: p.n })).join(' ');
  return (
    <Box
      component="span"
      data-due-tone={left?.tone ?? 'none'}
      sx={{ display: 'inline-flex', flexDirection: inline ? 'row' : 'column', gap: inline ? 1 : 0, color, flexWrap: 'wrap' }}
    >
      <Typography component="span" variant="body2" sx={{ color: 'inherit', whiteSpace: 'nowrap' }}>
        <DateTimeText value={dueAt} />
      </Typography>
      {left && (
        <Typography component="span" variant="caption" sx={{ color: 'inherit', fontWeight: left.tone === 'normal' ? 400 : 600 }}>
          {translate(left.key, { time })}
        </Typography>
      )}
    </Box>
  );
}

/** The campaign's counts over the villages the reader may see, as five figures above one bar. */
import { Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Counts } from './types.ts';

const FIGURES: { key: keyof Counts; color: string }[] = [
  { key: 'total', color: 'text.primary' },
  { key: 'done', color: 'success.main' },
  { key: 'withHazards', color: 'warning.dark' },
  { key: 'overdue', color: 'error.main' },
  { key: 'pending', color: 'text.secondary' },
];

export function CampaignTotals({ counts }: { counts: Counts }) {
  const translate = useTranslate();
  const percent = counts.total > 0 ? Math.round((counts.done / counts.total) * 100) : 0;
  return (
    <Card>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'repeat(3, 1fr)', sm: 'repeat(5, 1fr)' }, gap: 2 }}>
          {FIGURES.map(({ key, color }) => (
            <Box key={key} data-total={key}>
              <Typography variant="body2" color="text.secondary">
                {translate(`resources.campaigns.totals.${key}`)}
              </Typography>
              <Typography variant="h4" component="p" sx={{ fontWeight: 600, color: counts[key] > 0 ? color : 'text.disabled' }}>
                {counts[key]}
              </Typography>
            </Box>
          ))}
        </Box>
        <LinearProgress
          variant="determinate"
          value={percent}
          color={counts.total > 0 && counts.done === counts.total ? 'success' : 'primary'}
          aria-label={translate('resources.campaigns.progress.done', { done: counts.done, total: counts.total })}
          sx={{ height: 10, borderRadius: 5, mt: 2 }}
        />
      </CardContent>
    </Card>
  );
}

/**
 * How far a campaign (or one village of it) has come: a bar of the houses inspected, the count, and
 * beside it the houses whose inspection found hazards and those left overdue, each only when there
 * are any.
 */
import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Counts } from './types.ts';

interface CampaignProgressProps {
  counts: Counts;
  minWidth?: number;
  /** Without the hazards and overdue figures, where columns beside the bar show them already. */
  brief?: boolean;
}

export function CampaignProgress({ counts, minWidth = 180, brief = false }: CampaignProgressProps) {
  const translate = useTranslate();
  const percent = counts.total > 0 ? Math.round((counts.done / counts.total) * 100) : 0;
  const complete = counts.total > 0 && counts.done === counts.total;
  return (
    <Box sx={{ minWidth }} data-progress={`${counts.done}/${counts.total}`}>
      <LinearProgress
        variant="determinate"
        value={percent}
        color={complete ? 'success' : counts.overdue > 0 ? 'warning' : 'primary'}
        aria-label={translate('resources.campaigns.progress.done', { done: counts.done, total: counts.total })}
        sx={{ height: 8, borderRadius: 4, mb: 0.5 }}
      />
      <Typography variant="caption" component="p" sx={{ whiteSpace: 'nowrap' }}>
        {translate('resources.campaigns.progress.done', { done: counts.done, total: counts.total })}
        {!brief && counts.withHazards > 0 && (
          <Box component="span" sx={{ color: 'warning.dark', ml: 1 }}>
            {translate('resources.campaigns.progress.withHazards', { n: counts.withHazards })}
          </Box>
        )}
        {!brief && counts.overdue > 0 && (
          <Box component="span" sx={{ color: 'error.main', ml: 1 }}>
            {translate('resources.campaigns.progress.overdue', { n: counts.overdue })}
          </Box>
        )}
      </Typography>
    </Box>
  );
}

/** The house card's open cases: category, severity, overdue or the deadline, each opening its case page. */
import { Box, Chip, Link, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { SeverityChip } from '../cases/SeverityChip.tsx';
import { beijingDay } from '../common/dates.ts';
import type { HouseCardData } from './types.ts';

export function HouseCardCases({ cases }: { cases: HouseCardData['openCases'] }) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.map.card.${key}`, options);
  return (
    <Box data-open-cases={cases.length}>
      <Typography variant="caption" color="text.secondary">
        {t('openCases')}
      </Typography>
      {cases.length === 0 && <Typography variant="body2">{t('noOpenCases')}</Typography>}
      {cases.map((c) => (
        <Box key={c.id} sx={{ display: 'flex', gap: 0.75, alignItems: 'center', flexWrap: 'wrap', py: 0.25 }} data-case={c.id}>
          <Link component={RouterLink} to={`/cases/${encodeURIComponent(c.id)}/show`} variant="body2">
            {translate(`resources.cases.enums.category.${c.category}`, { _: c.category })}
          </Link>
          <SeverityChip severity={c.severity === 'serious' ? 'serious' : 'general'} />
          {c.overdue ? (
            <Chip size="small" color="error" variant="outlined" label={t('overdue')} />
          ) : (
            c.dueAt && (
              <Typography variant="caption" color="text.secondary">
                {t('dueAt', { date: beijingDay(c.dueAt) })}
              </Typography>
            )
          )}
        </Box>
      ))}
    </Box>
  );
}

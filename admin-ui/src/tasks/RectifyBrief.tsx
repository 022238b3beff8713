/**
 * 整改 on site: what the decision requires (measures, who must do it, by when: the deadline in force,
 * the default one included), and the hazard as found with its photos, above the evidence form.
 */
import { Box, Card, CardContent, Chip, Divider, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Fact, Facts } from '../inspections/Fact.tsx';
import { DiscoveryPhotos } from './DiscoveryPhotos.tsx';
import type { TaskContext } from './types.ts';

export function RectifyBrief({ context }: { context: TaskContext }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.taskContext.decision.${key}`);
  const { decision } = context;
  const party = decision?.responsible;
  const partyText = party
    ? [party.name, party.relation && translate(`resources.tasks.enums.relations.${party.relation}`, { _: party.relation }), party.phone]
        .filter(Boolean)
        .join(' · ')
    : t('notAssigned');
  return (
    <Card component="section" aria-labelledby="rectify-brief">
      <CardContent>
        <Typography id="rectify-brief" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {t('title')}
        </Typography>
        <Facts>
          <Fact label={t('measures')}>
            <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }} data-testid="rectify-measures">
              {(decision?.measures ?? []).map((m) => (
                <Chip key={m} size="small" color="primary" label={translate(`resources.tasks.enums.measures.${m}`, { _: m })} />
              ))}
            </Box>
          </Fact>
          <Fact label={t('responsible')}>{partyText}</Fact>
          <Fact label={t('deadline')}>
            <Box component="span" data-testid="rectify-deadline" sx={{ fontWeight: 600 }}>
              {decision?.rectifyDeadline ?? '—'}
            </Box>
            {decision?.rectifyDeadlineIsDefault && (
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {`（${t('defaultDeadline')}）`}
              </Box>
            )}
          </Fact>
        </Facts>
        <Divider sx={{ my: 1.5 }} />
        <Typography variant="subtitle2" component="h3" sx={{ fontWeight: 600 }}>
          {t('hazard')}
        </Typography>
        <Typography variant="body1" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere', mt: 0.5, mb: 1 }}>
          {context.hazard.description}
        </Typography>
        {context.discoveries.length > 0 && (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
              {t('before')}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
              {context.discoveries.map((d) => (
                <DiscoveryPhotos key={`${d.kind}-${d.id}`} discovery={d} size={72} />
              ))}
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
}

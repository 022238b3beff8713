/**
 * The house in brief beside a task: where it is, who owns it (masked), its use, floors, structure and
 * latest judgement, then its other open cases. The house file has the rest (and the owner in full, audited).
 */
import { Button, Card, CardContent, Divider, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { Fact, Facts } from '../inspections/Fact.tsx';
import { housePage } from '../inspections/HouseCell.tsx';
import { HouseOpenCases } from './HouseOpenCases.tsx';
import type { TaskContext } from './types.ts';

export function HouseBriefCard({ context }: { context: TaskContext }) {
  const translate = useTranslate();
  const house = context.house;
  if (!house) return null;
  const t = (key: string, args?: Record<string, unknown>) => translate(`resources.taskContext.house.${key}`, args);
  const en = (kind: string, value: string | null) =>
    value ? translate(`resources.buildings.enums.${kind}.${value}`, { _: value }) : translate('app.none');
  const use = house.businessCategory ? `${en('use', house.use)} · ${en('businessCategory', house.businessCategory)}` : en('use', house.use);
  return (
    <Card component="section" aria-labelledby="house-brief" sx={{ height: '100%' }}>
      <CardContent>
        <Typography id="house-brief" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {t('title')}
        </Typography>
        <Facts>
          <Fact label={translate('resources.buildings.fields.address')}>
            {house.address ?? '—'}
            {'\n'}
            {[house.townName, house.villageName].filter(Boolean).join(' ')}
          </Fact>
          <Fact label={t('owner')}>{house.ownerName ?? translate('app.none')}</Fact>
          <Fact label={t('use')}>{use}</Fact>
          <Fact label={t('floors')}>{t('floorsValue', { above: house.floorsAbove ?? '—', below: house.floorsBelow ?? 0 })}</Fact>
          <Fact label={t('structure')}>{en('structureType', house.structureType)}</Fact>
          {house.yearBuilt != null && <Fact label={t('yearBuilt')}>{house.yearBuilt}</Fact>}
          <Fact label={t('judgement')}>
            {house.latestJudgementAt
              ? t('judgementAt', { judgement: en('latestJudgement', house.latestJudgement), date: house.latestJudgementAt })
              : en('latestJudgement', house.latestJudgement)}
          </Fact>
        </Facts>
        <Button component={Link} to={housePage(house.code)} size="small" sx={{ mt: 1, ml: -1 }}>
          {t('open')}
        </Button>
        <Divider sx={{ my: 1.5 }} />
        <HouseOpenCases cases={context.otherOpenCases} />
      </CardContent>
    </Card>
  );
}

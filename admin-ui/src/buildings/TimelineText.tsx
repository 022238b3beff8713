/** One safety timeline entry in words, by kind, with a link to the record it comes from. */
import ArrowRightAltIcon from '@mui/icons-material/ArrowRightAlt';
import { Chip, Stack, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import type { RiskTier } from '../../../definitions/risk-tiers/index.ts';
import { RiskTierChip } from './RiskTierChip.tsx';
import type { TimelineEntry } from './houseFileTypes.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

export function TimelineText({ entry }: { entry: TimelineEntry }) {
  const translate = useTranslate();
  const d = entry.data;
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.houseFile.timeline.${key}`, options);
  const label = (prefix: string, value: unknown) => (value ? translate(`${prefix}.${str(value)}`, { _: str(value) }) : '—');
  const judgement = (v: unknown) => label('resources.buildings.enums.latestJudgement', v);
  switch (entry.kind) {
    case 'judgement':
      return (
        <>{d.from ? t('judgement', { from: judgement(d.from), to: judgement(d.to) }) : t('firstJudgement', { to: judgement(d.to) })}</>
      );
    case 'risk':
      return (
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', display: 'inline-flex' }}>
          {d.from ? <RiskTierChip tier={d.from as RiskTier} /> : null}
          {d.from ? <ArrowRightAltIcon fontSize="small" aria-label="→" /> : null}
          <RiskTierChip tier={d.to as RiskTier} />
        </Stack>
      );
    case 'case_opened':
      return (
        <Link to={`/cases/${encodeURIComponent(str(d.id))}/show`}>
          {t('case', {
            number: str(d.number),
            category: label('resources.cases.enums.category', d.category),
            severity: label('resources.cases.enums.severity', d.severity),
            status: label('resources.cases.enums.status', d.status),
          })}
        </Link>
      );
    case 'case_ended':
      return (
        <Link to={`/cases/${encodeURIComponent(str(d.id))}/show`}>
          {t('caseEnded', { number: str(d.number), status: label('resources.cases.enums.status', d.status) })}
        </Link>
      );
    case 'complaint':
      return (
        <Link to={`/complaints/${encodeURIComponent(str(d.id))}/show`}>
          {t('complaint', {
            trackingNo: str(d.trackingNo),
            category: label('resources.cases.enums.category', d.category),
            status: label('resources.complaints.enums.status', d.status),
          })}
        </Link>
      );
    case 'inspection':
      return (
        <Link to={`/inspections/${encodeURIComponent(str(d.id))}/show`}>
          {t('inspection', {
            kind: t(`inspectionKinds.${str(d.kind)}`, { _: str(d.kind) }),
            judgement: judgement(d.judgement),
            hazards: Number(d.hazards ?? 0),
            inspector: str(d.inspectorName),
          })}
        </Link>
      );
    case 'campaign':
      return (
        <Link to={`/campaigns/${encodeURIComponent(str(d.id))}/show`}>
          {t('campaign', { name: str(d.name), status: label('resources.campaigns.enums.itemStatus', d.itemStatus) })}
        </Link>
      );
    case 'appraisal':
      return (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', display: 'inline-flex', flexWrap: 'wrap' }}>
          <Typography variant="body2" component="span">
            {t('appraisal', { grade: str(d.grade), agency: str(d.agencyName), reportNo: str(d.reportNo) })}
          </Typography>
          {d.agencyCheck !== 'listed' && (
            <Chip
              size="small"
              color="warning"
              label={translate(`resources.houseFile.appraisals.agencyCheck.${str(d.agencyCheck)}`)}
              data-testid="timeline-flag"
            />
          )}
        </Stack>
      );
  }
}

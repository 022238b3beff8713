/**
 * One report that found the case's hazard: an inspection (who, when, judgement, description, notes,
 * position with its presence check, photos) or a complaint (what was reported, where, photos, who
 * verified it). The complainant's identity never reaches the case: the API does not send it.
 */
import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { Box, Chip, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { PhotoThumbnail } from '../common/PhotoThumbnail.tsx';
import { complaintFileUrl, complaintPage } from '../complaints/types.ts';
import { InspectionJudgementChip } from '../inspections/InspectionJudgementChip.tsx';
import { PresenceLabel } from '../inspections/PresenceLabel.tsx';
import { inspectionFileUrl } from '../inspections/types.ts';
import { isFlagged } from '../../../domain/inspections/presence.ts';
import { actorText } from './actorText.ts';
import { inspectionPage } from './CaseSourceLink.tsx';
import type { Discovery } from './types.ts';

export function DiscoveryEntry({ discovery: d }: { discovery: Discovery }) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.cases.discovery.${key}`, options);
  const facts: [string, ReactNode][] = [];
  if (d.kind === 'inspection') {
    facts.push([t('judgement'), <InspectionJudgementChip key="j" judgement={d.judgement} />]);
    facts.push([t('description'), d.description || translate('app.none')]);
    if (d.notes) facts.push([t('notes'), d.notes]);
  } else facts.push([t('content'), d.description]);
  facts.push([
    t('position'),
    d.position
      ? `${t('positionValue', { latitude: d.position.latitude.toFixed(6), longitude: d.position.longitude.toFixed(6) })}${
          d.position.accuracy != null ? t('accuracy', { accuracy: Math.round(d.position.accuracy) }) : ''
        }`
      : t('noPosition'),
  ]);
  if (d.kind === 'inspection')
    facts.push([
      t('presence'),
      <PresenceLabel key="p" record={{ presence: d.presence, distanceM: d.distanceM, flagged: isFlagged(d.presence) }} />,
    ]);
  if (d.kind === 'complaint' && d.verifiedAt)
    facts.push([
      t('verified'),
      <>
        {actorText(translate, d.verifiedByName ?? translate('app.none'), d.verifiedByUsername, null)} ·{' '}
        <DateTimeText value={d.verifiedAt} />
      </>,
    ]);
  if (d.kind === 'complaint' && d.verifyNote) facts.push([t('verifyNote'), d.verifyNote]);

  const fileUrl = d.kind === 'inspection' ? inspectionFileUrl : complaintFileUrl;
  return (
    <Box
      component="li"
      data-discovery={d.kind}
      data-discovery-id={d.id}
      sx={{ listStyle: 'none', py: 1.5, '& + &': { borderTop: 1, borderColor: 'divider' } }}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 0.5 }}>
        <Typography variant="subtitle2" component="h3" sx={{ overflowWrap: 'anywhere' }}>
          <Link to={d.kind === 'inspection' ? inspectionPage(d.id) : complaintPage(d.id)}>
            {d.kind === 'inspection' ? t(`inspection.${d.inspectionKind}`) : t('complaint', { trackingNo: d.trackingNo })}
          </Link>
        </Typography>
        <Chip size="small" variant="outlined" color={d.origin ? 'primary' : 'default'} label={t(d.origin ? 'origin' : 'joined')} />
      </Box>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        <DateTimeText value={d.at} />
        {d.kind === 'inspection' ? ` · ${actorText(translate, d.inspectorName, d.inspectorUsername, null)}` : ` · ${t('complainant')}`}
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.75, m: 0 }}>
        {facts.map(([label, value]) => (
          <Fragment key={label}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
              {value}
            </Typography>
          </Fragment>
        ))}
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1 }} aria-label={t('photos')}>
        {d.files.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('noPhotos')}
          </Typography>
        ) : (
          d.files.map((f) => (
            <PhotoThumbnail
              key={f.id}
              url={fileUrl(f.id)}
              name={f.name}
              title={translate('resources.cases.timeline.file', { name: f.name, sha256: f.sha256.slice(0, 12) })}
              size={88}
            />
          ))
        )}
      </Box>
    </Box>
  );
}

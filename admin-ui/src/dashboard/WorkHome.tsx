/**
 * The home of a field worker on a phone: their work, not the office's shortcuts. A big 扫码 button
 * (the label scanner, which opens the house with 开始排查), then what waits for them, each opening
 * its inbox tab: their tasks (and how many are overdue), tasks to claim, complaints to verify and
 * special-inspection houses; then their own tasks due soonest, and their region's key figures.
 */
import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import { Title, useTranslate } from 'react-admin';
import type { AppIdentity } from '../authProvider.ts';
import { SCAN_PATH } from '../layout/ScanAction.tsx';
import { useWorkCounts } from '../tasks/useWorkCounts.ts';
import { DueSoon } from './DueSoon.tsx';
import { HomeFigures } from './HomeFigures.tsx';
import { WorkTile } from './WorkTile.tsx';

const inbox = (view: string) => `/inbox?view=${view}`;

export function WorkHome({ me, scans }: { me: AppIdentity | undefined; scans: boolean }) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.work.home.${key}`, options);
  const { counts, verifies, inspects, scheduled, settled } = useWorkCounts();
  const waiting = counts.mine + counts.claimable + counts.verify + counts.campaigns + counts.schedule;
  return (
    <Stack spacing={1.5} sx={{ mt: 1, mb: 2 }} data-home="work">
      <Title title={t('title')} />
      <Card variant="outlined">
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>
          <Typography variant="h6" component="h1">
            {me ? t('greeting', { name: me.name }) : '\u00a0'}
          </Typography>
          {me && (
            <Typography variant="body2" color="text.secondary">
              {translate(`app.roles.${me.role}`)} · {me.regionName ?? me.regionCode}
            </Typography>
          )}
        </CardContent>
      </Card>
      {scans && (
        <Button
          href={SCAN_PATH}
          variant="contained"
          size="large"
          startIcon={<QrCodeScannerIcon />}
          sx={{ py: 1.75, fontSize: '1.125rem', fontWeight: 700 }}
          aria-describedby="scan-hint"
        >
          {translate('resources.work.scan')}
        </Button>
      )}
      {scans && (
        <Typography id="scan-hint" variant="caption" color="text.secondary" sx={{ textAlign: 'center', mt: '4px !important' }}>
          {translate('resources.work.scanHint')}
        </Typography>
      )}
      <WorkTile
        view="mine"
        to={inbox('mine')}
        title={t('due')}
        count={counts.mine}
        icon={AssignmentIndIcon}
        note={counts.overdue > 0 ? `${t('overdue')} ${counts.overdue}` : undefined}
        alert={counts.overdue > 0}
      />
      <WorkTile view="claimable" to={inbox('claimable')} title={t('claimable')} count={counts.claimable} icon={GroupAddIcon} />
      {verifies && <WorkTile view="verify" to={inbox('verify')} title={t('verify')} count={counts.verify} icon={FactCheckIcon} />}
      {inspects && (
        <WorkTile view="campaigns" to={inbox('campaigns')} title={t('campaigns')} count={counts.campaigns} icon={HomeWorkIcon} />
      )}
      {scheduled && (
        <WorkTile view="schedule" to={inbox('schedule')} title={t('schedule')} count={counts.schedule} icon={EventRepeatIcon} />
      )}
      {counts.mine > 0 && <DueSoon />}
      {settled && waiting === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center', px: 2, pt: 1 }}>
          {t('nothing')}
        </Typography>
      )}
      <HomeFigures regionOnly />
    </Stack>
  );
}

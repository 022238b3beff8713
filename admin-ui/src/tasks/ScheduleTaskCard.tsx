/**
 * One house of the inspector's 定期巡查 batch on a phone: its tier, address, village and code, when it
 * is due (red once past), and a big 开始排查 button opening the phone's inspection form for the house.
 */
import { Button, Card, CardActions, CardContent, Stack, Typography } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Link, useTranslate } from 'react-admin';
import type { DueItem } from '../../../domain/inspection-schedule/store.ts';
import { RiskTierChip } from '../buildings/RiskTierChip.tsx';
import { DueDate } from '../common/DueDate.tsx';
import { housePage } from '../inspections/HouseCell.tsx';

/** The phone's inspection form for a house (outside the admin's router, so a plain link). */
export const scheduledInspectPage = (buildingCode: string) => `/m/b/${encodeURIComponent(buildingCode)}/inspect`;

export function ScheduleTaskCard({ item }: { item: DueItem }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-schedule-task={item.buildingCode}>
      <CardContent sx={{ pb: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
          <RiskTierChip tier={item.riskTier} />
        </Stack>
        <Link to={housePage(item.buildingCode)} variant="subtitle1" sx={{ fontWeight: 600, lineHeight: 1.3, overflowWrap: 'anywhere' }}>
          {item.address ?? item.buildingCode}
        </Link>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {[item.villageName, item.buildingCode].filter(Boolean).join(' · ')}
        </Typography>
        <DueDate dueAt={item.dueAt} startAt={item.basisAt} overdue={item.overdue} inline />
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button variant="contained" size="large" fullWidth href={scheduledInspectPage(item.buildingCode)} startIcon={<FactCheckIcon />}>
          {translate('resources.work.schedule.inspect')}
        </Button>
      </CardActions>
    </Card>
  );
}

/**
 * One campaign house on a phone: the house, its village and campaign, the time left, and a big
 * 开始排查 button opening the phone's inspection form for that house.
 */
import { Button, Card, CardActions, CardContent, Typography } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Link, useTranslate } from 'react-admin';
import { DueDate } from '../common/DueDate.tsx';
import { housePage } from '../inspections/HouseCell.tsx';
import type { CampaignTask } from '../campaigns/types.ts';

/** The phone's inspection form, for this campaign (outside the admin's router, so a plain link). */
export const inspectPage = (buildingCode: string, campaignId: string) =>
  `/m/b/${encodeURIComponent(buildingCode)}/inspect?campaign=${encodeURIComponent(campaignId)}`;

export function CampaignTaskCard({ task }: { task: CampaignTask }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-campaign-task={task.buildingCode}>
      <CardContent sx={{ pb: 1 }}>
        <Typography variant="caption" color="text.secondary" component="p">
          {task.campaignName}
        </Typography>
        <Link to={housePage(task.buildingCode)} variant="subtitle1" sx={{ fontWeight: 600, lineHeight: 1.3, overflowWrap: 'anywhere' }}>
          {task.address ?? task.buildingCode}
        </Link>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {[task.villageName, task.buildingCode].filter(Boolean).join(' · ')}
        </Typography>
        <DueDate dueAt={task.dueAt} startAt={task.startedAt} inline />
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button
          variant="contained"
          size="large"
          fullWidth
          href={inspectPage(task.buildingCode, task.campaignId)}
          startIcon={<FactCheckIcon />}
        >
          {translate('resources.campaigns.inbox.inspect')}
        </Button>
      </CardActions>
    </Card>
  );
}

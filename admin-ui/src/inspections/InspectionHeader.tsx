/**
 * The top of an inspection: the house (linked to its house file), the preliminary judgement, who
 * inspected, and both times: when the form was filled on site and when the server received it. They
 * differ when an offline phone sent the form later, which the header then says. A special inspection
 * names its campaign.
 */
import { Box, Card, CardContent, Chip, Typography } from '@mui/material';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import { Link, useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { CampaignChip } from './CampaignChip.tsx';
import { Fact, Facts } from './Fact.tsx';
import { housePage } from './HouseCell.tsx';
import { InspectionJudgementChip } from './InspectionJudgementChip.tsx';
import type { Inspection } from './types.ts';

/** A form received this much after it was filled was queued on a phone without signal. */
const LATE_MS = 10 * 60_000;

export const uploadedLater = (record: Pick<Inspection, 'inspectedAt' | 'receivedAt'>) =>
  Date.parse(record.receivedAt) - Date.parse(record.inspectedAt) > LATE_MS;

export function InspectionHeader({ record }: { record: Inspection }) {
  const translate = useTranslate();
  const label = (field: string) => translate(`resources.inspections.fields.${field}`);
  return (
    <Card>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography variant="overline" color="text.secondary" component="p" sx={{ lineHeight: 1.5 }}>
          {translate('resources.inspections.name')}
        </Typography>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {record.address ?? record.buildingCode}
        </Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          <Link to={housePage(record.buildingCode)} sx={{ fontFamily: 'monospace' }}>
            {record.buildingCode}
          </Link>
          {record.villageName ? ` · ${record.villageName}` : ''}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mt: 1.5 }}>
          <InspectionJudgementChip judgement={record.judgement} size="medium" />
          <CampaignChip record={record} size="medium" />
        </Box>
        <Box sx={{ mt: 2 }}>
          <Facts>
            <Fact label={label('inspectorName')}>{record.inspectorName ?? translate('app.none')}</Fact>
            <Fact label={label('inspectedAt')}>
              <DateTimeText value={record.inspectedAt} />
            </Fact>
            <Fact label={label('receivedAt')}>
              <DateTimeText value={record.receivedAt} />
              {uploadedLater(record) && (
                <Chip
                  size="small"
                  variant="outlined"
                  icon={<CloudUploadIcon />}
                  label={translate('resources.inspections.values.uploadedLater')}
                  sx={{ ml: 1, verticalAlign: 'middle' }}
                />
              )}
            </Fact>
          </Facts>
        </Box>
      </CardContent>
    </Card>
  );
}

/**
 * The top of the house file: the address, the code, where the house is, its use and latest
 * judgement, and, prominently, the warning when it is used for business although it must not be.
 */
import { Alert, Box, Card, CardContent, Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { JudgementChip } from './JudgementChip.tsx';
import { RiskTierChip } from './RiskTierChip.tsx';
import type { BuildingRecord } from './types.ts';
import { useBuildingFormat } from './useBuildingFormat.ts';

export function HouseFileHeader() {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const format = useBuildingFormat();
  if (!building) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {building.address}
        </Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          <Box component="span" sx={{ fontFamily: 'monospace', letterSpacing: 0.5, color: 'text.primary' }}>
            {building.code}
          </Box>
          {' · '}
          {[building.townName, building.villageName].filter(Boolean).join(' ')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1.5 }}>
          <RiskTierChip withReasons />
          <JudgementChip />
          <Chip size="small" variant="outlined" label={format.value('use', building.use)} />
          {building.appraisalGrade && (
            <Chip
              size="small"
              variant="outlined"
              color={building.appraisalGrade === 'C' || building.appraisalGrade === 'D' ? 'error' : 'default'}
              label={format.value('appraisalGrade', building.appraisalGrade)}
            />
          )}
        </Box>
        {building.businessUseForbidden && (
          <Alert severity="error" variant="filled" sx={{ mt: 2 }} role="alert">
            {translate('resources.buildings.warnings.businessUseForbidden')}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

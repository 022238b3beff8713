/** Under the building code of a new case: which house that is, so a mistyped code is noticed at once. */
import { Alert, Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { buildingCodeProblem } from '../../../domain/buildings/code.ts';
import { useHouseFile } from '../buildings/useHouseFile.ts';

export function BuildingPreview({ code }: { code: unknown }) {
  const translate = useTranslate();
  const wellFormed = typeof code === 'string' && buildingCodeProblem(code) === null;
  const file = useHouseFile(wellFormed ? code : undefined);
  if (!wellFormed) return null;
  if (file.isPending) return null;
  if (file.error || !file.data) {
    return (
      <Alert severity="warning" sx={{ mb: 2 }}>
        {translate('resources.cases.create.buildingUnknown')}
      </Alert>
    );
  }
  const b = file.data.building;
  return (
    <Box sx={{ mb: 2, px: 1.5, py: 1, borderLeft: 3, borderColor: 'primary.main', bgcolor: 'action.hover' }} data-testid="building-preview">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {b.address}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {[b.townName, b.villageName].filter(Boolean).join(' ')}
        {b.latestJudgement ? ` · ${translate(`resources.buildings.enums.latestJudgement.${b.latestJudgement}`)}` : ''}
      </Typography>
    </Box>
  );
}

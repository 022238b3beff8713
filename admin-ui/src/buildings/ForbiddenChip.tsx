/** A red "不得经营" chip on a house used for business although it must not be; nothing otherwise. */
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { BuildingRecord } from './types.ts';

export function ForbiddenChip() {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  if (!building?.businessUseForbidden) return null;
  return <Chip size="small" color="error" variant="outlined" label={translate('resources.buildings.warnings.businessUseForbiddenShort')} />;
}

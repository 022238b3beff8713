/**
 * The latest preliminary judgement as a coloured chip: serious red, some orange, none green, and a
 * plain "not inspected yet" when there is none.
 */
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Judgement } from '../../../domain/buildings/enums.ts';
import { enumLabelKey } from './choices.ts';
import type { BuildingRecord } from './types.ts';

const COLOR: Record<Judgement, 'error' | 'warning' | 'success'> = { serious: 'error', some: 'warning', none: 'success' };

export function JudgementChip(_props: { label?: string; source?: string }) {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  if (!building) return null;
  const judgement = building.latestJudgement;
  if (!judgement) return <Chip size="small" variant="outlined" label={translate('resources.buildings.values.notInspected')} />;
  return <Chip size="small" color={COLOR[judgement]} label={translate(enumLabelKey('latestJudgement', judgement))} />;
}

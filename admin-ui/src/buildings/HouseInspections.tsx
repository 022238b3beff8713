/**
 * The house file's 排查记录: its latest inspections, newest first, each with time and inspector, the
 * judgement, the hazards found and the position check, opening the inspection. Narrow enough for
 * the house file's side column; the full list is one link away, filtered to this house.
 */
import { Box, ListItemButton, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { HouseSection } from './HouseSection.tsx';
import { HazardChips } from '../inspections/HazardChips.tsx';
import { InspectionJudgementChip } from '../inspections/InspectionJudgementChip.tsx';
import { PresenceLabel } from '../inspections/PresenceLabel.tsx';
import type { Inspection } from '../inspections/types.ts';

/** The house file shows this many; the rest are in the inspection list. */
const SHOWN = 5;

const inspectionPage = (id: string) => `/inspections/${encodeURIComponent(id)}/show`;
const listOfHouse = (code: string) => `/inspections?filter=${encodeURIComponent(JSON.stringify({ buildingCode: code }))}`;

function InspectionItem({ inspection }: { inspection: Inspection }) {
  const translate = useTranslate();
  return (
    <ListItemButton
      component={RouterLink}
      to={inspectionPage(inspection.id)}
      data-inspection={inspection.id}
      sx={{ display: 'grid', gap: 0.75, px: 1, py: 1, borderRadius: 1, alignItems: 'start' }}
    >
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        <DateTimeText value={inspection.inspectedAt} /> · {inspection.inspectorName ?? translate('app.none')}
      </Typography>
      <Box>
        <InspectionJudgementChip judgement={inspection.judgement} />
      </Box>
      {inspection.hazards.length > 0 && <HazardChips hazards={inspection.hazards} />}
      <PresenceLabel record={inspection} />
    </ListItemButton>
  );
}

export function HouseInspections({ code, inspections }: { code: string | undefined; inspections: readonly Inspection[] }) {
  const translate = useTranslate();
  return (
    <HouseSection
      id="related-inspections"
      title={translate('resources.buildings.related.inspections')}
      empty={translate('resources.inspections.houseFile.empty')}
      more={
        code && inspections.length > SHOWN
          ? { to: listOfHouse(code), text: translate('resources.inspections.houseFile.all', { count: inspections.length }) }
          : null
      }
    >
      {inspections.slice(0, SHOWN).map((i) => (
        <InspectionItem key={i.id} inspection={i} />
      ))}
    </HouseSection>
  );
}

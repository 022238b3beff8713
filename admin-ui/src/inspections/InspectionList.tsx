/**
 * The daily inspections of the user's region, newest first: who inspected which house when, the
 * preliminary judgement, the hazards and the cases they opened, and whether the phone was at the
 * house. Rows whose position is far or missing are tinted, and have their own tab with a count, so
 * a town officer finds them at once. A table on wide screens, compact cards on phones.
 */
import { Box, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { DataTable, FilterButton, List, SimpleList, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { CaseLinks } from './CaseLinks.tsx';
import { CampaignChip } from './CampaignChip.tsx';
import { HazardChips } from './HazardChips.tsx';
import { HouseCell } from './HouseCell.tsx';
import { InspectionJudgementChip } from './InspectionJudgementChip.tsx';
import { InspectionTabs } from './InspectionTabs.tsx';
import { PresenceLabel } from './PresenceLabel.tsx';
import type { Inspection } from './types.ts';
import { useInspectionFilters } from './useInspectionFilters.tsx';

function InspectionListActions() {
  return (
    <TopToolbar>
      <FilterButton />
    </TopToolbar>
  );
}

/** The theme's warning orange (#ed6c02) at 8 %: visible behind the row, still readable. */
const FLAGGED_BG = 'rgba(237, 108, 2, 0.08)';
const flaggedRow = (record: Inspection) => (record.flagged ? { bgcolor: FLAGGED_BG } : {});

function InspectionTable() {
  return (
    <DataTable<Inspection>
      rowClick="show"
      bulkActionButtons={false}
      rowSx={flaggedRow}
      sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } }}
    >
      <DataTable.Col<Inspection> source="inspectedAt" field={DateTimeField} />
      <DataTable.Col<Inspection> source="address" disableSort render={(r) => <HouseCell record={r} />} />
      <DataTable.Col<Inspection> source="villageName" disableSort />
      <DataTable.Col<Inspection> source="inspectorName" disableSort />
      <DataTable.Col<Inspection>
        source="judgement"
        disableSort
        render={(r) => (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, alignItems: 'flex-start' }}>
            <InspectionJudgementChip judgement={r.judgement} />
            <CampaignChip record={r} />
          </Box>
        )}
      />
      <DataTable.Col<Inspection> source="hazards" disableSort render={(r) => <HazardChips hazards={r.hazards} />} />
      <DataTable.Col<Inspection> source="presence" disableSort render={(r) => <PresenceLabel record={r} />} />
      <DataTable.Col<Inspection> source="cases" disableSort render={(r) => <CaseLinks hazards={r.hazards} />} />
    </DataTable>
  );
}

function InspectionCards() {
  const translate = useTranslate();
  return (
    <SimpleList<Inspection>
      primaryText={(r) => r.address ?? r.buildingCode}
      secondaryText={(r) => (
        <>
          <DateTimeText value={r.inspectedAt} /> · {r.inspectorName ?? translate('app.none')}
        </>
      )}
      tertiaryText={(r) => (
        <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
          <InspectionJudgementChip judgement={r.judgement} />
          <PresenceLabel record={r} />
          <CampaignChip record={r} link={false} />
        </Box>
      )}
      linkType="show"
      rowSx={flaggedRow}
      sx={{ '& .RaSimpleList-tertiary': { opacity: 1 } }}
    />
  );
}

export function InspectionList() {
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const filters = useInspectionFilters();
  return (
    <List
      filters={filters}
      actions={<InspectionListActions />}
      sort={{ field: 'inspectedAt', order: 'DESC' }}
      exporter={false}
      perPage={25}
      empty={false}
    >
      <InspectionTabs />
      {isPhone ? <InspectionCards /> : <InspectionTable />}
    </List>
  );
}

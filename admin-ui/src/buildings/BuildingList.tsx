/**
 * The building registry within the user's region: filters, a table on wide screens and a compact
 * list on phones, and labels for a selection. Owner names arrive masked from the API.
 */
import { Box, Stack, Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { DataTable, List, SimpleList, useCanAccess } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { BuildingListActions } from './BuildingListActions.tsx';
import { EnumField } from './EnumField.tsx';
import { ForbiddenChip } from './ForbiddenChip.tsx';
import { JudgementChip } from './JudgementChip.tsx';
import { PrintLabelsButton } from './PrintLabelsButton.tsx';
import { RiskTierChip } from './RiskTierChip.tsx';
import type { BuildingRecord } from './types.ts';
import { useBuildingFilters } from './useBuildingFilters.tsx';
import { useBuildingFormat } from './useBuildingFormat.ts';

export function BuildingList() {
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const format = useBuildingFormat();
  const filters = useBuildingFilters();
  const { canAccess: canPrint } = useCanAccess({ resource: 'buildings', action: 'print' });
  return (
    <List
      filters={filters}
      actions={<BuildingListActions />}
      sort={{ field: 'code', order: 'ASC' }}
      exporter={false}
      perPage={25}
      // Ten columns are wider than a 1366 px screen beside the menu: the table scrolls inside its card,
      // the page never sideways.
      sx={{ minWidth: 0, '& .RaList-main': { minWidth: 0 }, '& .RaDataTable-tableWrapper': { overflowX: 'auto' } }}
    >
      {isPhone ? (
        <SimpleList<BuildingRecord>
          primaryText={(b) => b.address}
          secondaryText={(b) => `${b.code} · ${b.villageName ?? b.villageCode}`}
          tertiaryText={() => (
            <Box component="span" sx={{ display: 'inline-flex', gap: 0.5 }}>
              <RiskTierChip />
              <JudgementChip />
              <ForbiddenChip />
            </Box>
          )}
          linkType="show"
          // react-admin greys the tertiary text; the judgement must keep its colour.
          sx={{ '& .RaSimpleList-tertiary': { opacity: 1 } }}
        />
      ) : (
        <DataTable<BuildingRecord>
          rowClick="show"
          bulkActionButtons={canPrint ? <PrintLabelsButton /> : false}
          sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } }}
        >
          <DataTable.Col
            source="code"
            render={(b) => (
              <Typography variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                {b.code}
              </Typography>
            )}
          />
          <DataTable.Col
            source="address"
            render={(b) => (
              <Box sx={{ minWidth: 180 }}>
                <Typography variant="body2">{b.address}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {[b.townName, b.villageName].filter(Boolean).join(' ')}
                </Typography>
              </Box>
            )}
          />
          <DataTable.Col source="riskTier" disableSort render={() => <RiskTierChip withReasons />} />
          <DataTable.Col
            source="use"
            disableSort
            render={(b) => (
              <Stack spacing={0.5} alignItems="flex-start">
                <span>{format.value('use', b.use)}</span>
                <ForbiddenChip />
              </Stack>
            )}
          />
          <DataTable.NumberCol source="floorsAbove" />
          <DataTable.Col source="structureType" disableSort field={EnumField} />
          <DataTable.NumberCol source="yearBuilt" options={{ useGrouping: false }} />
          <DataTable.Col
            source="latestJudgementAt"
            label="resources.buildings.fields.latestJudgement"
            render={(b) => (
              <Stack spacing={0.5} alignItems="flex-start">
                <JudgementChip />
                {b.latestJudgementAt && (
                  <Typography variant="caption" color="text.secondary">
                    {b.latestJudgementAt}
                  </Typography>
                )}
              </Stack>
            )}
          />
          <DataTable.Col source="appraisalGrade" disableSort render={(b) => b.appraisalGrade ?? '—'} />
          <DataTable.Col source="updatedAt" field={DateTimeField} />
        </DataTable>
      )}
    </List>
  );
}

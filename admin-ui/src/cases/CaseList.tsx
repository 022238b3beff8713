/**
 * The hazard cases of the user's region: filters, a table on wide screens (number, house, category,
 * severity, status, due date in colour, escalations) and compact cards on phones.
 */
import { Badge, Box, Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import CampaignIcon from '@mui/icons-material/Campaign';
import { CreateButton, DataTable, FilterButton, List, SimpleList, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { CaseStatusChip } from './CaseStatusChip.tsx';
import { DueDate } from '../common/DueDate.tsx';
import { SeverityChip } from './SeverityChip.tsx';
import type { CaseSummary } from './types.ts';
import { isFinished } from './types.ts';
import { useCaseFilters } from './useCaseFilters.tsx';

function CaseListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton label="resources.cases.actions.register" />
    </TopToolbar>
  );
}

function Escalations({ record }: { record: CaseSummary }) {
  const translate = useTranslate();
  if (record.escalationCount === 0) return <Typography variant="body2">{translate('app.none')}</Typography>;
  return (
    <Badge badgeContent={record.escalationCount} color="error" title={translate('resources.cases.fields.escalationCount')}>
      <CampaignIcon color="action" fontSize="small" />
    </Badge>
  );
}

export function CaseList() {
  const translate = useTranslate();
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const filters = useCaseFilters();
  return (
    <List filters={filters} actions={<CaseListActions />} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} perPage={25}>
      {isPhone ? (
        <SimpleList<CaseSummary>
          primaryText={(c) => c.address}
          secondaryText={(c) => `${c.number} · ${translate(`resources.cases.enums.category.${c.category}`)}`}
          tertiaryText={(c) => (
            <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
              <SeverityChip severity={c.severity} />
              <CaseStatusChip status={c.status} />
            </Box>
          )}
          linkType="show"
          sx={{ '& .RaSimpleList-tertiary': { opacity: 1 } }}
        />
      ) : (
        <DataTable<CaseSummary>
          rowClick="show"
          bulkActionButtons={false}
          sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } }}
        >
          <DataTable.Col
            source="number"
            render={(c) => (
              <Typography variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                {c.number}
              </Typography>
            )}
          />
          <DataTable.Col
            source="address"
            disableSort
            render={(c) => (
              <Box sx={{ minWidth: 180 }}>
                <Typography variant="body2">{c.address}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {[c.townName, c.villageName].filter(Boolean).join(' ')} · {c.buildingCode}
                </Typography>
              </Box>
            )}
          />
          <DataTable.Col
            source="category"
            disableSort
            render={(c) => translate(`resources.cases.enums.category.${c.category}`, { _: c.category })}
          />
          <DataTable.Col source="severity" disableSort render={(c) => <SeverityChip severity={c.severity} />} />
          <DataTable.Col source="status" disableSort render={(c) => <CaseStatusChip status={c.status} />} />
          <DataTable.Col
            source="dueAt"
            render={(c) => <DueDate dueAt={c.dueAt} startAt={c.dueFrom} overdue={c.overdue} finished={isFinished(c.status)} />}
          />
          <DataTable.Col<CaseSummary> source="escalationCount" disableSort render={(c) => <Escalations record={c} />} />
          <DataTable.Col source="createdAt" field={DateTimeField} />
        </DataTable>
      )}
    </List>
  );
}

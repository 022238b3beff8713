/**
 * The special inspections over or within the user's area, newest first, opening on those running:
 * name, area, who inspects, the deadline (red once passed while running), where each stands and its
 * progress with the hazards found and the houses overdue. District officers start new ones here. A
 * table on wide screens, compact rows on phones.
 */
import { Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { CreateButton, DataTable, List, SelectInput, SimpleList, TopToolbar, useTranslate } from 'react-admin';
import { DueDate } from '../common/DueDate.tsx';
import { CampaignProgress } from './CampaignProgress.tsx';
import { CampaignStatusChip } from './CampaignStatusChip.tsx';
import { CampaignTabs } from './CampaignTabs.tsx';
import { statusChoices } from './choices.ts';
import type { Campaign } from './types.ts';

function CampaignListActions() {
  return (
    <TopToolbar>
      <CreateButton />
    </TopToolbar>
  );
}

const filters = [<SelectInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 160 }} />];

function AssigneeText({ record }: { record: Pick<Campaign, 'assigneeRole'> }) {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {translate(`resources.campaigns.enums.assigneeRole.${record.assigneeRole}`)}
    </Typography>
  );
}

function CampaignTable() {
  return (
    <DataTable<Campaign>
      rowClick="show"
      bulkActionButtons={false}
      sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } }}
    >
      <DataTable.Col<Campaign>
        source="name"
        disableSort
        render={(r) => (
          <Typography variant="body2" sx={{ fontWeight: 500, minWidth: 160 }}>
            {r.name}
          </Typography>
        )}
      />
      <DataTable.Col<Campaign> source="regionName" disableSort render={(r) => r.regionName ?? r.regionCode} />
      <DataTable.Col<Campaign> source="assigneeRole" disableSort render={(r) => <AssigneeText record={r} />} />
      <DataTable.Col<Campaign>
        source="dueAt"
        render={(r) => <DueDate dueAt={r.dueAt} startAt={r.createdAt} finished={r.status !== 'running'} />}
      />
      <DataTable.Col<Campaign> source="status" disableSort render={(r) => <CampaignStatusChip status={r.status} />} />
      <DataTable.Col<Campaign> source="progress" disableSort render={(r) => <CampaignProgress counts={r.progress} />} />
    </DataTable>
  );
}

function CampaignRows() {
  const translate = useTranslate();
  return (
    <SimpleList<Campaign>
      primaryText={(r) => r.name}
      secondaryText={(r) => `${r.regionName ?? r.regionCode} · ${translate(`resources.campaigns.enums.assigneeRole.${r.assigneeRole}`)}`}
      tertiaryText={(r) => <CampaignStatusChip status={r.status} />}
      linkType="show"
      sx={{ '& .RaSimpleList-tertiary': { opacity: 1 } }}
    />
  );
}

export function CampaignList() {
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'running' }}
      actions={<CampaignListActions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      perPage={25}
      empty={false}
    >
      <CampaignTabs />
      {isPhone ? <CampaignRows /> : <CampaignTable />}
    </List>
  );
}

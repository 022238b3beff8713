/** The inbox on a wide screen: due date first (coloured), case, step, house, severity, who, and the buttons. */
import { stepLabel } from './stepLabel.ts';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { DataTable, useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { DueDate } from '../common/DueDate.tsx';
import { SeverityChip } from '../cases/SeverityChip.tsx';
import { ClaimButton } from './ClaimButton.tsx';
import { TaskAssignee } from './TaskAssignee.tsx';
import type { TaskRow, TaskView } from './types.ts';
import { WorkButton } from './WorkButton.tsx';

const openTask = (id: string | number) => `/inbox/${encodeURIComponent(String(id))}`;

export function TaskTable({ view }: { view: TaskView }) {
  const translate = useTranslate();
  return (
    <DataTable<TaskRow>
      rowClick={(id) => openTask(id)}
      bulkActionButtons={false}
      sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } }}
    >
      {view === 'done' ? (
        <DataTable.Col<TaskRow> source="completedAt" render={(t) => <DateTimeText value={t.completedAt} />} />
      ) : (
        <DataTable.Col<TaskRow> source="dueAt" render={(t) => <DueDate dueAt={t.dueAt} startAt={t.createdAt} overdue={t.overdue} />} />
      )}
      <DataTable.Col<TaskRow>
        source="caseNumber"
        disableSort
        render={(t) => (
          <Typography variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
            {t.caseNumber}
          </Typography>
        )}
      />
      <DataTable.Col<TaskRow>
        source="step"
        disableSort
        render={(t) => <Chip size="small" color="primary" variant="outlined" label={stepLabel(translate, t)} />}
      />
      <DataTable.Col<TaskRow>
        source="address"
        disableSort
        render={(t) => (
          <Box sx={{ minWidth: 180 }}>
            <Typography variant="body2">{t.address}</Typography>
            <Typography variant="caption" color="text.secondary">
              {[t.villageName, translate(`resources.cases.enums.category.${t.category}`, { _: t.category })].filter(Boolean).join(' · ')}
            </Typography>
          </Box>
        )}
      />
      <DataTable.Col<TaskRow> source="severity" disableSort render={(t) => <SeverityChip severity={t.severity} />} />
      <DataTable.Col<TaskRow> source="assigneeName" disableSort render={(t) => <TaskAssignee task={t} />} />
      <DataTable.Col<TaskRow>
        label=""
        disableSort
        render={(t) => (
          <Stack direction="row" spacing={1} justifyContent="flex-end">
            {t.canClaim && <ClaimButton task={t} />}
            {t.canComplete && <WorkButton task={t} />}
          </Stack>
        )}
      />
    </DataTable>
  );
}

/**
 * The audit trail, newest first: the audit log and every case's event trail in one list. A row opens to show everything recorded; on phones a compact list
 * replaces the table.
 */
import { useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { DataTable, List, SimpleList } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { AuditActionField, useActionLabel } from './AuditActionField.tsx';
import { AuditActorField, useActorName } from './AuditActorField.tsx';
import { AuditDetailsPanel } from './AuditDetailsPanel.tsx';
import { auditLogFilters } from './auditLogFilters.tsx';
import { AuditSourceField } from './AuditSourceField.tsx';
import { AuditSubjectField } from './AuditSubjectField.tsx';
import type { AuditEntry } from './types.ts';

export function AuditLogList() {
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const actionLabel = useActionLabel();
  const actorName = useActorName();
  return (
    <List filters={auditLogFilters} sort={{ field: 'at', order: 'DESC' }} exporter={false} perPage={25}>
      {isPhone ? (
        <SimpleList<AuditEntry>
          primaryText={(e) => actionLabel(e.action)}
          secondaryText={(e) => (
            <>
              {actorName(e)} · <DateTimeField source="at" />
            </>
          )}
          // What the entry is about (a case's number, a complaint's tracking number), as the table shows it.
          tertiaryText={() => <AuditSubjectField />}
          linkType={false}
        />
      ) : (
        <DataTable<AuditEntry> rowClick="expand" expand={<AuditDetailsPanel />} bulkActionButtons={false}>
          <DataTable.Col source="at" field={DateTimeField} />
          <DataTable.Col source="actorName" disableSort field={AuditActorField} />
          <DataTable.Col source="action" field={AuditActionField} />
          <DataTable.Col source="source" disableSort field={AuditSourceField} />
          <DataTable.Col source="subjectType" label="resources.audit-log.fields.subject" disableSort field={AuditSubjectField} />
          <DataTable.Col source="ip" disableSort />
        </DataTable>
      )}
    </List>
  );
}

/**
 * Users in the administrator's region. Phones get a compact list instead of a table; phone numbers
 * arrive masked from the API.
 */
import { useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { DataTable, List, SimpleList, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { RoleField } from './RoleField.tsx';
import { UserStatusField } from './UserStatusField.tsx';
import { useUserFilters } from './useUserFilters.tsx';
import type { UserRecord } from './types.ts';

export function UserList() {
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  const filters = useUserFilters();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
      {isPhone ? (
        <SimpleList<UserRecord>
          primaryText={(u) => u.name}
          secondaryText={(u) => `${u.username} · ${translate(`app.roles.${u.role}`)} · ${u.regionName ?? u.regionCode}`}
          tertiaryText={() => <UserStatusField />}
          linkType="show"
        />
      ) : (
        <DataTable<UserRecord> rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="username" />
          <DataTable.Col source="name" />
          <DataTable.Col source="phone" disableSort />
          <DataTable.Col source="role" field={RoleField} />
          <DataTable.Col source="regionCode" label="resources.users.fields.regionName" render={(u) => u.regionName ?? u.regionCode} />
          <DataTable.Col source="disabled" label="resources.users.fields.status" disableSort field={UserStatusField} />
          <DataTable.Col source="lastLoginAt" field={DateTimeField} />
        </DataTable>
      )}
    </List>
  );
}

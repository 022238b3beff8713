/** One user's account: who, where, status and sign-in history, with the actions the viewer may take. */
import { FunctionField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { LockedUntilField } from './LockedUntilField.tsx';
import { RoleField } from './RoleField.tsx';
import { UserShowActions } from './UserShowActions.tsx';
import { UserStatusField } from './UserStatusField.tsx';
import type { UserRecord } from './types.ts';

export function UserShow() {
  return (
    <Show actions={<UserShowActions />}>
      <SimpleShowLayout>
        <TextField source="username" />
        <TextField source="name" />
        <TextField source="phone" emptyText="—" />
        <RoleField label="resources.users.fields.role" />
        <FunctionField<UserRecord>
          source="regionCode"
          label="resources.users.fields.regionName"
          render={(u) => `${u.regionName ?? ''} ${u.regionCode}`.trim()}
        />
        <UserStatusField label="resources.users.fields.status" />
        <LockedUntilField />
        <DateTimeField source="lastLoginAt" />
        <DateTimeField source="createdAt" />
        <DateTimeField source="updatedAt" />
      </SimpleShowLayout>
    </Show>
  );
}

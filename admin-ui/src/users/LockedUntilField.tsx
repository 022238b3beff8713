/** When a sign-in lock ends, shown only while the lock is running. */
import { Labeled, useRecordContext } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { isLocked } from './types.ts';
import type { UserRecord } from './types.ts';

export function LockedUntilField() {
  const user = useRecordContext<UserRecord>();
  if (!user || !isLocked(user)) return null;
  return (
    <Labeled label="resources.users.fields.lockedUntil">
      <DateTimeField source="lockedUntil" />
    </Labeled>
  );
}

/** Asks for the bulletin of a district or town for a month; it is made in the background. */
import { Create, SimpleForm, TextInput, regex, required } from 'react-admin';
import { RegionInput } from '../common/RegionInput.tsx';

/** Last month in Beijing time, the default (the one the schedule makes on the 1st). */
function lastMonth(): string {
  const beijing = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

export function BulletinCreate() {
  return (
    <Create redirect="list">
      <SimpleForm sx={{ maxWidth: 560 }} defaultValues={{ month: lastMonth() }}>
        <RegionInput source="regionCode" validate={required()} helperText="resources.bulletins.helpers.regionCode" fullWidth />
        <TextInput
          source="month"
          type="month"
          validate={[required(), regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'resources.bulletins.validation.month')]}
          helperText="resources.bulletins.helpers.month"
          fullWidth
        />
      </SimpleForm>
    </Create>
  );
}

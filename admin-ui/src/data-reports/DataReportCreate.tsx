/** Requests a report of a region: every house, or the changes since the region's previous report. */
import { Create, RadioButtonGroupInput, SimpleForm, required } from 'react-admin';
import { RegionInput } from '../common/RegionInput.tsx';

export function DataReportCreate() {
  return (
    <Create redirect="list">
      <SimpleForm sx={{ maxWidth: 560 }} defaultValues={{ kind: 'full' }}>
        <RegionInput source="regionCode" validate={required()} helperText="resources.data-reports.helpers.regionCode" fullWidth />
        <RadioButtonGroupInput
          source="kind"
          validate={required()}
          helperText="resources.data-reports.helpers.kind"
          choices={[
            { id: 'full', name: 'resources.data-reports.kind.full' },
            { id: 'changes', name: 'resources.data-reports.kind.changes' },
          ]}
        />
      </SimpleForm>
    </Create>
  );
}

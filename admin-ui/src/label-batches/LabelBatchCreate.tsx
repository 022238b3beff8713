/** Requests the labels of every building in a region; the batch is made in the background. */
import { Create, SimpleForm, required } from 'react-admin';
import { RegionInput } from '../common/RegionInput.tsx';

export function LabelBatchCreate() {
  return (
    <Create redirect="list">
      <SimpleForm sx={{ maxWidth: 560 }}>
        <RegionInput source="regionCode" validate={required()} helperText="resources.label-batches.helpers.regionCode" fullWidth />
      </SimpleForm>
    </Create>
  );
}

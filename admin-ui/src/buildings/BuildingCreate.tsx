/** Registers a new house in a village; the API assigns its code. */
import { Create } from 'react-admin';
import { BuildingForm } from './BuildingForm.tsx';

/** Leaves out what the user did not fill in: the API takes absent fields as "not recorded". */
function withoutEmpty(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

export function BuildingCreate() {
  return (
    <Create redirect="show" transform={withoutEmpty}>
      <BuildingForm mode="create" />
    </Create>
  );
}

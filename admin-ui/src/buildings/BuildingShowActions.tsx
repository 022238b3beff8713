/** What the viewer may do with a house file; each button hides itself when not allowed. */
import { EditButton, TopToolbar } from 'react-admin';
import { RegisterHazardButton } from '../cases/RegisterHazardButton.tsx';
import { PrintLabelButton } from './PrintLabelButton.tsx';

export function BuildingShowActions() {
  return (
    <TopToolbar>
      <RegisterHazardButton />
      <EditButton />
      <PrintLabelButton />
    </TopToolbar>
  );
}

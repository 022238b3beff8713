/** What the viewer may do with a house file; each button hides itself when not allowed. */
import { EditButton, TopToolbar } from 'react-admin';
import { PrintLabelButton } from './PrintLabelButton.tsx';

export function BuildingShowActions() {
  return (
    <TopToolbar>
      <EditButton />
      <PrintLabelButton />
    </TopToolbar>
  );
}

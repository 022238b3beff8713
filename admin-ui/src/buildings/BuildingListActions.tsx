/** The list's toolbar: filters, a new house file, and the import page for those who may import. */
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, CanAccess, CreateButton, FilterButton, Link, TopToolbar } from 'react-admin';

export function BuildingListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
      <CanAccess resource="building-imports" action="create">
        <Button component={Link} to="/building-imports/create" label="resources.buildings.actions.import">
          <UploadFileIcon />
        </Button>
      </CanAccess>
    </TopToolbar>
  );
}

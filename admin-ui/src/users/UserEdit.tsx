/**
 * Edits a user's name, phone, role and region. Only changed fields are sent; the username is fixed
 * once created. Saving waits for the server so its field errors land on the form.
 */
import { Edit, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { UserRegionInput } from './UserRegionInput.tsx';
import { roleChoices } from './roleChoices.ts';

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm sx={{ maxWidth: 560 }}>
        <TextInput source="username" readOnly fullWidth />
        <TextInput source="name" validate={required()} fullWidth />
        <TextInput source="phone" fullWidth inputProps={{ inputMode: 'tel' }} />
        <SelectInput source="role" choices={roleChoices} validate={required()} fullWidth />
        <UserRegionInput />
      </SimpleForm>
    </Edit>
  );
}

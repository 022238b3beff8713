/** Creates an account with an initial password that the administrator hands over in person. */
import { Create, PasswordInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { UserRegionInput } from './UserRegionInput.tsx';
import { roleChoices } from './roleChoices.ts';

export function UserCreate() {
  return (
    <Create redirect="show">
      <SimpleForm sx={{ maxWidth: 560 }}>
        <TextInput
          source="username"
          validate={required()}
          helperText="resources.users.helpers.username"
          fullWidth
          inputProps={{ autoCapitalize: 'none', spellCheck: false }}
        />
        <TextInput source="name" validate={required()} fullWidth />
        <TextInput source="phone" fullWidth inputProps={{ inputMode: 'tel' }} />
        <SelectInput source="role" choices={roleChoices} validate={required()} fullWidth />
        <UserRegionInput />
        <PasswordInput
          source="password"
          validate={required()}
          helperText="resources.users.helpers.password"
          fullWidth
          inputProps={{ autoComplete: 'new-password' }}
        />
      </SimpleForm>
    </Create>
  );
}

import { BooleanInput, Create, PasswordInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { roleChoices } from './choices';
import { validateEmail, validateFullName, validatePassword } from './validation';

/** A new user; the server answers a taken email with CONFLICT, shown under the email and notified. */
export const UserCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ active: true }} noValidate>
      <TextInput source="email" type="email" autoComplete="off" validate={validateEmail} />
      <TextInput source="fullName" validate={validateFullName} />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <UnitReferenceInput source="unitId" validate={required()} />
      <PasswordInput
        source="password"
        autoComplete="new-password"
        helperText="soquy.users.password_help"
        validate={validatePassword}
      />
      <BooleanInput source="active" />
    </SimpleForm>
  </Create>
);

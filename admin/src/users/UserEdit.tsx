import {
  BooleanInput,
  Edit,
  ListButton,
  SaveButton,
  SelectInput,
  ShowButton,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  required,
} from 'react-admin';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { roleChoices } from './choices';
import { ResetPasswordButton } from './ResetPasswordButton';
import { validateFullName } from './validation';

const UserEditActions = () => (
  <TopToolbar>
    <ListButton />
    <ShowButton />
    <ResetPasswordButton />
  </TopToolbar>
);

/** Users are deactivated, never deleted: the toolbar only saves. */
const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Name, role, unit and active flag; the server ends the user's sessions when role, unit or active change. */
export const UserEdit = () => (
  <Edit mutationMode="pessimistic" actions={<UserEditActions />} redirect="show">
    <SimpleForm toolbar={<UserEditToolbar />}>
      <TextInput source="email" readOnly />
      <TextInput source="fullName" validate={validateFullName} />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <UnitReferenceInput source="unitId" validate={required()} />
      <BooleanInput source="active" />
    </SimpleForm>
  </Edit>
);

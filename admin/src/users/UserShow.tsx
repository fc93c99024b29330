import {
  BooleanField,
  EditButton,
  ListButton,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { DateTimeField } from '../fields';
import { roleChoices } from './choices';
import { ResetPasswordButton } from './ResetPasswordButton';

const UserShowActions = () => (
  <TopToolbar>
    <ListButton />
    <EditButton />
    <ResetPasswordButton />
  </TopToolbar>
);

export const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <SimpleShowLayout>
      <TextField source="email" />
      <TextField source="fullName" />
      <SelectField source="role" choices={roleChoices} />
      <ReferenceField source="unitId" reference="AdministrativeUnit" link="show" />
      <BooleanField source="active" />
      <DateTimeField source="lastLoginAt" emptyText="—" />
      <DateTimeField source="createdAt" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);

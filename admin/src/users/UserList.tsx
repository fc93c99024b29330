import {
  BooleanField,
  Datagrid,
  List,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { DateTimeField } from '../fields';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { roleChoices } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <UnitReferenceInput key="unitId" source="unitId" />,
  <NullableBooleanInput key="active" source="active" />,
];

/** Users of the signed-in user's unit and the units below it. */
export const UserList = () => (
  <List sort={{ field: 'email', order: 'ASC' }} perPage={25} filters={filters} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="email" />
      <TextField source="fullName" />
      <SelectField source="role" choices={roleChoices} />
      <ReferenceField source="unitId" reference="AdministrativeUnit" link="show" />
      <BooleanField source="active" />
      <DateTimeField source="lastLoginAt" emptyText="—" />
    </Datagrid>
  </List>
);

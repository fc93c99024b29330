import { Datagrid, List, NullableBooleanInput, ReferenceField, SearchInput, SelectInput, TextField } from 'react-admin';
import { LocalDateField } from '../fields';
import { unitLevelChoices } from './choices';
import { UnitLevelField } from './UnitLevelField';
import { UnitReferenceInput } from './UnitReferenceInput';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="level" source="level" choices={unitLevelChoices} />,
  <UnitReferenceInput key="parentId" source="parentId" />,
  <NullableBooleanInput key="current" source="current" alwaysOn />,
];

/**
 * The units the server lets the user see, by code; searching folds diacritics ("hai hau" finds Hải Hậu).
 * Units ended by a reorganisation are hidden by default ("In force today": yes); clear the filter to see them.
 */
export const UnitList = () => (
  <List sort={{ field: 'code', order: 'ASC' }} perPage={25} filters={filters} filterDefaultValues={{ current: true }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="nameWithType" />
      <UnitLevelField source="level" />
      <ReferenceField source="parentId" reference="AdministrativeUnit" link="show" />
      <LocalDateField source="validTo" emptyText="" />
      <ReferenceField source="successorId" reference="AdministrativeUnit" link="show" emptyText="" />
    </Datagrid>
  </List>
);

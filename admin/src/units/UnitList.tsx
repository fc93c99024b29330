import { Datagrid, List, ReferenceField, SearchInput, SelectInput, TextField } from 'react-admin';
import { unitLevelChoices } from './choices';
import { UnitLevelField } from './UnitLevelField';
import { UnitReferenceInput } from './UnitReferenceInput';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="level" source="level" choices={unitLevelChoices} />,
  <UnitReferenceInput key="parentId" source="parentId" />,
];

/** The units the server lets the user see, by code; searching folds diacritics ("hai hau" finds Hải Hậu). */
export const UnitList = () => (
  <List sort={{ field: 'code', order: 'ASC' }} perPage={25} filters={filters} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="nameWithType" />
      <UnitLevelField source="level" />
      <ReferenceField source="parentId" reference="AdministrativeUnit" link="show" />
    </Datagrid>
  </List>
);

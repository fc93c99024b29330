import { CreateButton, Datagrid, FilterButton, List, NumberField, ReferenceField, SearchInput, SelectInput, TextField, TopToolbar } from 'react-admin';
import { EnumChipField } from '../fields';
import { houseConditionChoices, houseConditionColors } from '../housing/choices';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { MeritCategoryField } from './MeritCategoryField';
import { useMeritCategoryChoices } from './useMeritCategories';

const HouseholdListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="soquy.households.create" />
  </TopToolbar>
);

/**
 * Households of people with meritorious service in the user's scope, by name. Citizen IDs appear
 * as the server gives them: masked ("036*******34") for roles that do not need them.
 */
export const HouseholdList = () => {
  const meritChoices = useMeritCategoryChoices();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <UnitReferenceInput key="unitId" source="unitId" />,
    <SelectInput key="meritCategoryCode" source="meritCategoryCode" choices={meritChoices} translateChoice={false} sx={{ minWidth: 280 }} />,
    <SelectInput key="houseCondition" source="houseCondition" choices={houseConditionChoices} sx={{ minWidth: 220 }} />,
  ];
  return (
    <List sort={{ field: 'personName', order: 'ASC' }} perPage={25} filters={filters} actions={<HouseholdListActions />} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& .column-nationalId': { whiteSpace: 'nowrap', fontFamily: 'monospace' } }}>
        <TextField source="personName" />
        <TextField source="nationalId" sortable={false} />
        <MeritCategoryField source="meritCategoryCode" sortable={false} />
        <ReferenceField source="unitId" reference="AdministrativeUnit" link={false} />
        <TextField source="address" sortable={false} />
        <NumberField source="householdSize" />
        <EnumChipField source="houseCondition" prefix="soquy.households.condition" colors={houseConditionColors} />
      </Datagrid>
    </List>
  );
};

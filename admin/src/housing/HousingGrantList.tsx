import {
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  NumberInput,
  ReferenceField,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { EnumChipField, LocalDateField, MoneyField } from '../fields';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { housingGrantStatusChoices, housingGrantStatusColors, housingGrantTypeChoices, housingProgramChoices } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <UnitReferenceInput key="unitId" source="unitId" />,
  <SelectArrayInput key="status" source="status" choices={housingGrantStatusChoices} sx={{ minWidth: 220 }} />,
  <SelectInput key="type" source="type" choices={housingGrantTypeChoices} sx={{ minWidth: 180 }} />,
  <SelectInput key="program" source="program" choices={housingProgramChoices} sx={{ minWidth: 240 }} />,
  <NumberInput key="year" source="year" min={2000} max={2100} step={1} sx={{ width: 140 }} />,
];

const HousingGrantListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="soquy.housing.apply" />
  </TopToolbar>
);

/** Housing grants (hồ sơ hỗ trợ nhà ở) in the user's scope, newest application first, with status chips. */
export const HousingGrantList = () => (
  <List sort={{ field: 'appliedOn', order: 'DESC' }} perPage={25} filters={filters} actions={<HousingGrantListActions />} exporter={false}>
    <Datagrid
      rowClick="show"
      bulkActionButtons={false}
      sx={{ '& .column-amount, & .column-paidAmount, & .column-status, & .column-appliedOn': { whiteSpace: 'nowrap' } }}
    >
      <TextField source="householdName" sortable={false} />
      <ReferenceField source="unitId" reference="AdministrativeUnit" link={false} />
      <EnumChipField source="type" prefix="soquy.housing.type" />
      <EnumChipField source="program" prefix="soquy.housing.program" />
      <EnumChipField source="status" prefix="soquy.housing.status" colors={housingGrantStatusColors} variant="filled" />
      <MoneyField source="amount" textAlign="right" emptyText="—" />
      <MoneyField source="paidAmount" textAlign="right" sortable={false} />
      <LocalDateField source="appliedOn" />
    </Datagrid>
  </List>
);

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
import { EnumChipField, MoneyField } from '../fields';
import { unitLevelChoices } from '../units/choices';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { memorialKindChoices, memorialScopeChoices, memorialStatusChoices, memorialStatusColors } from './choices';
import { MemorialProgressField } from './MemorialProgressField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <UnitReferenceInput key="unitId" source="unitId" />,
  <SelectArrayInput key="status" source="status" choices={memorialStatusChoices} sx={{ minWidth: 200 }} />,
  <SelectInput key="kind" source="kind" choices={memorialKindChoices} sx={{ minWidth: 200 }} />,
  <SelectInput key="scope" source="scope" choices={memorialScopeChoices} sx={{ minWidth: 180 }} />,
  <SelectInput key="level" source="level" choices={unitLevelChoices} />,
  <NumberInput key="year" source="year" min={2000} max={2100} step={1} sx={{ width: 120 }} />,
];

const MemorialWorkListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="soquy.memorial.create" />
  </TopToolbar>
);

/**
 * Memorial works for martyrs (công trình ghi công liệt sĩ) in the user's scope, newest first: what
 * they cost, the support within the caps, what is paid, and how far the construction is.
 */
export const MemorialWorkList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} filters={filters} actions={<MemorialWorkListActions />} exporter={false} empty={false}>
    <Datagrid
      rowClick="show"
      bulkActionButtons={false}
      sx={{
        '& .column-approvedCost, & .column-supportAmount, & .column-paidAmount, & .column-status': { whiteSpace: 'nowrap' },
        '& .column-name': { minWidth: 220 },
        '& .column-unitId': { minWidth: 160 },
        '& .column-progress': { minWidth: 160 },
      }}
    >
      <TextField source="name" />
      <EnumChipField source="kind" prefix="soquy.memorial.kind" />
      <EnumChipField source="scope" prefix="soquy.memorial.scope" />
      <ReferenceField source="unitId" reference="AdministrativeUnit" link={false}>
        <TextField source="nameWithType" />
      </ReferenceField>
      <EnumChipField source="level" prefix="soquy.unitLevel" sortable={false} />
      <MoneyField source="approvedCost" textAlign="right" />
      <MoneyField source="supportAmount" textAlign="right" />
      <MoneyField source="paidAmount" textAlign="right" sortable={false} />
      <MemorialProgressField source="progress" />
      <EnumChipField source="status" prefix="soquy.memorial.status" colors={memorialStatusColors} variant="filled" />
    </Datagrid>
  </List>
);

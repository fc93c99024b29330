import { CreateButton, Datagrid, FilterButton, List, NumberInput, SelectArrayInput, SelectInput, TextField, TopToolbar } from 'react-admin';
import { EnumChipField, LocalDateField, MoneyField } from '../fields';
import { ChildLinkField, ChildReferenceInput } from '../scholarships/childSupport';
import { surgeryConditionChoices, surgeryStatusChoices, surgeryStatusColors } from './choices';

const filters = [
  <SelectArrayInput key="status" source="status" choices={surgeryStatusChoices} alwaysOn sx={{ minWidth: 220 }} />,
  <SelectInput key="condition" source="condition" choices={surgeryConditionChoices} sx={{ minWidth: 220 }} />,
  <NumberInput key="year" source="year" min={2000} max={2100} step={1} sx={{ width: 140 }} />,
  <ChildReferenceInput key="childId" source="childId" helperText={false} />,
];

const SurgeryCaseListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="soquy.surgery.create" />
  </TopToolbar>
);

/**
 * Surgery support for children (hỗ trợ phẫu thuật) in the user's scope, newest referral first, with
 * status chips: the child (masked for the roles that do not work with children), the condition,
 * the hospital, the cost, the fund's support and what it has paid.
 */
export const SurgeryCaseList = () => (
  <List sort={{ field: 'referredOn', order: 'DESC' }} perPage={25} filters={filters} actions={<SurgeryCaseListActions />} exporter={false} empty={false}>
    <Datagrid
      rowClick="show"
      bulkActionButtons={false}
      sx={{ '& .column-totalCost, & .column-fundSupport, & .column-paidAmount, & .column-status, & .column-referredOn': { whiteSpace: 'nowrap' } }}
    >
      <ChildLinkField source="childName" sortable={false} />
      <EnumChipField source="condition" prefix="soquy.surgery.condition" />
      <TextField source="hospital" sortable={false} />
      <MoneyField source="totalCost" textAlign="right" />
      <MoneyField source="fundSupport" textAlign="right" />
      <MoneyField source="paidAmount" textAlign="right" sortable={false} />
      <EnumChipField source="status" prefix="soquy.surgery.status" colors={surgeryStatusColors} variant="filled" />
      <LocalDateField source="referredOn" />
    </Datagrid>
  </List>
);

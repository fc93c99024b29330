import { CreateButton, Datagrid, FilterButton, List, NumberField, TextField, TextInput, TopToolbar } from 'react-admin';
import { MoneyField } from '../fields';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { ChildLinkField, ChildReferenceInput } from './childSupport';

const filters = [
  <TextInput key="schoolYear" source="schoolYear" alwaysOn helperText={false} sx={{ width: 160 }} />,
  <UnitReferenceInput key="unitId" source="unitId" />,
  <ChildReferenceInput key="childId" source="childId" helperText={false} />,
];

const ScholarshipListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="soquy.scholarships.create" />
  </TopToolbar>
);

/**
 * Scholarships (học bổng) of the children in the user's scope, newest first: the child (masked for
 * the roles that do not work with children), the school year, the school, the amount per term and
 * what is paid or pending.
 */
export const ScholarshipList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} filters={filters} actions={<ScholarshipListActions />} exporter={false} empty={false}>
    <Datagrid
      rowClick="show"
      bulkActionButtons={false}
      sx={{ '& .column-amountPerTerm, & .column-paidAmount, & .column-pendingAmount, & .column-schoolYear': { whiteSpace: 'nowrap' } }}
    >
      <ChildLinkField source="childName" sortable={false} />
      <TextField source="schoolYear" />
      <TextField source="school" />
      <TextField source="grade" sortable={false} emptyText="—" />
      <MoneyField source="amountPerTerm" textAlign="right" />
      <NumberField source="terms" sortable={false} />
      <MoneyField source="paidAmount" textAlign="right" sortable={false} />
      <MoneyField source="pendingAmount" textAlign="right" sortable={false} />
    </Datagrid>
  </List>
);

import {
  AutocompleteArrayInput,
  AutocompleteInput,
  CreateButton,
  Datagrid,
  DateInput,
  FilterButton,
  List,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { EnumChipField, LocalDateField, MoneyField } from '../fields';
import { MoneyInput } from '../inputs/MoneyInput';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { disbursementCategoryChoices, disbursementStatusChoices, disbursementStatusColors, projectTypeChoices } from './choices';
import { DisbursementExportButtons } from './DisbursementExportButtons';
import { DisbursementFlagsField } from './DisbursementFlagsField';
import { DisbursementTotals } from './DisbursementTotals';

/** The inspectors' filters (DisbursementFilter); a creator or approver is picked by name when the user may list users. */
function useFilters() {
  const { canAccess: canListUsers } = useCanAccess({ resource: 'User', action: 'list' });
  const userInput = (source: string) => (
    <ReferenceInput key={source} source={source} reference="User" sort={{ field: 'fullName', order: 'ASC' }}>
      <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 260 }} />
    </ReferenceInput>
  );
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <ReferenceArrayInput key="fundIds" source="fundIds" reference="Fund" sort={{ field: 'id', order: 'ASC' }}>
      <AutocompleteArrayInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 360 }} />
    </ReferenceArrayInput>,
    <UnitReferenceInput key="unitId" source="unitId" />,
    <SelectArrayInput key="status" source="status" choices={disbursementStatusChoices} sx={{ minWidth: 200 }} />,
    <SelectArrayInput key="category" source="category" choices={disbursementCategoryChoices} sx={{ minWidth: 220 }} />,
    <DateInput key="dateFrom" source="dateFrom" />,
    <DateInput key="dateTo" source="dateTo" />,
    <MoneyInput key="amountMin" source="amountMin" helperText={false} />,
    <MoneyInput key="amountMax" source="amountMax" helperText={false} />,
    <TextInput key="payee" source="payee" />,
    ...(canListUsers ? [userInput('createdById'), userInput('approvedById')] : []),
    <SelectInput key="projectType" source="projectType" choices={projectTypeChoices} />,
    <TextInput key="projectId" source="projectId" />,
  ];
}

const DisbursementListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="soquy.disbursements.create" />
    <DisbursementExportButtons />
  </TopToolbar>
);

/**
 * Disbursements (phiếu chi) of the funds in the user's scope, newest first, with the count and sum
 * of those matching the filters, the inspectors' flags, and the server-side exports. The same list
 * for an inspector, without "Lập phiếu chi".
 */
export const DisbursementList = () => {
  const filters = useFilters();
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} filters={filters} actions={<DisbursementListActions />} exporter={false} empty={false}>
      <DisbursementTotals />
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        sx={{
          '& .column-voucherNumber, & .column-createdAt, & .column-paidOn, & .column-amount, & .column-status, & .column-flags': { whiteSpace: 'nowrap' },
          '& .column-payeeName': { minWidth: 180 },
          '& .column-fundId': { minWidth: 220 },
        }}
      >
        <TextField source="voucherNumber" emptyText="—" />
        <LocalDateField source="createdAt" />
        <TextField source="payeeName" />
        <MoneyField source="amount" textAlign="right" />
        <EnumChipField source="category" prefix="soquy.disbursementCategory" />
        <ReferenceField source="fundId" reference="Fund" link={false} />
        <EnumChipField source="status" prefix="soquy.disbursementStatus" colors={disbursementStatusColors} variant="filled" />
        <LocalDateField source="paidOn" />
        <DisbursementFlagsField source="flags" sortable={false} />
      </Datagrid>
    </List>
  );
};

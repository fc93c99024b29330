import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  DateInput,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { DonorReferenceInput } from '../donors/DonorReferenceInput';
import { EnumChipField, LocalDateField, MoneyField } from '../fields';
import { FundReferenceInput } from '../funds/FundReferenceInput';
import { MoneyInput } from '../inputs/MoneyInput';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { donationMethodChoices, donationMethodColors, donationStatusChoices, programCategoryChoices } from './choices';
import { DonationExportButton } from './DonationExportButton';
import { DonationImportButton } from './DonationImport';
import { DonationStatusField } from './DonationStatusField';
import { DonationTotals } from './DonationTotals';
import { useDonationExporter } from './exporter';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <FundReferenceInput key="fundId" source="fundId" />,
  <UnitReferenceInput key="unitId" source="unitId" />,
  <DateInput key="receivedFrom" source="receivedFrom" />,
  <DateInput key="receivedTo" source="receivedTo" />,
  <SelectInput key="method" source="method" choices={donationMethodChoices} />,
  <DonorReferenceInput key="donorId" source="donorId" />,
  <ReferenceInput key="campaignId" source="campaignId" reference="Campaign" sort={{ field: 'startsOn', order: 'DESC' }}>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <MoneyInput key="amountMin" source="amountMin" helperText={false} />,
  <MoneyInput key="amountMax" source="amountMax" helperText={false} />,
  <SelectInput key="status" source="status" choices={donationStatusChoices} />,
  <SelectInput key="earmark" source="earmark" choices={programCategoryChoices} />,
];

const DonationListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="soquy.donations.record" />
    <DonationImportButton />
    <DonationExportButton />
  </TopToolbar>
);

/**
 * Receipts (phiếu thu) of the funds in the user's scope, newest first, with the sum of those
 * matching the filters. With no receipt yet, the list and its toolbar stay (no "empty" page), so
 * that "Lập phiếu thu" is always in the same place.
 */
export const DonationList = () => {
  const exporter = useDonationExporter();
  return (
    <List sort={{ field: 'receivedOn', order: 'DESC' }} perPage={25} filters={filters} exporter={exporter} actions={<DonationListActions />} empty={false}>
      <DonationTotals />
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        sx={{ '& .column-receiptNumber, & .column-receivedOn, & .column-amount': { whiteSpace: 'nowrap' } }}
      >
        <TextField source="receiptNumber" />
        <LocalDateField source="receivedOn" />
        <TextField source="donorName" />
        <MoneyField source="amount" textAlign="right" />
        <EnumChipField source="method" prefix="soquy.donationMethod" colors={donationMethodColors} />
        <EnumChipField source="earmark" prefix="soquy.programCategory" sortable={false} emptyText="—" />
        <ReferenceField source="fundId" reference="Fund" link={false} />
        <DonationStatusField source="status" />
      </Datagrid>
    </List>
  );
};

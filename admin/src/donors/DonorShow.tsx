import Typography from '@mui/material/Typography';
import {
  CreateButton,
  Datagrid,
  EditButton,
  ListButton,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DonationStatusField } from '../donations/DonationStatusField';
import { DateTimeField, EnumChipField, LocalDateField, MoneyField } from '../fields';
import { PledgeOverdueField } from '../pledges/PledgeOverdueField';
import type { Donor } from '../types';
import { donorTypeColors } from './choices';

const RecordDonationButton = () => {
  const donor = useRecordContext<Donor>();
  if (!donor) return null;
  return <CreateButton resource="Donation" label="soquy.donations.record" state={{ record: { donorId: donor.id } }} />;
};

const DonorShowActions = () => (
  <TopToolbar>
    <ListButton />
    <EditButton />
    <RecordDonationButton />
  </TopToolbar>
);

const Heading = ({ children }: { children: string }) => (
  <Typography variant="h6" component="h2" sx={{ px: 2, pt: 2 }}>
    {children}
  </Typography>
);

const Empty = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
      {translate(message)}
    </Typography>
  );
};

/** A donor with their receipts and pledges. */
export const DonorShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<DonorShowActions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <EnumChipField source="type" prefix="soquy.donorType" colors={donorTypeColors} />
        <TextField source="taxCode" emptyText="—" />
        <TextField source="idNumber" emptyText="—" />
        <TextField source="phone" emptyText="—" />
        <TextField source="address" emptyText="—" />
        <ReferenceField source="unitId" reference="AdministrativeUnit" link="show" />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
      <Heading>{translate('soquy.donors.donations')}</Heading>
      <ReferenceManyField reference="Donation" target="donorId" sort={{ field: 'receivedOn', order: 'DESC' }} perPage={10} pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}>
        <Datagrid rowClick="show" bulkActionButtons={false} resource="Donation" empty={<Empty message="soquy.donors.no_donations" />}>
          <TextField source="receiptNumber" />
          <LocalDateField source="receivedOn" />
          <ReferenceField source="fundId" reference="Fund" link={false} sortable={false} />
          <MoneyField source="amount" textAlign="right" />
          <DonationStatusField source="status" />
        </Datagrid>
      </ReferenceManyField>
      <Heading>{translate('soquy.donors.pledges')}</Heading>
      <ReferenceManyField reference="Pledge" target="donorId" sort={{ field: 'dueOn', order: 'DESC' }} perPage={10} pagination={<Pagination rowsPerPageOptions={[10, 25]} />}>
        <Datagrid bulkActionButtons={false} resource="Pledge" empty={<Empty message="soquy.donors.no_pledges" />}>
          <ReferenceField source="campaignId" reference="Campaign" link="show" />
          <MoneyField source="amount" textAlign="right" />
          <MoneyField source="paid" textAlign="right" sortable={false} />
          <LocalDateField source="dueOn" />
          <PledgeOverdueField source="overdue" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
    </Show>
  );
};

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
import { LocalDateField, MoneyField } from '../fields';
import { PledgeOverdueField } from '../pledges/PledgeOverdueField';
import type { Campaign } from '../types';
import { CampaignFigures } from './CampaignFigures';
import { CampaignPublicSection } from './CampaignPublicSection';

const CampaignShowActions = () => {
  const campaign = useRecordContext<Campaign>();
  return (
    <TopToolbar>
      <ListButton />
      <EditButton />
      {campaign && <CreateButton resource="Pledge" label="soquy.campaigns.add_pledge" state={{ record: { campaignId: campaign.id } }} />}
      {campaign && (
        <CreateButton resource="Donation" label="soquy.donations.record" state={{ record: { fundId: campaign.fundId, campaignId: campaign.id } }} />
      )}
    </TopToolbar>
  );
};

const Heading = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" component="h2" sx={{ px: 2, pt: 2 }}>
      {translate(message)}
    </Typography>
  );
};

const Empty = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
      {translate(message)}
    </Typography>
  );
};

/** A campaign: target, pledged, received and what is overdue; its pledges and its receipts. */
export const CampaignShow = () => (
  <Show actions={<CampaignShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="fundId" reference="Fund" link="show" />
      <LocalDateField source="startsOn" />
      <LocalDateField source="endsOn" />
    </SimpleShowLayout>
    <CampaignFigures />
    <CampaignPublicSection />
    <Heading message="soquy.campaigns.pledges" />
    <ReferenceManyField reference="Pledge" target="campaignId" sort={{ field: 'dueOn', order: 'ASC' }} perPage={10} pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}>
      <Datagrid bulkActionButtons={false} resource="Pledge" empty={<Empty message="soquy.campaigns.no_pledges" />}>
        <ReferenceField source="donorId" reference="Donor" link="show" />
        <MoneyField source="amount" textAlign="right" />
        <MoneyField source="paid" textAlign="right" sortable={false} />
        <LocalDateField source="dueOn" />
        <PledgeOverdueField source="overdue" sortable={false} />
        <TextField source="note" emptyText="" sortable={false} />
      </Datagrid>
    </ReferenceManyField>
    <Heading message="soquy.campaigns.donations" />
    <ReferenceManyField reference="Donation" target="campaignId" sort={{ field: 'receivedOn', order: 'DESC' }} perPage={10} pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}>
      <Datagrid rowClick="show" bulkActionButtons={false} resource="Donation" empty={<Empty message="soquy.campaigns.no_donations" />}>
        <TextField source="receiptNumber" />
        <LocalDateField source="receivedOn" />
        <TextField source="donorName" />
        <MoneyField source="amount" textAlign="right" />
        <DonationStatusField source="status" />
      </Datagrid>
    </ReferenceManyField>
  </Show>
);

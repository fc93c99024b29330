import { CreateButton, ListButton, ReferenceField, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { AuditTrailButton } from '../audit/AuditTrailButton';
import { DateTimeField } from '../fields';
import { NO_PRINT_CLASS, PrintableShow, PrintButton } from '../print';
import type { Donation } from '../types';
import { DonationStatusField } from './DonationStatusField';
import { Receipt } from './Receipt';
import { VoidDonationButton } from './VoidDonationButton';

/** The show page's own class (the print stylesheet is PrintableShow's). */
const PAGE_CLASS = 'soquy-receipt-page';

/** The next receipt, usually into the same fund. */
const NextReceiptButton = () => {
  const donation = useRecordContext<Donation>();
  return <CreateButton label="soquy.donations.record" state={donation ? { record: { fundId: donation.fundId } } : undefined} />;
};

const DonationShowActions = () => (
  <TopToolbar>
    <ListButton />
    <NextReceiptButton />
    <PrintButton label="soquy.donations.print" />
    <VoidDonationButton />
    <AuditTrailButton targetType="Donation" />
  </TopToolbar>
);

/** The record behind the receipt (links to its fund, donor and campaign; when it was recorded and voided). Screen only. */
const DonationDetails = () => {
  const donation = useRecordContext<Donation>();
  if (!donation) return null;
  return (
    <SimpleShowLayout className={NO_PRINT_CLASS} sx={{ borderTop: 1, borderColor: 'divider' }}>
      <DonationStatusField source="status" />
      <ReferenceField source="fundId" reference="Fund" link="show" />
      {donation.donorId && <ReferenceField source="donorId" reference="Donor" link="show" />}
      {donation.campaignId && <ReferenceField source="campaignId" reference="Campaign" link="show" />}
      {donation.voidReason && <TextField source="voidReason" />}
      {donation.voidedAt && <DateTimeField source="voidedAt" />}
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  );
};

/** A receipt as printed, with Print and, for a posted one, Void. */
export const DonationShow = () => (
  <PrintableShow actions={<DonationShowActions />} className={PAGE_CLASS}>
    <Receipt />
    <DonationDetails />
  </PrintableShow>
);

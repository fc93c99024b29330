import PrintIcon from '@mui/icons-material/Print';
import GlobalStyles from '@mui/material/GlobalStyles';
import {
  Button,
  CreateButton,
  ListButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { AuditTrailButton } from '../audit/AuditTrailButton';
import { DateTimeField } from '../fields';
import type { Donation } from '../types';
import { DonationStatusField } from './DonationStatusField';
import { Receipt, RECEIPT_CLASS } from './Receipt';
import { VoidDonationButton } from './VoidDonationButton';

/** What the screen shows but paper does not. */
const NO_PRINT_CLASS = 'soquy-no-print';

/** The show page's class, so that the print stylesheet can find its toolbar. */
const PAGE_CLASS = 'soquy-receipt-page';

/**
 * On paper, only the receipt: the app bar, the menu, the page's toolbar and the notifications are
 * hidden, and so is everything on the page marked {@link NO_PRINT_CLASS}. (MUI's own class names,
 * since react-admin's `Ra…-root` ones exist only in development builds.)
 */
const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        '@page': { size: 'A4 portrait', margin: '12mm' },
        'html, body, #root .layout': { background: '#fff !important' },
        [`header.MuiAppBar-root, .MuiDrawer-root, .skip-nav-button, .MuiSnackbar-root, .${PAGE_CLASS} > .MuiToolbar-root, .${NO_PRINT_CLASS}`]: {
          display: 'none !important',
        },
        '.RaLayout-appFrame': { marginTop: '0 !important' },
        '.RaLayout-contentWithSidebar, .RaLayout-content': { padding: '0 !important', margin: '0 !important', background: 'none !important' },
        [`.${PAGE_CLASS} .MuiCard-root`]: { margin: '0 !important', boxShadow: 'none !important', transition: 'none !important', border: '0 !important' },
        [`.${RECEIPT_CLASS}`]: { maxWidth: 'none !important', padding: '0 !important', breakInside: 'avoid' },
      },
    }}
  />
);

const PrintButton = () => <Button label="soquy.donations.print" onClick={() => window.print()}><PrintIcon /></Button>;

/** The next receipt, usually into the same fund. */
const NextReceiptButton = () => {
  const donation = useRecordContext<Donation>();
  return <CreateButton label="soquy.donations.record" state={donation ? { record: { fundId: donation.fundId } } : undefined} />;
};

const DonationShowActions = () => (
  <TopToolbar>
    <ListButton />
    <NextReceiptButton />
    <PrintButton />
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
  <Show actions={<DonationShowActions />} className={PAGE_CLASS}>
    {printStyles}
    <Receipt />
    <DonationDetails />
  </Show>
);

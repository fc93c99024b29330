import PrintIcon from '@mui/icons-material/Print';
import Chip from '@mui/material/Chip';
import GlobalStyles from '@mui/material/GlobalStyles';
import Stack from '@mui/material/Stack';
import {
  Button,
  CreateButton,
  Labeled,
  ListButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { AuditTrailButton } from '../audit/AuditTrailButton';
import { DateTimeField, EnumChipField, LocalDateField, MoneyField } from '../fields';
import type { Disbursement } from '../types';
import { disbursementStatusColors } from './choices';
import { DisbursementFlagsField } from './DisbursementFlagsField';
import { DisbursementTimeline } from './DisbursementTimeline';
import { DisbursementWorkflowButtons } from './DisbursementWorkflowButtons';
import { Voucher, VOUCHER_CLASS } from './Voucher';

/** What the screen shows but paper does not. */
const NO_PRINT_CLASS = 'soquy-no-print';

/** The show page's class, so that the print stylesheet can find its toolbar. */
const PAGE_CLASS = 'soquy-voucher-page';

/**
 * On paper, only the voucher: the app bar, the menu, the page's toolbar and the notifications are
 * hidden, and so is everything on the page marked {@link NO_PRINT_CLASS} (as for the receipt,
 * donations/DonationShow.tsx).
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
        [`.${VOUCHER_CLASS}`]: { maxWidth: 'none !important', padding: '0 !important', breakInside: 'avoid' },
      },
    }}
  />
);

const PrintButton = () => (
  <Button label="soquy.disbursements.print" onClick={() => window.print()}>
    <PrintIcon />
  </Button>
);

/** A new disbursement from the same fund. */
const NextDisbursementButton = () => {
  const disbursement = useRecordContext<Disbursement>();
  return <CreateButton label="soquy.disbursements.create" state={disbursement ? { record: { fundId: disbursement.fundId } } : undefined} />;
};

const DisbursementShowActions = () => (
  <TopToolbar>
    <ListButton />
    <NextDisbursementButton />
    <PrintButton />
    <AuditTrailButton targetType="Disbursement" />
    <DisbursementWorkflowButtons />
  </TopToolbar>
);

/** Every field of the record (links to its funds, status, flags, project, documents). Screen only. */
const DisbursementDetails = () => {
  const d = useRecordContext<Disbursement>();
  if (!d) return null;
  return (
    <SimpleShowLayout className={NO_PRINT_CLASS} sx={{ borderTop: 1, borderColor: 'divider' }}>
      <EnumChipField source="status" prefix="soquy.disbursementStatus" colors={disbursementStatusColors} variant="filled" />
      {d.flags.length > 0 && <DisbursementFlagsField source="flags" />}
      <TextField source="voucherNumber" emptyText="soquy.voucher.unpaid" />
      <ReferenceField source="fundId" reference="Fund" link="show" />
      <EnumChipField source="category" prefix="soquy.disbursementCategory" />
      {d.targetFundId && <ReferenceField source="targetFundId" reference="Fund" link="show" />}
      <MoneyField source="amount" />
      <TextField source="amountInWords" />
      <TextField source="payeeName" />
      <TextField source="payeeIdNumber" emptyText="—" />
      <TextField source="payeeAddress" emptyText="—" />
      <TextField source="payeeBankAccount" emptyText="—" />
      <TextField source="purpose" />
      {d.projectType && <EnumChipField source="projectType" prefix="soquy.projectType" />}
      {d.projectId && <TextField source="projectId" />}
      {d.documents.length > 0 && (
        <Labeled label="resources.Disbursement.fields.documents">
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="disbursement-documents">
            {d.documents.map((doc) => (
              <Chip key={doc} size="small" variant="outlined" label={doc} />
            ))}
          </Stack>
        </Labeled>
      )}
      {d.reason && <TextField source="reason" />}
      <DateTimeField source="createdAt" />
      {d.paidOn && <LocalDateField source="paidOn" />}
    </SimpleShowLayout>
  );
};

/** A disbursement as its voucher, with the steps so far, every field, and the steps the user may take. */
export const DisbursementShow = () => (
  <Show actions={<DisbursementShowActions />} className={PAGE_CLASS}>
    {printStyles}
    <Voucher />
    <DisbursementTimeline className={NO_PRINT_CLASS} />
    <DisbursementDetails />
  </Show>
);

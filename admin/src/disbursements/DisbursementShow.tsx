import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { CreateButton, Labeled, Link, ListButton, ReferenceField, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { AuditTrailButton } from '../audit/AuditTrailButton';
import { DateTimeField, EnumChipField, LocalDateField, MoneyField } from '../fields';
import { NO_PRINT_CLASS, PrintableShow, PrintButton } from '../print';
import type { Disbursement } from '../types';
import { disbursementStatusColors } from './choices';
import { DisbursementFlagsField } from './DisbursementFlagsField';
import { DisbursementTimeline } from './DisbursementTimeline';
import { DisbursementWorkflowButtons } from './DisbursementWorkflowButtons';
import { Voucher } from './Voucher';

/** The resource showing each kind of project a disbursement can pay. */
const projectResources: Partial<Record<string, string>> = { HOUSING_GRANT: 'HousingGrant', MEMORIAL_WORK: 'MemorialWork' };

/** The project paid, linked to its page (the grant or the work) when the console has one. */
const ProjectLinkField = () => {
  const d = useRecordContext<Disbursement>();
  const resource = d?.projectType ? projectResources[d.projectType] : undefined;
  if (!d?.projectId) return null;
  return (
    <Labeled label="resources.Disbursement.fields.projectId">
      {resource ? (
        <Link to={`/${resource}/${d.projectId}/show`} data-testid="disbursement-project-link">
          #{d.projectId}
        </Link>
      ) : (
        <span>{d.projectId}</span>
      )}
    </Labeled>
  );
};

/** The show page's own class (the print stylesheet is PrintableShow's). */
const PAGE_CLASS = 'soquy-voucher-page';

/** A new disbursement from the same fund. */
const NextDisbursementButton = () => {
  const disbursement = useRecordContext<Disbursement>();
  return <CreateButton label="soquy.disbursements.create" state={disbursement ? { record: { fundId: disbursement.fundId } } : undefined} />;
};

const DisbursementShowActions = () => (
  <TopToolbar>
    <ListButton />
    <NextDisbursementButton />
    <PrintButton label="soquy.disbursements.print" />
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
      {d.projectId && <ProjectLinkField />}
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
  <PrintableShow actions={<DisbursementShowActions />} className={PAGE_CLASS}>
    <Voucher />
    <DisbursementTimeline className={NO_PRINT_CLASS} />
    <DisbursementDetails />
  </PrintableShow>
);

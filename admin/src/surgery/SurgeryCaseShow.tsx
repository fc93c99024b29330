import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import {
  CreateButton,
  Datagrid,
  Labeled,
  ListButton,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { disbursementStatusColors } from '../disbursements/choices';
import { AmountFigure, DateTimeField, EnumChipField, LocalDateField, MoneyField } from '../fields';
import { FundingLinesTable, ProjectTimeline } from '../projects/ProjectTables';
import { ChildLinkField } from '../scholarships/childSupport';
import { surgeryStatusColors } from './choices';
import { SurgeryCaseStepButtons } from './SurgeryCaseSteps';
import { PAYABLE_STATUSES, type SurgeryCase } from './types';

const Heading = ({ children }: { children: ReactNode }) => (
  <Typography variant="h6" component="h2" sx={{ px: 2, pt: 3, pb: 1 }}>
    {children}
  </Typography>
);

/** What the fund may still commit to the case: its support less what is paid or pending. */
export const remainingSupport = (surgery: SurgeryCase) => surgery.fundSupport - surgery.paidAmount - surgery.pendingAmount;

/**
 * "Lập phiếu chi hỗ trợ": the disbursement form filled in for the fund's support still to commit:
 * the case's fund, category SURGERY, the project, the hospital as payee, and the amount left.
 */
const DraftPaymentButton = () => {
  const surgery = useRecordContext<SurgeryCase>();
  const translate = useTranslate();
  if (!surgery || !PAYABLE_STATUSES.includes(surgery.status)) return null;
  const amount = remainingSupport(surgery);
  if (amount <= 0) return null;
  const document = surgery.events.find((event) => event.action === 'approve')?.document;
  const record = {
    fundId: surgery.fundId,
    category: 'SURGERY',
    projectType: 'SURGERY_CASE',
    projectId: String(surgery.id),
    amount,
    payeeName: surgery.hospital,
    purpose: translate('soquy.surgery.payment_purpose', {
      condition: translate(`soquy.surgery.condition.${surgery.condition}`).toLowerCase(),
      name: surgery.childName,
      hospital: surgery.hospital,
    }),
    documents: document ? [{ ref: document }] : [],
  };
  return <CreateButton resource="Disbursement" label="soquy.surgery.draft_payment" state={{ record }} variant="outlined" />;
};

const SurgeryCaseShowActions = () => (
  <TopToolbar>
    <ListButton />
    <DraftPaymentButton />
    <SurgeryCaseStepButtons />
  </TopToolbar>
);

/** The money of the case at a glance: the cost, the fund's support, paid and pending. */
const SurgeryFigures = () => {
  const surgery = useRecordContext<SurgeryCase>();
  const translate = useTranslate();
  if (!surgery) return null;
  const label = (field: string) => translate(`resources.SurgeryCase.fields.${field}`);
  return (
    <Box component="section" sx={{ px: 2, pb: 1, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' } }}>
      <AmountFigure label={label('totalCost')} amount={surgery.totalCost} testId="surgery-total-cost" />
      <AmountFigure label={label('fundSupport')} amount={surgery.fundSupport} testId="surgery-support" />
      <AmountFigure label={label('paidAmount')} amount={surgery.paidAmount} testId="surgery-paid" strong />
      <AmountFigure label={label('pendingAmount')} amount={surgery.pendingAmount} testId="surgery-pending" />
    </Box>
  );
};

/** The payments linked to the case (projectType SURGERY_CASE). */
const SurgeryPayments = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <ReferenceManyField reference="Disbursement" target="projectId" filter={{ projectType: 'SURGERY_CASE' }} sort={{ field: 'createdAt', order: 'ASC' }} perPage={50}>
        <Datagrid
          rowClick="show"
          bulkActionButtons={false}
          resource="Disbursement"
          data-testid="surgery-disbursements"
          empty={
            <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
              {translate('soquy.surgery.no_payments')}
            </Typography>
          }
        >
          <TextField source="voucherNumber" emptyText="—" />
          <DateTimeField source="createdAt" />
          <TextField source="payeeName" />
          <MoneyField source="amount" textAlign="right" />
          <EnumChipField source="status" prefix="soquy.disbursementStatus" colors={disbursementStatusColors} variant="filled" />
          <LocalDateField source="paidOn" />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};

/** Every field of the case: status, child, condition, hospital, fund, dates, note. */
const SurgeryDetails = () => {
  const surgery = useRecordContext<SurgeryCase>();
  if (!surgery) return null;
  return (
    <SimpleShowLayout>
      <Labeled source="status">
        <Box data-testid="surgery-status">
          <EnumChipField source="status" prefix="soquy.surgery.status" colors={surgeryStatusColors} variant="filled" />
        </Box>
      </Labeled>
      <Labeled source="childName">
        <ChildLinkField testId="surgery-child" />
      </Labeled>
      <EnumChipField source="condition" prefix="soquy.surgery.condition" />
      <TextField source="hospital" />
      <ReferenceField source="fundId" reference="Fund" link="show" />
      <LocalDateField source="referredOn" />
      {surgery.operatedOn && <LocalDateField source="operatedOn" />}
      {surgery.note && <TextField source="note" />}
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  );
};

/**
 * A surgery case: the child (a link to the child's page), the condition and hospital, the cost and
 * the fund's support, the funding lines, the payments and the button that drafts the fund's, the
 * timeline of steps, and the steps the user may take now.
 */
const SurgeryFundingLines = () => {
  const surgery = useRecordContext<SurgeryCase>();
  return surgery ? <FundingLinesTable lines={surgery.fundingLines} prefix="soquy.surgery" testId="surgery-funding-lines" /> : null;
};

const SurgeryTimeline = () => {
  const surgery = useRecordContext<SurgeryCase>();
  return surgery ? <ProjectTimeline events={surgery.events} prefix="soquy.surgery" testId="surgery-timeline" statusColors={surgeryStatusColors} /> : null;
};

export const SurgeryCaseShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<SurgeryCaseShowActions />}>
      <SurgeryDetails />
      <SurgeryFigures />
      <Heading>{translate('soquy.surgery.funding_lines')}</Heading>
      <SurgeryFundingLines />
      <Heading>{translate('soquy.surgery.payments')}</Heading>
      <SurgeryPayments />
      <Heading>{translate('soquy.surgery.timeline')}</Heading>
      <SurgeryTimeline />
    </Show>
  );
};

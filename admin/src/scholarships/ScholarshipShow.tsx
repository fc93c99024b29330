import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import {
  CreateButton,
  Datagrid,
  Labeled,
  ListButton,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useGetManyReference,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { disbursementStatusColors } from '../disbursements/choices';
import { AmountFigure, DateTimeField, EnumChipField, LocalDateField, MoneyField } from '../fields';
import type { Disbursement } from '../types';
import { ChildLinkField } from './childSupport';
import type { ChildRecord, Scholarship } from './types';

/** Disbursements that no longer count against the terms. */
const DROPPED = new Set(['REJECTED', 'CANCELLED']);

const Heading = ({ children }: { children: ReactNode }) => (
  <Typography variant="h6" component="h2" sx={{ px: 2, pt: 3, pb: 1 }}>
    {children}
  </Typography>
);

/** The payments of a scholarship still counting against its terms (drafts to paid). */
function useTermPayments(scholarship: Scholarship | undefined) {
  const { data, isPending } = useGetManyReference<Disbursement>(
    'Disbursement',
    {
      target: 'projectId',
      id: scholarship?.id ?? '',
      filter: { projectType: 'SCHOLARSHIP' },
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'createdAt', order: 'ASC' },
    },
    { enabled: Boolean(scholarship) },
  );
  return { counted: (data ?? []).filter((d) => !DROPPED.has(d.status)).length, isPending };
}

/**
 * "Chi học bổng học kỳ": the disbursement form filled in for the next term: the scholarship's fund,
 * category and project, the amount of a term, the guardian as payee (when the user sees the child's
 * details), and the purpose naming the term and the school year. Once every term has a payment,
 * it says so instead (a payment over the terms is refused: SCHOLARSHIP_TERMS).
 */
const PayTermButton = () => {
  const scholarship = useRecordContext<Scholarship>();
  const translate = useTranslate();
  const { counted, isPending } = useTermPayments(scholarship);
  const { data: child } = useGetOne<ChildRecord>('Child', { id: scholarship?.childId ?? '' }, { enabled: Boolean(scholarship?.childId) });
  if (!scholarship || isPending) return null;
  if (counted >= scholarship.terms) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="scholarship-terms-done" sx={{ alignSelf: 'center', mx: 1 }}>
        {translate('soquy.scholarships.terms_done', { terms: scholarship.terms })}
      </Typography>
    );
  }
  const term = counted + 1;
  const visible = child && !child.masked;
  const record = {
    fundId: scholarship.fundId,
    category: 'SCHOLARSHIP',
    projectType: 'SCHOLARSHIP',
    projectId: String(scholarship.id),
    amount: scholarship.amountPerTerm,
    payeeName: visible && child.guardianName ? child.guardianName : scholarship.childName,
    payeeAddress: visible ? child.address : undefined,
    purpose: translate('soquy.scholarships.term_purpose', {
      term,
      year: scholarship.schoolYear,
      name: scholarship.childName,
      school: scholarship.school,
    }),
    documents: scholarship.decisionNumber ? [{ ref: scholarship.decisionNumber }] : [],
  };
  return <CreateButton resource="Disbursement" label="soquy.scholarships.pay_term" state={{ record }} variant="outlined" />;
};

const ScholarshipShowActions = () => (
  <TopToolbar>
    <ListButton />
    <PayTermButton />
  </TopToolbar>
);

/** The money of the scholarship at a glance: a term, the whole year, paid and pending. */
const ScholarshipFigures = () => {
  const scholarship = useRecordContext<Scholarship>();
  const translate = useTranslate();
  if (!scholarship) return null;
  const label = (field: string) => translate(`resources.Scholarship.fields.${field}`);
  return (
    <Box component="section" sx={{ px: 2, pb: 1, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' } }}>
      <AmountFigure label={label('amountPerTerm')} amount={scholarship.amountPerTerm} testId="scholarship-term" />
      <AmountFigure label={translate('soquy.scholarships.year_total', { terms: scholarship.terms })} amount={scholarship.amountPerTerm * scholarship.terms} testId="scholarship-total" />
      <AmountFigure label={label('paidAmount')} amount={scholarship.paidAmount} testId="scholarship-paid" strong />
      <AmountFigure label={label('pendingAmount')} amount={scholarship.pendingAmount} testId="scholarship-pending" />
    </Box>
  );
};

/** The payments linked to the scholarship (projectType SCHOLARSHIP), one per term. */
const ScholarshipPayments = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <ReferenceManyField reference="Disbursement" target="projectId" filter={{ projectType: 'SCHOLARSHIP' }} sort={{ field: 'createdAt', order: 'ASC' }} perPage={50}>
        <Datagrid
          rowClick="show"
          bulkActionButtons={false}
          resource="Disbursement"
          data-testid="scholarship-disbursements"
          empty={
            <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
              {translate('soquy.scholarships.no_payments')}
            </Typography>
          }
        >
          <TextField source="voucherNumber" emptyText="—" />
          <DateTimeField source="createdAt" />
          <TextField source="purpose" />
          <MoneyField source="amount" textAlign="right" />
          <EnumChipField source="status" prefix="soquy.disbursementStatus" colors={disbursementStatusColors} variant="filled" />
          <LocalDateField source="paidOn" />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};

/**
 * A scholarship: the child (a link to the child's page), the fund, the school year, school and
 * grade, the amount per term and the terms, the awarding decision; what is paid and pending; the
 * payments, and the button that drafts the next term's.
 */
export const ScholarshipShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<ScholarshipShowActions />}>
      <SimpleShowLayout>
        <Labeled source="childName">
          <ChildLinkField testId="scholarship-child" />
        </Labeled>
        <ReferenceField source="fundId" reference="Fund" link="show" />
        <TextField source="schoolYear" />
        <TextField source="school" />
        <TextField source="grade" emptyText="—" />
        <MoneyField source="amountPerTerm" />
        <NumberField source="terms" />
        <TextField source="decisionNumber" emptyText="—" />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
      <ScholarshipFigures />
      <Heading>{translate('soquy.scholarships.payments')}</Heading>
      <ScholarshipPayments />
    </Show>
  );
};

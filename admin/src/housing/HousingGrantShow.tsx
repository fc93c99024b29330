import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
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
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { disbursementStatusColors } from '../disbursements/choices';
import { DateTimeField, EnumChipField, LocalDateField, MoneyField } from '../fields';
import { formatDate, formatMoney } from '../format';
import { FundingLinesTable, ProjectTimeline } from '../projects/ProjectTables';
import { housingGrantStatusColors } from './choices';
import { HousingGrantStepButtons } from './HousingGrantSteps';
import type { BeneficiaryHousehold, HousingGrant, HousingGrantStatus } from './types';
import { rateCodeOf, useRateInForce } from './useRateInForce';

const PAYABLE: readonly HousingGrantStatus[] = ['APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED'];

const Heading = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" component="h2" sx={{ px: 2, pt: 2, pb: 1 }}>
      {translate(message)}
    </Typography>
  );
};

const HousingGrantShowActions = () => (
  <TopToolbar>
    <ListButton />
    <HousingGrantStepButtons />
  </TopToolbar>
);

/** The support and the policy rate it comes from (the rate in force on the approval date). */
const PolicyRateField = () => {
  const grant = useRecordContext<HousingGrant>();
  const translate = useTranslate();
  const rate = useRateInForce(grant ? rateCodeOf(grant.type) : undefined, grant?.approvedOn);
  if (!grant?.approvedOn) return <Typography variant="body2">{translate('soquy.housing.not_approved_yet')}</Typography>;
  if (!rate) return <Typography variant="body2">—</Typography>;
  return (
    <Typography variant="body2" data-testid="grant-rate">
      {rate.name}: {rate.amount !== null ? formatMoney(rate.amount) : `${rate.percent ?? ''}%`} (
      {rate.effectiveTo
        ? translate('soquy.housing.rate_period', { from: formatDate(rate.effectiveFrom), to: formatDate(rate.effectiveTo) })
        : translate('soquy.housing.rate_since', { from: formatDate(rate.effectiveFrom) })}
      ) — {rate.legalBasis}
      {rate.toBeConfirmed ? ` (${translate('soquy.housing.rate_to_be_confirmed')})` : ''}
    </Typography>
  );
};

/** Every field of the grant: household, commune, type, program, dates, decision, handover, support. */
const GrantDetails = () => {
  const grant = useRecordContext<HousingGrant>();
  if (!grant) return null;
  return (
    <SimpleShowLayout>
      <EnumChipField source="status" prefix="soquy.housing.status" colors={housingGrantStatusColors} variant="filled" />
      <ReferenceField source="householdId" reference="BeneficiaryHousehold" link="show" />
      <ReferenceField source="unitId" reference="AdministrativeUnit" link="show" />
      <EnumChipField source="type" prefix="soquy.housing.type" />
      <EnumChipField source="program" prefix="soquy.housing.program" />
      <LocalDateField source="appliedOn" />
      {grant.description && <TextField source="description" />}
      {grant.approvedOn && <LocalDateField source="approvedOn" />}
      {grant.decisionNumber && <TextField source="decisionNumber" />}
      <MoneyField source="amount" emptyText="—" />
      <Labeled label="soquy.housing.policy_rate">
        <PolicyRateField />
      </Labeled>
      <MoneyField source="approvedTotal" emptyText="—" />
      {grant.constructionStartedOn && <LocalDateField source="constructionStartedOn" />}
      {grant.handoverNumber && <TextField source="handoverNumber" />}
      {grant.handoverDate && <LocalDateField source="handoverDate" />}
      {grant.closedOn && <LocalDateField source="closedOn" />}
      {grant.rejectionReason && <TextField source="rejectionReason" />}
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  );
};

const Figure = ({ label, amount, testId }: { label: string; amount: number | null; testId: string }) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1, minWidth: 180 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="h6" component="div" data-testid={testId}>
        {amount === null ? '—' : formatMoney(amount)}
      </Typography>
    </Paper>
  );
};

/**
 * "Lập phiếu chi đợt": the disbursement form, filled in for the next tranche of this grant (its fund,
 * category, project, payee, and what may be committed now).
 */
const DraftTrancheButton = ({ grant }: { grant: HousingGrant }) => {
  const translate = useTranslate();
  const { data: household } = useGetOne<BeneficiaryHousehold>('BeneficiaryHousehold', { id: grant.householdId });
  const fundLines = grant.fundingLines.filter((line) => line.source === 'FUND' && line.fundId);
  const line = fundLines.find((l) => l.paidAmount < l.amount) ?? fundLines[0];
  if (!PAYABLE.includes(grant.status) || !line || grant.dueAmount - grant.pendingAmount <= 0) return null;
  const idNumber = household?.nationalId && /^\d{12}$/.test(household.nationalId) ? household.nationalId : undefined;
  const record = {
    fundId: line.fundId,
    category: grant.type === 'NEW_BUILD' ? 'HOUSING_NEW' : 'HOUSING_REPAIR',
    projectType: 'HOUSING_GRANT',
    projectId: String(grant.id),
    payeeName: grant.householdName,
    payeeIdNumber: idNumber,
    payeeAddress: household?.address,
    amount: grant.payableNow > 0 ? grant.payableNow : undefined,
    purpose: translate(grant.status === 'COMPLETED' ? 'soquy.housing.tranche_purpose_final' : 'soquy.housing.tranche_purpose', {
      type: translate(`soquy.housing.type.${grant.type}`),
      name: grant.householdName,
      decision: grant.decisionNumber ?? '',
    }),
    documents: [grant.decisionNumber, grant.handoverNumber].filter(Boolean).map((ref) => ({ ref })),
  };
  return <CreateButton resource="Disbursement" label="soquy.housing.draft_tranche" state={{ record }} variant="outlined" />;
};

/** The tranches (đợt cấp vốn): paid, pending, due, what may be committed now, and the linked disbursements. */
const Tranches = () => {
  const grant = useRecordContext<HousingGrant>();
  const translate = useTranslate();
  if (!grant) return null;
  const beforeCompletion = grant.status === 'APPROVED' || grant.status === 'UNDER_CONSTRUCTION';
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
        <Figure label="soquy.housing.fund_lines_total" amount={grant.fundLinesTotal} testId="grant-fund-lines" />
        <Figure label="soquy.housing.paid" amount={grant.paidAmount} testId="grant-paid" />
        <Figure label="soquy.housing.pending" amount={grant.pendingAmount} testId="grant-pending" />
        <Figure label="soquy.housing.due" amount={grant.dueAmount} testId="grant-due" />
        <Figure label="soquy.housing.payable_now" amount={grant.payableNow} testId="grant-payable" />
      </Stack>
      {beforeCompletion && grant.firstTrancheLimit !== null && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('soquy.housing.first_tranche_help', { limit: formatMoney(grant.firstTrancheLimit) })}
        </Typography>
      )}
      <DraftTrancheButton grant={grant} />
      <ReferenceManyField reference="Disbursement" target="projectId" filter={{ projectType: 'HOUSING_GRANT' }} sort={{ field: 'createdAt', order: 'ASC' }} perPage={50}>
        <Datagrid
          rowClick="show"
          bulkActionButtons={false}
          resource="Disbursement"
          data-testid="grant-disbursements"
          empty={
            <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
              {translate('soquy.housing.no_disbursements')}
            </Typography>
          }
        >
          <TextField source="voucherNumber" emptyText="—" />
          <DateTimeField source="createdAt" />
          <ReferenceField source="fundId" reference="Fund" link={false} />
          <MoneyField source="amount" textAlign="right" />
          <EnumChipField source="status" prefix="soquy.disbursementStatus" colors={disbursementStatusColors} variant="filled" />
          <LocalDateField source="paidOn" />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};

const GrantFundingLines = () => {
  const grant = useRecordContext<HousingGrant>();
  return grant ? <FundingLinesTable lines={grant.fundingLines} prefix="soquy.housing" testId="funding-lines" /> : null;
};

const GrantTimeline = () => {
  const grant = useRecordContext<HousingGrant>();
  return grant ? <ProjectTimeline events={grant.events} prefix="soquy.housing" testId="grant-timeline" statusColors={housingGrantStatusColors} /> : null;
};

/**
 * A housing grant: the household and the support with its policy rate, the funding lines, the
 * tranches paid and due with their disbursements, the timeline of steps, and the steps the user may
 * take now.
 */
export const HousingGrantShow = () => (
  <Show actions={<HousingGrantShowActions />}>
    <GrantDetails />
    <Heading message="soquy.housing.funding_lines" />
    <GrantFundingLines />
    <Heading message="soquy.housing.tranches" />
    <Tranches />
    <Heading message="soquy.housing.timeline" />
    <GrantTimeline />
  </Show>
);

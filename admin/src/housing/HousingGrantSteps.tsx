import BlockIcon from '@mui/icons-material/Block';
import ConstructionIcon from '@mui/icons-material/Construction';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import GavelIcon from '@mui/icons-material/Gavel';
import LockIcon from '@mui/icons-material/Lock';
import Typography from '@mui/material/Typography';
import { useMemo, useState, type ReactElement } from 'react';
import {
  ArrayInput,
  Button as RaButton,
  DateInput,
  FormDataConsumer,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ActionDialog } from '../dialogs/ActionDialog';
import { validateAmount } from '../donations/validation';
import { formatDate, formatMoney, todayInVietnam } from '../format';
import { FundReferenceInput } from '../funds/FundReferenceInput';
import { MoneyInput } from '../inputs/MoneyInput';
import { notInFuture, notTooOld } from '../inputs/dates';
import { ServerErrorAlert } from '../layout/ServerErrorAlert';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { Fund } from '../types';
import { fundingSourceChoices } from './choices';
import { housingErrorHint } from './errors';
import type { HousingGrant, HousingGrantStep } from './types';
import { rateCodeOf, useRateInForce } from './useRateInForce';

interface StepButton {
  step: HousingGrantStep;
  icon: ReactElement;
  color: 'primary' | 'success' | 'error' | 'warning' | 'secondary';
}

/** The workflow's steps in the order their buttons appear; each shows only when the server allows it. */
const buttons: readonly StepButton[] = [
  { step: 'verify', icon: <FactCheckIcon />, color: 'primary' },
  { step: 'approve', icon: <GavelIcon />, color: 'success' },
  { step: 'start', icon: <ConstructionIcon />, color: 'primary' },
  { step: 'complete', icon: <DoneAllIcon />, color: 'success' },
  { step: 'close', icon: <LockIcon />, color: 'secondary' },
  { step: 'reject', icon: <BlockIcon />, color: 'error' },
];

const STEP_MUTATION: Record<'verify' | 'start' | 'complete' | 'close', string> = {
  verify: 'verifyHousingGrant',
  start: 'startHousingGrant',
  complete: 'completeHousingGrant',
  close: 'closeHousingGrant',
};

const stepDocument = (field: string) => `mutation HousingGrantStep($id: ID!, $occurredOn: LocalDate!, $document: String, $note: String) {
  ${field}(id: $id, occurredOn: $occurredOn, document: $document, note: $note) { id status }
}`;

const APPROVE = `mutation ApproveHousingGrant($id: ID!, $approvedOn: LocalDate!, $decisionNumber: String!, $fundingLines: [FundingLineInput!]!, $note: String) {
  approveHousingGrant(id: $id, approvedOn: $approvedOn, decisionNumber: $decisionNumber, fundingLines: $fundingLines, note: $note) { id status amount }
}`;

const REJECT = `mutation RejectHousingGrant($id: ID!, $reason: String!, $occurredOn: LocalDate) {
  rejectHousingGrant(id: $id, reason: $reason, occurredOn: $occurredOn) { id status }
}`;

interface FundingLineValues {
  source?: string;
  fundId?: string | null;
  note?: string | null;
  amount?: number | null;
}

interface StepValues {
  occurredOn: string;
  approvedOn: string;
  document: string;
  decisionNumber: string;
  note: string;
  reason: string;
  fundingLines: FundingLineValues[];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The date of the grant's latest step: the next one may not come before it (the server checks it too). */
function lastStepOn(grant: HousingGrant): string {
  return grant.events.reduce((last, event) => (event.occurredOn > last ? event.occurredOn : last), grant.appliedOn);
}

const notBefore =
  (last: string): Validator =>
  (value: unknown) =>
    typeof value === 'string' && value !== '' && value < last ? { message: 'soquy.housing.validation.before_previous', args: { date: formatDate(last) } } : undefined;

const reasonRule: Validator = (value: unknown) => {
  const reason = typeof value === 'string' ? value.trim() : '';
  return reason.length >= 5 && reason.length <= 500 ? undefined : 'soquy.validation.workflow_reason';
};
const validateReason = [Object.assign(reasonRule, { isRequired: true })];

/** The policy rate in force on the approval date, under the date: the support the grant will get. */
const RateHint = ({ grant }: { grant: HousingGrant }) => {
  const translate = useTranslate();
  const approvedOn = useWatch({ name: 'approvedOn' }) as string | undefined;
  const rate = useRateInForce(rateCodeOf(grant.type), approvedOn);
  const lines = useWatch({ name: 'fundingLines' }) as FundingLineValues[] | undefined;
  const total = (lines ?? []).reduce((sum, line) => sum + (typeof line?.amount === 'number' ? line.amount : 0), 0);
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="approve-rate">
      {rate?.amount !== null && rate?.amount !== undefined
        ? translate('soquy.housing.rate_on_date', { amount: formatMoney(rate.amount), basis: rate.legalBasis })
        : translate('soquy.housing.no_rate_on_date')}
      <br />
      {translate('soquy.housing.lines_total', { amount: formatMoney(total) })}
    </Typography>
  );
};

/**
 * One step in a dialog. Verify, start and close ask for the date, a document and a note; complete
 * requires the handover minutes' number; approve asks for the decision and the funding lines;
 * reject for the reason. A refusal of the server stays in the dialog, explained.
 */
const StepDialog = ({ step, grant, onClose }: { step: HousingGrantStep; grant: HousingGrant; onClose: () => void }) => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const last = lastStepOn(grant);
  const { data: communeFunds } = useGetList<Fund>(
    'Fund',
    { filter: { unitId: grant.unitId, kind: 'GRATITUDE' }, pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: step === 'approve' },
  );
  const communeFundId = communeFunds?.[0]?.id ?? null;
  const today = todayInVietnam();
  const defaultValues = useMemo<Partial<StepValues>>(
    () =>
      step === 'approve'
        ? { approvedOn: today, fundingLines: [{ source: 'FUND', fundId: communeFundId, note: null, amount: null }] }
        : step === 'reject'
          ? { occurredOn: today }
          : { occurredOn: today },
    [step, today, communeFundId],
  );
  const dateValidators = [required(), notInFuture, notTooOld, notBefore(last)];
  const args = { name: grant.householdName };

  const submit = async (values: Partial<StepValues>) => {
    if (step === 'approve') {
      await dataProvider.request(APPROVE, {
        id: grant.id,
        approvedOn: values.approvedOn,
        decisionNumber: text(values.decisionNumber) ?? '',
        note: text(values.note),
        fundingLines: (values.fundingLines ?? []).map((line) => ({
          source: line.source,
          fundId: line.source === 'FUND' && line.fundId ? String(line.fundId) : null,
          note: text(line.note),
          amount: line.amount,
        })),
      });
    } else if (step === 'reject') {
      await dataProvider.request(REJECT, { id: grant.id, reason: text(values.reason) ?? '', occurredOn: values.occurredOn || null });
    } else {
      await dataProvider.request(stepDocument(STEP_MUTATION[step]), {
        id: grant.id,
        occurredOn: values.occurredOn,
        document: text(values.document),
        note: text(values.note),
      });
    }
    notify(`soquy.housing.done.${step}`, { type: 'success' });
  };

  return (
    <ActionDialog<StepValues>
      // The approval's default fund arrives after the dialog opens: start the form again with it.
      key={communeFundId ?? 'none'}
      open
      onClose={onClose}
      titleId={`housing-${step}-title`}
      title={translate(`soquy.housing.title.${step}`, args)}
      help={translate(`soquy.housing.help.${step}`, args)}
      onSubmit={submit}
      refreshOnSuccess
      renderError={(error) => <ServerErrorAlert title={translate(`soquy.housing.failed.${step}`)} error={error} hint={housingErrorHint(error)} />}
      confirmLabel={`soquy.housing.step.${step}`}
      confirmColor={buttons.find((b) => b.step === step)?.color}
      defaultValues={defaultValues}
      noValidate
    >
      {step === 'approve' && (
        <>
          <DateInput source="approvedOn" label="soquy.housing.input.approvedOn" validate={dateValidators} />
          <RateHint grant={grant} />
          <TextInput source="decisionNumber" label="soquy.housing.input.decisionNumber" validate={[required(), maxLength(100)]} fullWidth />
          <ArrayInput source="fundingLines" label="soquy.housing.input.fundingLines" validate={required()}>
            <SimpleFormIterator disableReordering disableClear fullWidth>
              <SelectInput source="source" label="soquy.housing.line.source" choices={fundingSourceChoices} validate={required()} helperText={false} />
              <FormDataConsumer<FundingLineValues>>
                {({ scopedFormData }) =>
                  scopedFormData?.source === 'FUND' ? (
                    <FundReferenceInput source="fundId" label="soquy.housing.line.fund" validate={required()} helperText="soquy.housing.line.fund_help" />
                  ) : null
                }
              </FormDataConsumer>
              <TextInput source="note" label="soquy.housing.line.note" validate={maxLength(200)} helperText={false} />
              <MoneyInput source="amount" label="soquy.housing.line.amount" validate={validateAmount} helperText={false} />
            </SimpleFormIterator>
          </ArrayInput>
          <TextInput source="note" label="soquy.housing.input.note" validate={maxLength(500)} multiline fullWidth />
        </>
      )}
      {step === 'reject' && (
        <>
          <TextInput source="reason" label="soquy.housing.input.reason" validate={validateReason} multiline minRows={2} fullWidth autoFocus />
          <DateInput source="occurredOn" label="soquy.housing.input.occurredOn" validate={[notInFuture, notTooOld, notBefore(last)]} />
        </>
      )}
      {(step === 'verify' || step === 'start' || step === 'complete' || step === 'close') && (
        <>
          <DateInput source="occurredOn" label={`soquy.housing.input.occurredOn_${step}`} validate={dateValidators} />
          <TextInput
            source="document"
            label={`soquy.housing.input.document_${step}`}
            validate={step === 'complete' ? [required(), maxLength(100)] : maxLength(100)}
            fullWidth
          />
          <TextInput source="note" label="soquy.housing.input.note" validate={maxLength(500)} multiline fullWidth />
        </>
      )}
    </ActionDialog>
  );
};

/**
 * Xác nhận, Phê duyệt, Khởi công, Hoàn thành, Kết thúc, Từ chối: only the steps the server says the
 * current user may take on this grant now (`permissions`).
 */
export const HousingGrantStepButtons = () => {
  const grant = useRecordContext<HousingGrant>();
  const [open, setOpen] = useState<HousingGrantStep | null>(null);
  if (!grant?.permissions) return null;
  const allowed = buttons.filter((button) => grant.permissions[button.step]);
  return (
    <>
      {allowed.map((button) => (
        <RaButton key={button.step} label={`soquy.housing.step.${button.step}`} onClick={() => setOpen(button.step)} color={button.color}>
          {button.icon}
        </RaButton>
      ))}
      {open && <StepDialog step={open} grant={grant} onClose={() => setOpen(null)} />}
    </>
  );
};

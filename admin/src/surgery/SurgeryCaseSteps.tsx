import BlockIcon from '@mui/icons-material/Block';
import GavelIcon from '@mui/icons-material/Gavel';
import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import LockIcon from '@mui/icons-material/Lock';
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
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
import { useRateInForce } from '../housing/useRateInForce';
import { MoneyInput } from '../inputs/MoneyInput';
import { notInFuture, notTooOld } from '../inputs/dates';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { SupportRefusalAlert } from '../scholarships/childSupport';
import { surgerySourceChoices } from './choices';
import type { SurgeryCase, SurgeryStep } from './types';

interface StepButton {
  step: SurgeryStep;
  icon: ReactElement;
  color: 'primary' | 'success' | 'error' | 'warning' | 'secondary';
}

/** The workflow's steps in the order their buttons appear; each shows only when the server allows it. */
const buttons: readonly StepButton[] = [
  { step: 'approve', icon: <GavelIcon />, color: 'success' },
  { step: 'operate', icon: <LocalHospitalIcon />, color: 'primary' },
  { step: 'followUp', icon: <MonitorHeartIcon />, color: 'primary' },
  { step: 'close', icon: <LockIcon />, color: 'secondary' },
  { step: 'cancel', icon: <BlockIcon />, color: 'error' },
];

const STEP_MUTATION: Record<Exclude<SurgeryStep, 'approve'>, string> = {
  operate: 'operateSurgeryCase',
  followUp: 'followUpSurgeryCase',
  close: 'closeSurgeryCase',
  cancel: 'cancelSurgeryCase',
};

const stepDocument = (field: string) => `mutation SurgeryCaseStep($id: ID!, $occurredOn: LocalDate!, $document: String, $note: String) {
  ${field}(id: $id, occurredOn: $occurredOn, document: $document, note: $note) { id status }
}`;

const APPROVE = `mutation ApproveSurgeryCase($id: ID!, $occurredOn: LocalDate!, $document: String, $fundingLines: [FundingLineInput!]!, $note: String) {
  approveSurgeryCase(id: $id, occurredOn: $occurredOn, document: $document, fundingLines: $fundingLines, note: $note) { id status fundSupport }
}`;

interface FundingLineValues {
  source?: string | null;
  fundId?: string | null;
  note?: string | null;
  amount?: number | null;
}

interface StepValues {
  occurredOn: string;
  document: string;
  note: string;
  fundingLines: FundingLineValues[];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

const lineAmount = (line: FundingLineValues | null | undefined) => (typeof line?.amount === 'number' ? line.amount : 0);

/** The date of the case's latest step: the next one may not come before it (the server checks it too). */
export function lastStepOn(surgery: SurgeryCase): string {
  return surgery.events.reduce((last, event) => (event.occurredOn > last ? event.occurredOn : last), surgery.referredOn);
}

const notBefore =
  (last: string): Validator =>
  (value: unknown) =>
    typeof value === 'string' && value !== '' && value < last ? { message: 'soquy.surgery.validation.before_previous', args: { date: formatDate(last) } } : undefined;

const reasonRule: Validator = (value: unknown) => {
  const reason = typeof value === 'string' ? value.trim() : '';
  return reason.length >= 5 && reason.length <= 500 ? undefined : 'soquy.surgery.validation.reason';
};
const validateReason = [Object.assign(reasonRule, { isRequired: true })];

/** The lines add up to the total cost (the API refuses them otherwise). */
const addsUpTo =
  (total: number): Validator =>
  (value: unknown) => {
    const lines = Array.isArray(value) ? (value as FundingLineValues[]) : [];
    if (lines.length === 0) return 'soquy.surgery.validation.no_lines';
    const sum = lines.reduce((s, line) => s + lineAmount(line), 0);
    return sum === total ? undefined : { message: 'soquy.surgery.validation.lines_total', args: { sum: formatMoney(sum), total: formatMoney(total) } };
  };

/**
 * Under the approval's date: the fund's rate in force on that day (SURGERY_SUPPORT, its legal
 * basis), and the running sum of the lines against the total cost, with the fund's part.
 */
const ApproveHint = ({ surgery }: { surgery: SurgeryCase }) => {
  const translate = useTranslate();
  const occurredOn = useWatch({ name: 'occurredOn' }) as string | undefined;
  const rate = useRateInForce('SURGERY_SUPPORT', occurredOn);
  const lines = (useWatch({ name: 'fundingLines' }) as FundingLineValues[] | undefined) ?? [];
  const sum = lines.reduce((s, line) => s + lineAmount(line), 0);
  const support = lines.filter((line) => line?.source === 'FUND').reduce((s, line) => s + lineAmount(line), 0);
  const difference = surgery.totalCost - sum;
  const status =
    difference === 0
      ? translate('soquy.surgery.lines_sum_ok')
      : difference > 0
        ? translate('soquy.surgery.lines_sum_missing', { amount: formatMoney(difference) })
        : translate('soquy.surgery.lines_sum_over', { amount: formatMoney(-difference) });
  const overRate = rate?.amount !== null && rate?.amount !== undefined && support > rate.amount;
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="surgery-rate">
        {rate?.amount !== null && rate?.amount !== undefined
          ? translate('soquy.surgery.rate_on_date', { amount: formatMoney(rate.amount), basis: rate.legalBasis })
          : translate('soquy.surgery.no_rate_on_date')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1, fontVariantNumeric: 'tabular-nums' }} color={difference === 0 ? 'text.primary' : 'error'} data-testid="surgery-lines-sum">
        {translate('soquy.surgery.lines_sum', { sum: formatMoney(sum), total: formatMoney(surgery.totalCost) })} — {status}
        <br />
        <Typography component="span" variant="body2" color={overRate ? 'error' : 'text.secondary'}>
          {translate('soquy.surgery.support_sum', { amount: formatMoney(support) })}
        </Typography>
      </Typography>
    </>
  );
};

/**
 * One step in a dialog. Approve asks for the date, the decision and the funding lines (the fund's
 * line from the case's fund, sponsors, the family) adding up to the total cost; operate, follow-up
 * and close for the date, a document and a note; cancel for the date and the reason. A refusal of
 * the server stays in the dialog, explained (the rule, its legal basis).
 */
const StepDialog = ({ step, surgery, onClose }: { step: SurgeryStep; surgery: SurgeryCase; onClose: () => void }) => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const last = lastStepOn(surgery);
  const today = todayInVietnam();
  const defaultValues = useMemo<Partial<StepValues>>(
    () =>
      step === 'approve'
        ? { occurredOn: today < last ? last : today, fundingLines: [{ source: 'FUND', fundId: surgery.fundId, note: null, amount: null }] }
        : { occurredOn: today < last ? last : today },
    [step, today, last, surgery.fundId],
  );
  const dateValidators = useMemo(() => [required(), notInFuture, notTooOld, notBefore(last)], [last]);
  const linesValidators = useMemo(() => [addsUpTo(surgery.totalCost)], [surgery.totalCost]);
  const args = { name: surgery.childName };

  const submit = async (values: Partial<StepValues>) => {
    if (step === 'approve') {
      await dataProvider.request(APPROVE, {
        id: surgery.id,
        occurredOn: values.occurredOn,
        document: text(values.document),
        note: text(values.note),
        fundingLines: (values.fundingLines ?? []).map((line) => ({
          source: line.source,
          fundId: line.source === 'FUND' ? String(line.fundId ?? surgery.fundId) : null,
          note: text(line.note),
          amount: line.amount,
        })),
      });
    } else {
      await dataProvider.request(stepDocument(STEP_MUTATION[step]), {
        id: surgery.id,
        occurredOn: values.occurredOn,
        document: step === 'cancel' ? null : text(values.document),
        note: text(values.note),
      });
    }
    notify(`soquy.surgery.done.${step}`, { type: 'success' });
  };

  return (
    <ActionDialog<StepValues>
      open
      onClose={onClose}
      titleId={`surgery-${step}-title`}
      title={translate(`soquy.surgery.title.${step}`, args)}
      help={translate(`soquy.surgery.help.${step}`, args)}
      onSubmit={submit}
      refreshOnSuccess
      renderError={(error) => <SupportRefusalAlert title={translate(`soquy.surgery.failed.${step}`)} error={error} prefix="soquy.surgery" />}
      confirmLabel={`soquy.surgery.step.${step}`}
      confirmColor={buttons.find((b) => b.step === step)?.color}
      defaultValues={defaultValues}
      noValidate
    >
      <DateInput source="occurredOn" label={`soquy.surgery.input.occurredOn_${step}`} validate={dateValidators} />
      {step !== 'cancel' && (
        <TextInput source="document" label={`soquy.surgery.input.document_${step}`} validate={maxLength(100)} fullWidth />
      )}
      {step === 'approve' && (
        <>
          <ArrayInput source="fundingLines" label="soquy.surgery.input.fundingLines" validate={linesValidators}>
            <SimpleFormIterator disableReordering disableClear fullWidth>
              <SelectInput source="source" label="soquy.surgery.line.source" choices={surgerySourceChoices} validate={required()} helperText={false} />
              <FormDataConsumer<FundingLineValues>>
                {({ scopedFormData }) =>
                  scopedFormData?.source === 'FUND' ? (
                    <FundReferenceInput source="fundId" label="soquy.surgery.line.fund" readOnly helperText="soquy.surgery.line.fund_help" />
                  ) : null
                }
              </FormDataConsumer>
              <TextInput source="note" label="soquy.surgery.line.note" validate={maxLength(200)} helperText={false} />
              <MoneyInput source="amount" label="soquy.surgery.line.amount" validate={validateAmount} helperText={false} />
            </SimpleFormIterator>
          </ArrayInput>
          <ApproveHint surgery={surgery} />
        </>
      )}
      {step === 'cancel' ? (
        <TextInput source="note" label="soquy.surgery.input.reason" validate={validateReason} multiline minRows={2} fullWidth autoFocus />
      ) : (
        <TextInput source="note" label="soquy.surgery.input.note" validate={maxLength(500)} multiline fullWidth />
      )}
    </ActionDialog>
  );
};

/**
 * Duyệt hỗ trợ, Đã phẫu thuật, Theo dõi sau mổ, Kết thúc, Huỷ: only the steps the server says the
 * current user may take on this case now (`permissions`).
 */
export const SurgeryCaseStepButtons = () => {
  const surgery = useRecordContext<SurgeryCase>();
  const [open, setOpen] = useState<SurgeryStep | null>(null);
  if (!surgery?.permissions) return null;
  const allowed = buttons.filter((button) => surgery.permissions[button.step]);
  return (
    <>
      {allowed.map((button) => (
        <RaButton key={button.step} label={`soquy.surgery.step.${button.step}`} onClick={() => setOpen(button.step)} color={button.color}>
          {button.icon}
        </RaButton>
      ))}
      {open && <StepDialog step={open} surgery={surgery} onClose={() => setOpen(null)} />}
    </>
  );
};

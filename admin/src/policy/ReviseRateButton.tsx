import EditCalendarIcon from '@mui/icons-material/EditCalendar';
import { useMemo, useState } from 'react';
import {
  BooleanInput,
  Button as RaButton,
  DateInput,
  NumberInput,
  RecordContextProvider,
  TextInput,
  useCanAccess,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { ActionDialog } from '../dialogs/ActionDialog';
import { formatDate } from '../format';
import { MoneyInput } from '../inputs/MoneyInput';
import { ServerErrorAlert } from '../layout/ServerErrorAlert';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { formatRateValue } from './format';
import type { PolicyRate } from './types';
import { REVISE_POLICY_RATE, usePolicyRateHistory } from './usePolicyRateHistory';
import { validateEffectiveFrom, validateEffectiveTo, validateLegalBasis, validateRateAmount, validateRatePercent, validateReason } from './validation';

interface ReviseValues {
  amount: number;
  percent: number;
  effectiveFrom: string;
  effectiveTo: string;
  legalBasis: string;
  toBeConfirmed: boolean;
  reason: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The dialog: the new value by the rate's unit, its dates, legal basis, the to-be-confirmed mark and the reason. */
const ReviseDialog = ({ latest, onClose }: { latest: PolicyRate; onClose: () => void }) => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const fromValidators = useMemo(() => validateEffectiveFrom(latest.effectiveFrom), [latest.effectiveFrom]);
  const defaultValues = useMemo<Partial<ReviseValues>>(() => ({ toBeConfirmed: false }), []);
  const vnd = latest.unit === 'VND';

  const submit = async (values: Partial<ReviseValues>) => {
    const { revisePolicyRate: rate } = await dataProvider.request<{ revisePolicyRate: PolicyRate }>(REVISE_POLICY_RATE, {
      code: latest.code,
      // Only the value of the rate's unit: the API refuses the other one even as null.
      ...(vnd ? { amount: values.amount } : { percent: values.percent }),
      effectiveFrom: values.effectiveFrom,
      effectiveTo: text(values.effectiveTo),
      legalBasis: text(values.legalBasis),
      toBeConfirmed: Boolean(values.toBeConfirmed),
      reason: text(values.reason),
    });
    notify('soquy.policy.revised', { type: 'success', messageArgs: { value: formatRateValue(rate, locale), from: formatDate(rate.effectiveFrom) } });
    redirect('show', 'PolicyRate', rate.id);
  };

  // The form starts empty, not from the rate shown (the page's record).
  return (
    <RecordContextProvider value={undefined}>
      <ActionDialog<ReviseValues>
        open
        onClose={onClose}
        titleId="policy-revise-title"
        title={translate('soquy.policy.revise_title', { code: latest.code, name: latest.name })}
        help={translate('soquy.policy.revise_help', { value: formatRateValue(latest, locale), from: formatDate(latest.effectiveFrom) })}
        onSubmit={submit}
        refreshOnSuccess
        errorField="effectiveFrom"
        renderError={(error) => <ServerErrorAlert title={translate('soquy.policy.revise_failed')} error={error} />}
        confirmLabel="soquy.policy.revise"
        defaultValues={defaultValues}
        noValidate
      >
        {vnd ? (
          <MoneyInput source="amount" label="soquy.policy.new_amount" validate={validateRateAmount} autoFocus sx={{ minWidth: 280 }} />
        ) : (
          <NumberInput source="percent" label="soquy.policy.new_percent" validate={validateRatePercent} min={0.01} max={100} step={0.01} autoFocus />
        )}
        <DateInput
          source="effectiveFrom"
          label="resources.PolicyRate.fields.effectiveFrom"
          validate={fromValidators}
          helperText={translate('soquy.policy.effective_from_help', { date: formatDate(latest.effectiveFrom) })}
        />
        <DateInput source="effectiveTo" label="resources.PolicyRate.fields.effectiveTo" validate={validateEffectiveTo} />
        <TextInput source="legalBasis" label="resources.PolicyRate.fields.legalBasis" validate={validateLegalBasis} helperText="soquy.policy.legal_basis_help" multiline fullWidth />
        <BooleanInput source="toBeConfirmed" label="resources.PolicyRate.fields.toBeConfirmed" helperText={false} />
        <TextInput source="reason" label="resources.PolicyRate.fields.reason" validate={validateReason} helperText="soquy.policy.reason_help" multiline minRows={2} fullWidth />
      </ActionDialog>
    </RecordContextProvider>
  );
};

/**
 * "Điều chỉnh định mức" (permission PolicyWrite, ADMIN only): a new rate of the same code from a
 * date; the latest rate of the code ends the day before, and the history keeps both.
 */
export const ReviseRateButton = () => {
  const rate = useRecordContext<PolicyRate>();
  const { canAccess } = useCanAccess({ resource: 'PolicyRate', action: 'revise', record: rate });
  const { data: history } = usePolicyRateHistory(rate?.id);
  const [open, setOpen] = useState(false);
  if (!rate || !canAccess) return null;
  const latest = history?.[0] ?? rate;
  return (
    <>
      <RaButton label="soquy.policy.revise" onClick={() => setOpen(true)}>
        <EditCalendarIcon />
      </RaButton>
      {open && <ReviseDialog latest={latest} onClose={() => setOpen(false)} />}
    </>
  );
};

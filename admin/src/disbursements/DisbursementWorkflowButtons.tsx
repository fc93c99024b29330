import BlockIcon from '@mui/icons-material/Block';
import DoneIcon from '@mui/icons-material/Done';
import DoDisturbIcon from '@mui/icons-material/DoDisturb';
import PaymentsIcon from '@mui/icons-material/Payments';
import SendIcon from '@mui/icons-material/Send';
import { useMemo, useState, type ReactElement } from 'react';
import { Button as RaButton, DateInput, TextInput, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog } from '../dialogs/ActionDialog';
import { formatMoney, todayInVietnam } from '../format';
import type { DisbursementAction, SoQuyDataProvider } from '../providers/dataProvider';
import type { Disbursement, DisbursementPermissions } from '../types';
import { DisbursementErrorAlert } from './DisbursementErrorAlert';
import { validatePaidOn, validateReason } from './validation';

interface Step {
  action: DisbursementAction;
  allowed: keyof DisbursementPermissions;
  icon: ReactElement;
  color: 'primary' | 'success' | 'error' | 'warning';
}

/** The workflow's steps in the order their buttons appear; each shows only when the server allows it. */
const steps: readonly Step[] = [
  { action: 'submit', allowed: 'canSubmit', icon: <SendIcon />, color: 'primary' },
  { action: 'approve', allowed: 'canApprove', icon: <DoneIcon />, color: 'success' },
  { action: 'reject', allowed: 'canReject', icon: <DoDisturbIcon />, color: 'error' },
  { action: 'pay', allowed: 'canPay', icon: <PaymentsIcon />, color: 'success' },
  { action: 'cancel', allowed: 'canCancel', icon: <BlockIcon />, color: 'warning' },
];

interface StepValues {
  reason?: string;
  paidOn?: string;
}

/**
 * One step in a dialog: a confirmation for submit and approve, a reason (5 to 500 characters) for
 * reject and cancel, the payment date (today by default, never in the future) for pay. A refusal
 * of the server stays in the dialog, explained.
 */
const StepDialog = ({ step, disbursement, onClose }: { step: Step; disbursement: Disbursement; onClose: () => void }) => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const { action } = step;
  const defaultValues = useMemo(() => (action === 'pay' ? { paidOn: todayInVietnam() } : {}), [action]);
  const args = { payee: disbursement.payeeName, amount: formatMoney(disbursement.amount) };

  const submit = async (values: Partial<StepValues>) => {
    const { data } = await dataProvider.disbursementAction(action, disbursement.id, {
      reason: values.reason?.trim(),
      paidOn: values.paidOn,
    });
    notify(`soquy.disbursements.done_${action}`, { type: 'success', messageArgs: { number: data.voucherNumber ?? '' } });
  };

  return (
    <ActionDialog<StepValues>
      open
      onClose={onClose}
      titleId={`disbursement-${action}-title`}
      title={translate(`soquy.disbursements.${action}_title`, args)}
      help={translate(`soquy.disbursements.${action}_help`, args)}
      onSubmit={submit}
      refreshOnSuccess
      errorField="reason"
      renderError={(error) => <DisbursementErrorAlert title={translate(`soquy.disbursements.failed_${action}`)} error={error} />}
      confirmLabel={`soquy.disbursements.${action}`}
      confirmColor={step.color}
      defaultValues={defaultValues}
      noValidate
    >
      {(action === 'reject' || action === 'cancel') && (
        <TextInput source="reason" label="soquy.disbursements.reason" validate={validateReason} multiline minRows={2} fullWidth autoFocus />
      )}
      {action === 'pay' && <DateInput source="paidOn" label="soquy.disbursements.paid_on" validate={validatePaidOn} />}
    </ActionDialog>
  );
};

/**
 * Gửi duyệt, Duyệt, Từ chối, Chi tiền, Huỷ: only the steps the server says the current user may
 * take on this disbursement (`permissions`), which already accounts for its status, the user's role
 * and scope, and four eyes.
 */
export const DisbursementWorkflowButtons = () => {
  const disbursement = useRecordContext<Disbursement>();
  const [open, setOpen] = useState<Step | null>(null);
  if (!disbursement?.permissions) return null;
  const allowed = steps.filter((step) => disbursement.permissions[step.allowed]);
  return (
    <>
      {allowed.map((step) => (
        <RaButton key={step.action} label={`soquy.disbursements.${step.action}`} onClick={() => setOpen(step)} color={step.color}>
          {step.icon}
        </RaButton>
      ))}
      {open && <StepDialog step={open} disbursement={disbursement} onClose={() => setOpen(null)} />}
    </>
  );
};

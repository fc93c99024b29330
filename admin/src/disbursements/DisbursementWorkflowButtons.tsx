import BlockIcon from '@mui/icons-material/Block';
import DoneIcon from '@mui/icons-material/Done';
import DoDisturbIcon from '@mui/icons-material/DoDisturb';
import PaymentsIcon from '@mui/icons-material/Payments';
import SendIcon from '@mui/icons-material/Send';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useMemo, useState, type ReactElement } from 'react';
import { Button as RaButton, DateInput, Form, TextInput, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { formatMoney, todayInVietnam } from '../format';
import type { DisbursementAction, SoQuyDataProvider } from '../providers/dataProvider';
import type { ServerErrorBody } from '../providers/errors';
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

function fieldErrors(error: unknown): ServerErrorBody['errors'] {
  if (typeof error !== 'object' || error === null || !('body' in error)) return undefined;
  return (error as { body?: ServerErrorBody }).body?.errors;
}

/**
 * One step in a dialog: a confirmation for submit and approve, a reason (5 to 500 characters) for
 * reject and cancel, the payment date (today by default, never in the future) for pay. A refusal
 * of the server stays in the dialog, explained.
 */
const StepDialog = ({ step, disbursement, onClose }: { step: Step; disbursement: Disbursement; onClose: () => void }) => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const { action } = step;
  const defaultValues = useMemo(() => (action === 'pay' ? { paidOn: todayInVietnam() } : {}), [action]);
  const titleId = `disbursement-${action}-title`;
  const args = { payee: disbursement.payeeName, amount: formatMoney(disbursement.amount) };

  const close = () => {
    if (!saving) onClose();
  };

  const submit = async (values: StepValues) => {
    setSaving(true);
    setFailure(null);
    try {
      const { data } = await dataProvider.disbursementAction(action, disbursement.id, {
        reason: values.reason?.trim(),
        paidOn: values.paidOn,
      });
      notify(`soquy.disbursements.done_${action}`, { type: 'success', messageArgs: { number: data.voucherNumber ?? '' } });
      onClose();
      refresh();
      return undefined;
    } catch (error) {
      const errors = fieldErrors(error);
      if (errors?.reason) return { reason: errors.reason };
      setFailure(error);
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <Form onSubmit={submit} defaultValues={defaultValues} noValidate>
        <DialogTitle id={titleId}>{translate(`soquy.disbursements.${action}_title`, args)}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate(`soquy.disbursements.${action}_help`, args)}</DialogContentText>
          {(action === 'reject' || action === 'cancel') && (
            <TextInput source="reason" label="soquy.disbursements.reason" validate={validateReason} multiline minRows={2} fullWidth autoFocus />
          )}
          {action === 'pay' && <DateInput source="paidOn" label="soquy.disbursements.paid_on" validate={validatePaidOn} />}
          {failure !== null && <DisbursementErrorAlert title={translate(`soquy.disbursements.failed_${action}`)} error={failure} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={saving}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" color={step.color} disabled={saving}>
            {translate(`soquy.disbursements.${action}`)}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
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

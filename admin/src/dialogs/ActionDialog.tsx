import Button, { type ButtonProps } from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState, type ReactNode } from 'react';
import { Form, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import type { ServerErrorBody } from '../providers/errors';

type FieldErrors = ServerErrorBody['errors'];

/** The server's validation errors (field → message) carried by a failed call, if any. */
function serverFieldErrors(error: unknown): FieldErrors {
  if (typeof error !== 'object' || error === null || !('body' in error)) return undefined;
  return (error as { body?: ServerErrorBody }).body?.errors;
}

export interface ActionDialogProps<Values extends FieldValues> {
  open: boolean;
  /** Closes the dialog; never called while the call is pending. */
  onClose: () => void;
  /** The id of the title, which names the dialog (`aria-labelledby`). */
  titleId: string;
  title: ReactNode;
  /** The explanation above the field. */
  help: ReactNode;
  /** The field (or fields) the action asks for. */
  children: ReactNode;
  /** Calls the API and says so; the dialog closes once it resolves, and stays open if it throws. */
  onSubmit: (values: Partial<Values>) => Promise<void>;
  /** Refreshes the page's data after success. */
  refreshOnSuccess?: boolean;
  /** The field whose server-side error is shown on its input rather than in the alert. */
  errorField?: keyof Values & string;
  /**
   * How a refusal of the server shows inside the dialog. Without it, the server's field errors go
   * on the inputs and any other failure is notified.
   */
  renderError?: (error: unknown) => ReactNode;
  /** The confirm button's label (a translation key). */
  confirmLabel: string;
  confirmColor?: ButtonProps['color'];
  maxWidth?: 'xs' | 'sm';
  defaultValues?: Partial<Values>;
  noValidate?: boolean;
}

/**
 * A dialog that asks for one value (a reason, a date, a password…), calls the API with it, keeps
 * a refusal of the server inside the dialog, and closes on success.
 */
export function ActionDialog<Values extends FieldValues>({
  open,
  onClose,
  titleId,
  title,
  help,
  children,
  onSubmit,
  refreshOnSuccess = false,
  errorField,
  renderError,
  confirmLabel,
  confirmColor,
  maxWidth = 'sm',
  defaultValues,
  noValidate,
}: ActionDialogProps<Values>) {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const close = () => {
    if (saving) return;
    setFailure(null);
    onClose();
  };

  const submit = async (values: FieldValues) => {
    setSaving(true);
    setFailure(null);
    try {
      await onSubmit(values as Partial<Values>);
      onClose();
      if (refreshOnSuccess) refresh();
      return undefined;
    } catch (error) {
      const errors = serverFieldErrors(error);
      if (!renderError) {
        if (!errors) notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
        return errors;
      }
      const fieldError = errorField ? errors?.[errorField] : undefined;
      if (errorField && fieldError) return { [errorField]: fieldError };
      setFailure(error);
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth={maxWidth}>
      <Form onSubmit={submit} defaultValues={defaultValues} noValidate={noValidate}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{help}</DialogContentText>
          {children}
          {failure !== null && renderError?.(failure)}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={saving}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" color={confirmColor} disabled={saving}>
            {translate(confirmLabel)}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}

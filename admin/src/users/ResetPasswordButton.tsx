import LockResetIcon from '@mui/icons-material/LockReset';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import {
  Button as RaButton,
  Form,
  PasswordInput,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { ServerErrorBody } from '../providers/errors';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { User } from '../types';
import { validatePassword } from './validation';

interface ResetValues {
  password: string;
}

function serverErrors(error: unknown): ServerErrorBody['errors'] {
  if (typeof error !== 'object' || error === null || !('body' in error)) return undefined;
  const body = (error as { body?: ServerErrorBody }).body;
  return body?.errors;
}

/** Opens a dialog that sets a new password for the user (permission UserResetPassword). */
export const ResetPasswordButton = () => {
  const record = useRecordContext<User>();
  const { canAccess } = useCanAccess({ resource: 'User', action: 'resetPassword', record });
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  if (!record || !canAccess) return null;

  const submit = async (values: Partial<ResetValues>) => {
    setSaving(true);
    try {
      await dataProvider.resetUserPassword(record.id, values.password ?? '');
      notify('soquy.users.password_reset', { type: 'success', messageArgs: { name: record.fullName } });
      setOpen(false);
      return undefined;
    } catch (error) {
      const errors = serverErrors(error);
      if (!errors) notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return errors;
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <RaButton label="soquy.users.reset_password" onClick={() => setOpen(true)}>
        <LockResetIcon />
      </RaButton>
      <Dialog open={open} onClose={() => !saving && setOpen(false)} aria-labelledby="reset-password-title" fullWidth maxWidth="xs">
        <Form onSubmit={submit}>
          <DialogTitle id="reset-password-title">
            {translate('soquy.users.reset_password_title', { name: record.fullName })}
          </DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('soquy.users.reset_password_help')}</DialogContentText>
            {/* Tells password managers whose password this is. */}
            <input type="text" name="username" autoComplete="username" value={record.email} readOnly hidden />
            <PasswordInput
              source="password"
              label="soquy.users.new_password"
              helperText="soquy.users.password_help"
              autoComplete="new-password"
              validate={validatePassword}
              fullWidth
              autoFocus
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={saving}>
              {translate('ra.action.cancel')}
            </Button>
            <Button type="submit" variant="contained" disabled={saving}>
              {translate('soquy.users.reset_password')}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

import LockResetIcon from '@mui/icons-material/LockReset';
import { useState } from 'react';
import { Button as RaButton, PasswordInput, useCanAccess, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog } from '../dialogs/ActionDialog';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { User } from '../types';
import { validatePassword } from './validation';

interface ResetValues {
  password: string;
}

/** Opens a dialog that sets a new password for the user (permission UserResetPassword). */
export const ResetPasswordButton = () => {
  const record = useRecordContext<User>();
  const { canAccess } = useCanAccess({ resource: 'User', action: 'resetPassword', record });
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record || !canAccess) return null;

  const submit = async (values: Partial<ResetValues>) => {
    await dataProvider.resetUserPassword(record.id, values.password ?? '');
    notify('soquy.users.password_reset', { type: 'success', messageArgs: { name: record.fullName } });
  };

  // No renderError: the server's field errors go on the input, any other failure is notified.
  return (
    <>
      <RaButton label="soquy.users.reset_password" onClick={() => setOpen(true)}>
        <LockResetIcon />
      </RaButton>
      <ActionDialog<ResetValues>
        open={open}
        onClose={() => setOpen(false)}
        titleId="reset-password-title"
        title={translate('soquy.users.reset_password_title', { name: record.fullName })}
        help={translate('soquy.users.reset_password_help')}
        onSubmit={submit}
        confirmLabel="soquy.users.reset_password"
        maxWidth="xs"
      >
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
      </ActionDialog>
    </>
  );
};

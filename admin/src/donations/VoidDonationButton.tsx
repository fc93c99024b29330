import BlockIcon from '@mui/icons-material/Block';
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
  TextInput,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { ServerErrorAlert } from '../layout/ServerErrorAlert';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { ServerErrorBody } from '../providers/errors';
import type { Donation } from '../types';
import { validateVoidReason } from './validation';

interface VoidValues {
  reason: string;
}

function fieldErrors(error: unknown): ServerErrorBody['errors'] {
  if (typeof error !== 'object' || error === null || !('body' in error)) return undefined;
  return (error as { body?: ServerErrorBody }).body?.errors;
}

/**
 * "Huỷ phiếu thu" (permission DonationVoid) on a posted receipt: asks for the reason, then the API
 * posts a reversing entry. Its refusal (the money already spent, the books closed…) stays in the
 * dialog, in words and with the server's own message.
 */
export const VoidDonationButton = () => {
  const donation = useRecordContext<Donation>();
  const { canAccess } = useCanAccess({ resource: 'Donation', action: 'void', record: donation });
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  if (!donation || !canAccess || donation.status !== 'POSTED') return null;

  const close = () => {
    if (saving) return;
    setOpen(false);
    setFailure(null);
  };

  const submit = async (values: Partial<VoidValues>) => {
    setSaving(true);
    setFailure(null);
    try {
      const { data } = await dataProvider.voidDonation(donation.id, (values.reason ?? '').trim());
      notify('soquy.donations.voided', { type: 'success', messageArgs: { number: data.receiptNumber } });
      setOpen(false);
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
    <>
      <RaButton label="soquy.donations.void" onClick={() => setOpen(true)} color="error">
        <BlockIcon />
      </RaButton>
      <Dialog open={open} onClose={close} aria-labelledby="void-donation-title" fullWidth maxWidth="sm">
        <Form onSubmit={submit} noValidate>
          <DialogTitle id="void-donation-title">{translate('soquy.donations.void_title', { number: donation.receiptNumber })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('soquy.donations.void_help')}</DialogContentText>
            <TextInput source="reason" label="soquy.donations.void_reason" validate={validateVoidReason} multiline minRows={2} fullWidth autoFocus />
            {failure !== null && <ServerErrorAlert title={translate('soquy.donations.void_failed')} error={failure} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={saving}>
              {translate('ra.action.cancel')}
            </Button>
            <Button type="submit" variant="contained" color="error" disabled={saving}>
              {translate('soquy.donations.void')}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

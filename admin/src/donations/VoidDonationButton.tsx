import BlockIcon from '@mui/icons-material/Block';
import { useState } from 'react';
import { Button as RaButton, TextInput, useCanAccess, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog } from '../dialogs/ActionDialog';
import { ServerErrorAlert } from '../layout/ServerErrorAlert';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { Donation } from '../types';
import { validateVoidReason } from './validation';

interface VoidValues {
  reason: string;
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
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!donation || !canAccess || donation.status !== 'POSTED') return null;

  const submit = async (values: Partial<VoidValues>) => {
    const { data } = await dataProvider.voidDonation(donation.id, (values.reason ?? '').trim());
    notify('soquy.donations.voided', { type: 'success', messageArgs: { number: data.receiptNumber } });
  };

  return (
    <>
      <RaButton label="soquy.donations.void" onClick={() => setOpen(true)} color="error">
        <BlockIcon />
      </RaButton>
      <ActionDialog<VoidValues>
        open={open}
        onClose={() => setOpen(false)}
        titleId="void-donation-title"
        title={translate('soquy.donations.void_title', { number: donation.receiptNumber })}
        help={translate('soquy.donations.void_help')}
        onSubmit={submit}
        refreshOnSuccess
        errorField="reason"
        renderError={(error) => <ServerErrorAlert title={translate('soquy.donations.void_failed')} error={error} />}
        confirmLabel="soquy.donations.void"
        confirmColor="error"
        noValidate
      >
        <TextInput source="reason" label="soquy.donations.void_reason" validate={validateVoidReason} multiline minRows={2} fullWidth autoFocus />
      </ActionDialog>
    </>
  );
};

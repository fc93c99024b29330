import { DateInput, TextInput, required, useDataProvider, useNotify, useTranslate, type Validator } from 'react-admin';
import { ActionDialog } from '../dialogs/ActionDialog';
import { formatWholeNumber, todayInVietnam } from '../format';
import { notInFuture, notTooOld } from '../inputs/dates';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { GiftErrorAlert } from './GiftErrorAlert';
import { HAND_OVER_GIFTS, RETURN_GIFTS } from './queries';

export type GiftStep = 'handOver' | 'return';

interface StepValues {
  occurredOn: string;
  reason: string;
}

const reasonRule: Validator = (value: unknown) => {
  const reason = typeof value === 'string' ? value.trim() : '';
  return reason.length >= 5 && reason.length <= 500 ? undefined : 'soquy.validation.workflow_reason';
};
const validateReason = [Object.assign(reasonRule, { isRequired: true })];

/**
 * Đã trao (handOverGifts, with the day) or Hoàn quỹ (returnGifts, with the day and the reason)
 * for the lines checked. Either is refused while the batch is not paid: the refusal stays in the
 * dialog, explained.
 */
export const GiftStepDialog = ({ step, campaignId, recipientIds, onClose, onDone }: { step: GiftStep; campaignId: string; recipientIds: string[]; onClose: () => void; onDone: () => void }) => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const args = { count: formatWholeNumber(recipientIds.length), smart_count: recipientIds.length };

  const submit = async (values: Partial<StepValues>) => {
    if (step === 'handOver') {
      await dataProvider.request(HAND_OVER_GIFTS, { campaignId, recipientIds, occurredOn: values.occurredOn });
    } else {
      await dataProvider.request(RETURN_GIFTS, { campaignId, recipientIds, occurredOn: values.occurredOn, reason: values.reason?.trim() ?? '' });
    }
    notify(`soquy.gifts.done.${step}`, { type: 'success', messageArgs: args });
    onDone();
  };

  return (
    <ActionDialog<StepValues>
      open
      onClose={onClose}
      titleId={`gift-${step}-title`}
      title={translate(`soquy.gifts.title.${step}`, args)}
      help={translate(`soquy.gifts.help.${step}`, args)}
      onSubmit={submit}
      refreshOnSuccess
      renderError={(error) => <GiftErrorAlert title={translate(`soquy.gifts.failed.${step}`)} error={error} />}
      confirmLabel={`soquy.gifts.action.${step}`}
      confirmColor={step === 'handOver' ? 'success' : 'warning'}
      defaultValues={{ occurredOn: todayInVietnam() }}
      noValidate
    >
      <DateInput source="occurredOn" label={`soquy.gifts.input.occurredOn_${step}`} validate={[required(), notInFuture, notTooOld]} />
      {step === 'return' && <TextInput source="reason" label="soquy.gifts.input.reason" validate={validateReason} multiline minRows={2} fullWidth autoFocus />}
    </ActionDialog>
  );
};

import LockClockIcon from '@mui/icons-material/LockClock';
import DialogContentText from '@mui/material/DialogContentText';
import { useState } from 'react';
import {
  Button as RaButton,
  DateInput,
  required,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { ActionDialog } from '../dialogs/ActionDialog';
import { ServerErrorAlert } from '../layout/ServerErrorAlert';
import { formatDate, todayInVietnam } from '../format';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { Fund } from '../types';
import { notInFuture } from '../inputs/dates';

interface LockValues {
  until: string;
}

/** The last day of the month before today's (in Vietnam): the usual day to close the books to. */
function endOfPreviousMonth(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month - 1, 0));
  return lastDay.toISOString().slice(0, 10);
}

const laterThan =
  (lockedUntil: string | null): Validator =>
  (value: unknown) =>
    typeof value === 'string' && lockedUntil && value <= lockedUntil
      ? { message: 'soquy.validation.lock_forward', args: { date: formatDate(lockedUntil) } }
      : undefined;

/** "Khoá sổ": closes the fund's books up to a date (permission FundLock); a lock only moves forward. */
export const LockPeriodButton = () => {
  const fund = useRecordContext<Fund>();
  const { canAccess } = useCanAccess({ resource: 'Fund', action: 'lock', record: fund });
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!fund || !canAccess) return null;

  const suggested = endOfPreviousMonth(todayInVietnam());
  const defaultUntil = !fund.lockedUntil || suggested > fund.lockedUntil ? suggested : undefined;

  const submit = async (values: Partial<LockValues>) => {
    const { data } = await dataProvider.lockFundPeriod(fund.id, values.until ?? '');
    notify('soquy.funds.locked', { type: 'success', messageArgs: { name: data.name, date: formatDate(data.lockedUntil ?? '') } });
  };

  return (
    <>
      <RaButton label="soquy.funds.lock" onClick={() => setOpen(true)}>
        <LockClockIcon />
      </RaButton>
      <ActionDialog<LockValues>
        open={open}
        onClose={() => setOpen(false)}
        titleId="lock-fund-title"
        title={translate('soquy.funds.lock_title', { name: fund.name })}
        help={translate('soquy.funds.lock_help')}
        onSubmit={submit}
        refreshOnSuccess
        errorField="until"
        renderError={(error) => <ServerErrorAlert title={translate('soquy.funds.lock')} error={error} />}
        confirmLabel="soquy.funds.lock"
        defaultValues={{ until: defaultUntil }}
      >
        {fund.lockedUntil && (
          <DialogContentText sx={{ mb: 2 }}>{translate('soquy.funds.locked_until', { date: formatDate(fund.lockedUntil) })}</DialogContentText>
        )}
        <DateInput source="until" label="soquy.funds.lock_until" validate={[required(), notInFuture, laterThan(fund.lockedUntil)]} />
      </ActionDialog>
    </>
  );
};

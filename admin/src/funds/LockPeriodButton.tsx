import LockClockIcon from '@mui/icons-material/LockClock';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import {
  Button as RaButton,
  DateInput,
  Form,
  required,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type Validator,
} from 'react-admin';
import { ServerErrorAlert } from '../layout/ServerErrorAlert';
import { formatDate, todayInVietnam } from '../format';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { ServerErrorBody } from '../providers/errors';
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

function fieldErrors(error: unknown): ServerErrorBody['errors'] {
  if (typeof error !== 'object' || error === null || !('body' in error)) return undefined;
  return (error as { body?: ServerErrorBody }).body?.errors;
}

/** "Khoá sổ": closes the fund's books up to a date (permission FundLock); a lock only moves forward. */
export const LockPeriodButton = () => {
  const fund = useRecordContext<Fund>();
  const { canAccess } = useCanAccess({ resource: 'Fund', action: 'lock', record: fund });
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  if (!fund || !canAccess) return null;

  const suggested = endOfPreviousMonth(todayInVietnam());
  const defaultUntil = !fund.lockedUntil || suggested > fund.lockedUntil ? suggested : undefined;

  const submit = async (values: Partial<LockValues>) => {
    setSaving(true);
    setFailure(null);
    try {
      const { data } = await dataProvider.lockFundPeriod(fund.id, values.until ?? '');
      notify('soquy.funds.locked', { type: 'success', messageArgs: { name: data.name, date: formatDate(data.lockedUntil ?? '') } });
      setOpen(false);
      refresh();
      return undefined;
    } catch (error) {
      const errors = fieldErrors(error);
      if (errors?.until) return { until: errors.until };
      setFailure(error);
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <RaButton label="soquy.funds.lock" onClick={() => setOpen(true)}>
        <LockClockIcon />
      </RaButton>
      <Dialog open={open} onClose={() => !saving && setOpen(false)} aria-labelledby="lock-fund-title" fullWidth maxWidth="sm">
        <Form onSubmit={submit} defaultValues={{ until: defaultUntil }}>
          <DialogTitle id="lock-fund-title">{translate('soquy.funds.lock_title', { name: fund.name })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('soquy.funds.lock_help')}</DialogContentText>
            {fund.lockedUntil && (
              <DialogContentText sx={{ mb: 2 }}>{translate('soquy.funds.locked_until', { date: formatDate(fund.lockedUntil) })}</DialogContentText>
            )}
            <DateInput source="until" label="soquy.funds.lock_until" validate={[required(), notInFuture, laterThan(fund.lockedUntil)]} />
            {failure !== null && <ServerErrorAlert title={translate('soquy.funds.lock')} error={failure} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={saving}>
              {translate('ra.action.cancel')}
            </Button>
            <Button type="submit" variant="contained" disabled={saving}>
              {translate('soquy.funds.lock')}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

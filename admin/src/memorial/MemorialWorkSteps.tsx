import ConstructionIcon from '@mui/icons-material/Construction';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import GavelIcon from '@mui/icons-material/Gavel';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { useMemo, useState, type ReactElement } from 'react';
import { Button as RaButton, DateInput, NumberInput, TextInput, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog } from '../dialogs/ActionDialog';
import { formatMoney, todayInVietnam } from '../format';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { MemorialRefusalAlert } from './MemorialRefusalAlert';
import { REPORT_MEMORIAL_PROGRESS, STEP_MUTATIONS, type MemorialStep } from './queries';
import type { MemorialWork, MemorialWorkPermissions } from './types';
import { validateNote, validateOptionalDocument, validatePercent, validateRequiredDocument, validateStepDate } from './validation';

type Action = keyof MemorialWorkPermissions;

interface Step {
  action: Action;
  icon: ReactElement;
  color: 'primary' | 'success' | 'info' | 'secondary';
}

/** The workflow's steps in the order their buttons appear; each shows only when the server allows it (`permissions`). */
const steps: readonly Step[] = [
  { action: 'approve', icon: <GavelIcon />, color: 'success' },
  { action: 'start', icon: <ConstructionIcon />, color: 'primary' },
  { action: 'reportProgress', icon: <TrendingUpIcon />, color: 'primary' },
  { action: 'complete', icon: <DoneAllIcon />, color: 'success' },
  { action: 'settle', icon: <ReceiptLongIcon />, color: 'secondary' },
];

interface StepValues {
  occurredOn: string;
  reportedOn: string;
  percent: number;
  document: string;
  note: string;
}

/** The day of the work's latest step or progress report: a new step cannot come before it. */
export function lastStepOn(work: MemorialWork): string | undefined {
  const days = [...work.events.map((e) => e.occurredOn), ...work.progressReports.map((p) => p.reportedOn)];
  return days.length ? days.reduce((a, b) => (b > a ? b : a)) : undefined;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * One step in a dialog. Approve: the date and the decision number; start: the date; progress: the
 * date, the percentage (not below the current one) and a note; complete: the date and the
 * acceptance minutes; settle: the date and the settlement decision. A refusal of the server stays
 * in the dialog, explained (POLICY_LIMIT with its rule and legal basis, INVALID_TRANSITION).
 */
const StepDialog = ({ step, work, onClose }: { step: Step; work: MemorialWork; onClose: () => void }) => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const { action } = step;
  const last = lastStepOn(work);
  const today = todayInVietnam();
  const defaultValues = useMemo<Partial<StepValues>>(
    () => (action === 'reportProgress' ? { reportedOn: today, percent: work.progress } : { occurredOn: today }),
    [action, today, work.progress],
  );
  const dateValidators = useMemo(() => validateStepDate(last), [last]);
  const percentValidators = useMemo(() => validatePercent(work.progress), [work.progress]);

  const submit = async (values: Partial<StepValues>) => {
    if (action === 'reportProgress') {
      await dataProvider.request(REPORT_MEMORIAL_PROGRESS, { id: work.id, reportedOn: values.reportedOn, percent: values.percent, note: text(values.note) });
    } else {
      await dataProvider.request(STEP_MUTATIONS[action as MemorialStep].document, {
        id: work.id,
        occurredOn: values.occurredOn,
        document: text(values.document),
        note: text(values.note),
      });
    }
    notify(`soquy.memorial.step_done.${action}`, { type: 'success' });
  };

  const title = translate(`soquy.memorial.step_failed.${action}`);
  return (
    <ActionDialog<StepValues>
      open
      onClose={onClose}
      titleId={`memorial-${action}-title`}
      title={translate(`soquy.memorial.step_title.${action}`, { name: work.name })}
      help={translate(`soquy.memorial.step_help.${action}`, { percent: work.progress })}
      onSubmit={submit}
      refreshOnSuccess
      renderError={(error) =>
        action === 'approve' ? (
          <MemorialRefusalAlert title={title} error={error} />
        ) : (
          <MemorialRefusalAlert
            title={title}
            error={error}
            transitionHint={action === 'settle' && work.pendingAmount > 0 ? { key: 'soquy.memorial.refusal_payments_open', args: { amount: formatMoney(work.pendingAmount) } } : undefined}
          />
        )
      }
      confirmLabel={`soquy.memorial.step.${action}`}
      confirmColor={step.color}
      defaultValues={defaultValues}
      noValidate
    >
      {action === 'reportProgress' ? (
        <>
          <DateInput source="reportedOn" label="soquy.memorial.report_on" validate={dateValidators} />
          <NumberInput source="percent" label="soquy.memorial.percent" validate={percentValidators} min={work.progress} max={100} step={1} />
          <TextInput source="note" label="soquy.memorial.note" validate={validateNote} multiline minRows={2} fullWidth />
        </>
      ) : (
        <>
          <DateInput source="occurredOn" label="soquy.memorial.occurred_on" validate={dateValidators} />
          {action !== 'start' && (
            <TextInput
              source="document"
              label={`soquy.memorial.document.${action}`}
              validate={action === 'approve' ? validateRequiredDocument : validateOptionalDocument}
              fullWidth
              autoFocus
            />
          )}
          <TextInput source="note" label="soquy.memorial.note" validate={validateNote} multiline minRows={2} fullWidth />
        </>
      )}
    </ActionDialog>
  );
};

/**
 * Phê duyệt, Khởi công, Báo cáo tiến độ, Hoàn thành, Quyết toán: only the steps the server says the
 * current user may take on this work now (`permissions`, from its status and the user's role).
 */
export const MemorialWorkSteps = () => {
  const work = useRecordContext<MemorialWork>();
  const [open, setOpen] = useState<Step | null>(null);
  if (!work?.permissions) return null;
  const allowed = steps.filter((step) => work.permissions[step.action]);
  return (
    <>
      {allowed.map((step) => (
        <RaButton key={step.action} label={`soquy.memorial.step.${step.action}`} onClick={() => setOpen(step)} color={step.color}>
          {step.icon}
        </RaButton>
      ))}
      {open && <StepDialog step={open} work={work} onClose={() => setOpen(null)} />}
    </>
  );
};

import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepContent from '@mui/material/StepContent';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../format';
import type { Disbursement } from '../types';

interface TimelineStep {
  key: string;
  label: string;
  detail?: string;
  done: boolean;
  error?: boolean;
}

/**
 * The steps of a disbursement so far: drafted by whom and when, submitted, approved by whom and
 * when, paid by whom on which day with its voucher number, or rejected / cancelled with the reason.
 */
export const DisbursementTimeline = ({ className }: { className?: string }) => {
  const d = useRecordContext<Disbursement>();
  const translate = useTranslate();
  if (!d) return null;
  const when = (value: string | null) => (value ? formatDateTime(value) : '');
  const ended = d.status === 'REJECTED' || d.status === 'CANCELLED';
  const items: TimelineStep[] = [
    {
      key: 'created',
      label: translate('soquy.timeline.created'),
      detail: translate('soquy.timeline.by_at', { name: d.createdByName ?? '', at: when(d.createdAt) }),
      done: true,
    },
    { key: 'submitted', label: translate('soquy.timeline.submitted'), detail: d.submittedAt ? when(d.submittedAt) : undefined, done: Boolean(d.submittedAt) },
  ];
  if (d.approvedAt || !ended) {
    items.push({
      key: 'approved',
      label: translate('soquy.timeline.approved'),
      detail: d.approvedAt ? translate('soquy.timeline.by_at', { name: d.approvedByName ?? '', at: when(d.approvedAt) }) : undefined,
      done: Boolean(d.approvedAt),
    });
  }
  if (d.status === 'PAID' || !ended) {
    items.push({
      key: 'paid',
      label: translate('soquy.timeline.paid'),
      detail:
        d.status === 'PAID'
          ? translate('soquy.timeline.paid_detail', { name: d.paidByName ?? '', date: d.paidOn ? formatDate(d.paidOn) : '', number: d.voucherNumber ?? '' })
          : undefined,
      done: d.status === 'PAID',
    });
  }
  if (ended) {
    items.push({
      key: 'ended',
      label: translate(`soquy.timeline.${d.status === 'REJECTED' ? 'rejected' : 'cancelled'}`),
      detail: [d.closedAt ? when(d.closedAt) : null, d.reason ? translate('soquy.timeline.reason', { reason: d.reason }) : null].filter(Boolean).join(' — '),
      done: true,
      error: true,
    });
  }
  const active = items.findIndex((item) => !item.done);
  return (
    <Box className={className} sx={{ px: 2, py: 1 }} data-testid="disbursement-timeline">
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
        {translate('soquy.timeline.title')}
      </Typography>
      <Stepper orientation="vertical" activeStep={active === -1 ? items.length : active} nonLinear>
        {items.map((item) => (
          <Step key={item.key} completed={item.done && !item.error} expanded>
            <StepLabel error={item.error}>{item.label}</StepLabel>
            <StepContent>
              <Typography variant="body2" color="text.secondary">
                {item.detail || translate('soquy.timeline.pending')}
              </Typography>
            </StepContent>
          </Step>
        ))}
      </Stepper>
    </Box>
  );
};

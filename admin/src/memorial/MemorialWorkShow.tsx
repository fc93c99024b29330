import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import {
  CreateButton,
  Datagrid,
  ListButton,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AuditTrailButton } from '../audit/AuditTrailButton';
import { disbursementStatusColors } from '../disbursements/choices';
import { AmountFigure, DateTimeField, EnumChipField, LocalDateField, MoneyField } from '../fields';
import { formatDate, formatMoney } from '../format';
import { memorialStatusColors } from './choices';
import { MemorialProgressField, ProgressBar } from './MemorialProgressField';
import { MemorialWorkSteps } from './MemorialWorkSteps';
import type { MemorialWork } from './types';

/** Payments are drafted while the work is approved, under construction or completed (the API refuses others). */
const PAYABLE = new Set(['APPROVED', 'IN_PROGRESS', 'COMPLETED']);

/**
 * "Lập phiếu chi" for the work: the disbursement form prefilled with the fund of a FUND funding
 * line (the first with something left to pay), the category and project, and the contractor as payee.
 */
const DraftPaymentButton = () => {
  const work = useRecordContext<MemorialWork>();
  const translate = useTranslate();
  if (!work || !PAYABLE.has(work.status)) return null;
  const fundLines = work.fundingLines.filter((line) => line.source === 'FUND' && line.fundId);
  if (fundLines.length === 0) return null;
  const line = fundLines.find((l) => l.paidAmount < l.amount) ?? fundLines[0];
  const record = {
    fundId: line?.fundId,
    category: 'MEMORIAL_WORK',
    projectType: 'MEMORIAL_WORK',
    projectId: String(work.id),
    payeeName: work.contractor ?? '',
    purpose: translate('soquy.memorial.draft_payment_purpose', { name: work.name }),
  };
  return <CreateButton resource="Disbursement" label="soquy.memorial.draft_payment" state={{ record }} />;
};

const MemorialWorkShowActions = () => (
  <TopToolbar>
    <ListButton />
    <DraftPaymentButton />
    <AuditTrailButton targetType="MemorialWork" />
    <MemorialWorkSteps />
  </TopToolbar>
);

const Heading = ({ children }: { children: ReactNode }) => (
  <Typography variant="h6" component="h2" sx={{ px: 2, pt: 3, pb: 1 }}>
    {children}
  </Typography>
);

const Empty = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
      {translate(message)}
    </Typography>
  );
};

const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The money of the work at a glance, and its progress. */
const MemorialFigures = () => {
  const work = useRecordContext<MemorialWork>();
  const translate = useTranslate();
  if (!work) return null;
  const label = (field: string) => translate(`resources.MemorialWork.fields.${field}`);
  return (
    <Box component="section" sx={{ px: 2, pb: 1 }}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' } }}>
        <AmountFigure label={label('approvedCost')} amount={work.approvedCost} testId="memorial-cost" />
        <AmountFigure label={label('supportAmount')} amount={work.supportAmount} testId="memorial-support" />
        <AmountFigure label={label('paidAmount')} amount={work.paidAmount} testId="memorial-paid" strong />
        <AmountFigure label={label('pendingAmount')} amount={work.pendingAmount} testId="memorial-pending" />
      </Box>
      <Box sx={{ pt: 2, maxWidth: 480 }}>
        <Typography variant="body2" color="text.secondary">
          {label('progress')}
        </Typography>
        <MemorialProgressField source="progress" testId="memorial-progress" />
      </Box>
    </Box>
  );
};

/** The funding lines: source, fund, note, amount and, for a fund's line, what it has paid. */
const FundingLinesTable = () => {
  const work = useRecordContext<MemorialWork>();
  const translate = useTranslate();
  if (!work) return null;
  return (
    <Table size="small" data-testid="memorial-funding-lines" aria-label={translate('soquy.memorial.funding_title')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('soquy.memorial.line_source')}</TableCell>
          <TableCell>{translate('soquy.memorial.line_fund')}</TableCell>
          <TableCell>{translate('soquy.memorial.line_note')}</TableCell>
          <TableCell align="right">{translate('soquy.memorial.line_amount')}</TableCell>
          <TableCell align="right">{translate('soquy.memorial.line_paid')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {work.fundingLines.map((line) => (
          <TableRow key={line.id}>
            <TableCell>{translate(`soquy.memorial.fundingSource.${line.source}`, { _: line.source })}</TableCell>
            <TableCell>{line.fundId ? <ReferenceField record={line} source="fundId" reference="Fund" link="show" /> : '—'}</TableCell>
            <TableCell>{line.note ?? ''}</TableCell>
            <TableCell align="right" sx={numeric}>
              {formatMoney(line.amount)}
            </TableCell>
            <TableCell align="right" sx={numeric}>
              {line.source === 'FUND' ? formatMoney(line.paidAmount) : '—'}
            </TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell colSpan={3} sx={{ fontWeight: 500 }}>
            {translate('resources.MemorialWork.fields.approvedCost')}
          </TableCell>
          <TableCell align="right" sx={{ ...numeric, fontWeight: 500 }}>
            {formatMoney(work.approvedCost)}
          </TableCell>
          <TableCell align="right" sx={{ ...numeric, fontWeight: 500 }}>
            {formatMoney(work.fundingLines.reduce((sum, line) => sum + (line.source === 'FUND' ? line.paidAmount : 0), 0))}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
};

/** Paid and pending, and the disbursements linked to the work (project MEMORIAL_WORK, this id). */
const Payments = () => {
  const work = useRecordContext<MemorialWork>();
  const translate = useTranslate();
  if (!work) return null;
  return (
    <>
      <Typography variant="body2" sx={{ px: 2 }} data-testid="memorial-payments-summary">
        {translate('soquy.memorial.payments_summary', { paid: formatMoney(work.paidAmount), pending: formatMoney(work.pendingAmount) })}
      </Typography>
      <ReferenceManyField
        reference="Disbursement"
        target="projectId"
        filter={{ projectType: 'MEMORIAL_WORK' }}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      >
        <Datagrid rowClick="show" bulkActionButtons={false} resource="Disbursement" empty={<Empty message="soquy.memorial.no_payments" />}>
          <TextField source="voucherNumber" emptyText="—" />
          <LocalDateField source="createdAt" />
          <TextField source="payeeName" />
          <ReferenceField source="fundId" reference="Fund" link={false} />
          <MoneyField source="amount" textAlign="right" />
          <EnumChipField source="status" prefix="soquy.disbursementStatus" colors={disbursementStatusColors} variant="filled" />
          <LocalDateField source="paidOn" />
        </Datagrid>
      </ReferenceManyField>
    </>
  );
};

/** The progress reports, oldest first, each with its bar. */
const ProgressReports = () => {
  const work = useRecordContext<MemorialWork>();
  const translate = useTranslate();
  if (!work) return null;
  if (work.progressReports.length === 0) return <Empty message="soquy.memorial.no_progress" />;
  return (
    <Table size="small" data-testid="memorial-progress-reports" aria-label={translate('soquy.memorial.progress_title')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('soquy.memorial.report_on')}</TableCell>
          <TableCell sx={{ width: 260 }}>{translate('soquy.memorial.report_percent')}</TableCell>
          <TableCell>{translate('soquy.memorial.report_note')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {work.progressReports.map((report) => (
          <TableRow key={report.id}>
            <TableCell sx={numeric}>{formatDate(report.reportedOn)}</TableCell>
            <TableCell>
              <ProgressBar percent={report.percent} />
            </TableCell>
            <TableCell>{report.note ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The steps so far: what, from which status to which, on which day, the document, the note, who. */
const Timeline = () => {
  const work = useRecordContext<MemorialWork>();
  const translate = useTranslate();
  if (!work) return null;
  if (work.events.length === 0) return <Empty message="soquy.memorial.no_events" />;
  const status = (value: string | null) => (value ? translate(`soquy.memorial.status.${value}`, { _: value }) : '—');
  return (
    <Table size="small" data-testid="memorial-timeline" aria-label={translate('soquy.memorial.timeline_title')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('soquy.memorial.event_action')}</TableCell>
          <TableCell>{translate('soquy.memorial.event_status')}</TableCell>
          <TableCell>{translate('soquy.memorial.event_on')}</TableCell>
          <TableCell>{translate('soquy.memorial.event_document')}</TableCell>
          <TableCell>{translate('soquy.memorial.event_note')}</TableCell>
          <TableCell>{translate('soquy.memorial.event_actor')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {work.events.map((event) => (
          <TableRow key={event.id}>
            <TableCell>{translate(`soquy.memorial.action.${event.action}`, { _: event.action })}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {event.fromStatus ? `${status(event.fromStatus)} → ` : ''}
              {status(event.toStatus)}
            </TableCell>
            <TableCell sx={numeric}>{formatDate(event.occurredOn)}</TableCell>
            <TableCell>{event.document ?? ''}</TableCell>
            <TableCell>{event.note ?? ''}</TableCell>
            <TableCell>{event.actorName ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const SectionTitle = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return <Heading>{translate(message)}</Heading>;
};

/** Every field of the work that has a value. */
const MemorialDetails = () => {
  const work = useRecordContext<MemorialWork>();
  if (!work) return null;
  return (
    <SimpleShowLayout>
      <TextField source="name" />
      <EnumChipField source="status" prefix="soquy.memorial.status" colors={memorialStatusColors} variant="filled" />
      <EnumChipField source="kind" prefix="soquy.memorial.kind" />
      <EnumChipField source="scope" prefix="soquy.memorial.scope" />
      <ReferenceField source="unitId" reference="AdministrativeUnit" link="show">
        <TextField source="nameWithType" />
      </ReferenceField>
      <EnumChipField source="level" prefix="soquy.unitLevel" />
      <TextField source="location" emptyText="—" />
      {work.kind === 'GRAVE' && <NumberField source="graveCount" />}
      <MoneyField source="approvedCost" />
      <MoneyField source="supportAmount" />
      <MoneyField source="fundLinesTotal" />
      <TextField source="projectDocumentNumber" emptyText="—" />
      <TextField source="decisionNumber" emptyText="—" />
      <TextField source="contractor" emptyText="—" />
      <LocalDateField source="startOn" emptyText="—" />
      <LocalDateField source="plannedEndOn" emptyText="—" />
      {work.approvedOn && <LocalDateField source="approvedOn" />}
      {work.completedOn && <LocalDateField source="completedOn" />}
      {work.settledOn && <LocalDateField source="settledOn" />}
      <DateTimeField source="createdAt" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  );
};

const MemorialTitle = () => {
  const work = useRecordContext<MemorialWork>();
  const translate = useTranslate();
  if (!work) return null;
  return <span>{`${translate('resources.MemorialWork.name', { smart_count: 1 })}: ${work.name}`}</span>;
};

/**
 * A memorial work: its fields, money and progress; the funding lines with what each fund paid; the
 * linked disbursements with a button to draft one; the progress reports; the steps so far; and the
 * next steps the user may take.
 */
export const MemorialWorkShow = () => (
  <Show actions={<MemorialWorkShowActions />} title={<MemorialTitle />}>
    <MemorialDetails />
    <SectionTitle message="soquy.memorial.figures" />
    <MemorialFigures />
    <SectionTitle message="soquy.memorial.funding_title" />
    <FundingLinesTable />
    <SectionTitle message="soquy.memorial.payments_title" />
    <Payments />
    <SectionTitle message="soquy.memorial.progress_title" />
    <ProgressReports />
    <SectionTitle message="soquy.memorial.timeline_title" />
    <Timeline />
    <Box sx={{ pb: 2 }} />
  </Show>
);

import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ListButton, Show, SimpleShowLayout, TextField, TopToolbar, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, EnumChipField, LocalDateField } from '../fields';
import { formatDate, formatDateTime } from '../format';
import { formatRateValue } from './format';
import { inForceToday, PolicyRateValueField, ToBeConfirmedField } from './PolicyRateFields';
import { ReviseRateButton } from './ReviseRateButton';
import type { PolicyRate } from './types';
import { usePolicyRateHistory } from './usePolicyRateHistory';

const PolicyRateShowActions = () => (
  <TopToolbar>
    <ListButton />
    <ReviseRateButton />
  </TopToolbar>
);

/** Every rate of the same code, newest first: value, dates, legal basis, reason and who revised it. */
const PolicyRateHistory = () => {
  const rate = useRecordContext<PolicyRate>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: history } = usePolicyRateHistory(rate?.id);
  if (!rate) return null;
  const field = (name: string) => translate(`resources.PolicyRate.fields.${name}`);
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ px: 2, pt: 3 }}>
        {translate('soquy.policy.history', { code: rate.code })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1 }}>
        {translate('soquy.policy.history_help')}
      </Typography>
      <Table size="small" data-testid="policy-rate-history" aria-label={translate('soquy.policy.history', { code: rate.code })}>
        <TableHead>
          <TableRow>
            <TableCell align="right">{field('value')}</TableCell>
            <TableCell>{field('effectiveFrom')}</TableCell>
            <TableCell>{field('effectiveTo')}</TableCell>
            <TableCell>{field('legalBasis')}</TableCell>
            <TableCell>{field('reason')}</TableCell>
            <TableCell>{field('createdByName')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {(history ?? []).map((row) => (
            <TableRow key={row.id} selected={String(row.id) === String(rate.id)} data-testid={`policy-rate-history-${row.id}`}>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {formatRateValue(row, locale)}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(row.effectiveFrom)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.effectiveTo ? formatDate(row.effectiveTo) : translate('soquy.policy.open_ended')}</TableCell>
              <TableCell>{row.legalBasis}</TableCell>
              <TableCell>{row.reason ?? ''}</TableCell>
              <TableCell>
                {row.createdByName ? (
                  <>
                    {row.createdByName}
                    <Typography variant="caption" component="div" color="text.secondary">
                      {formatDateTime(row.createdAt)}
                    </Typography>
                  </>
                ) : (
                  ''
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {inForceToday(row) && <Chip size="small" color="success" label={translate('soquy.policy.in_force')} sx={{ mr: 0.5 }} />}
                {row.toBeConfirmed && <Chip size="small" color="warning" variant="outlined" label={translate('soquy.policy.to_be_confirmed')} />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};

/** A policy rate: its value, dates, legal basis, and the history of its code; ADMIN revises it. */
export const PolicyRateShow = () => (
  <Show actions={<PolicyRateShowActions />}>
    <SimpleShowLayout>
      <TextField source="code" sx={{ fontFamily: 'monospace' }} />
      <TextField source="name" />
      <EnumChipField source="unit" prefix="soquy.policy.unit" />
      <PolicyRateValueField source="value" />
      <LocalDateField source="effectiveFrom" />
      <LocalDateField source="effectiveTo" emptyText="soquy.policy.open_ended" />
      <TextField source="legalBasis" />
      <ToBeConfirmedField source="toBeConfirmed" />
      <TextField source="reason" emptyText="—" />
      <TextField source="createdByName" emptyText="—" />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
    <PolicyRateHistory />
  </Show>
);

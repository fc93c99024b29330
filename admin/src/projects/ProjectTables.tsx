import Box from '@mui/material/Box';
import Chip, { type ChipProps } from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { RecordContextProvider, ReferenceField, useTranslate } from 'react-admin';
import { formatDate, formatDateTime, formatMoney } from '../format';
import type { FundingLine, ProjectEvent } from '../housing/types';

/**
 * The tables a project's show page shares (housing grants, surgery cases): its funding lines and
 * the timeline of its steps. `prefix` names the page's messages ("soquy.housing"): `line.*`,
 * `source.*`, `lines_total_label`, `no_funding_lines`, `funding_lines`, `event.*`, `action.*`,
 * `status.*`, `timeline`.
 */
interface TableProps {
  prefix: string;
  testId: string;
}

/** The funding lines (nguồn vốn): source, fund, note, amount and, for a fund line, what the fund has paid. */
export const FundingLinesTable = ({ lines, prefix, testId }: TableProps & { lines: readonly FundingLine[] }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      {lines.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate(`${prefix}.no_funding_lines`)}
        </Typography>
      ) : (
        <Table size="small" aria-label={translate(`${prefix}.funding_lines`)} data-testid={testId}>
          <TableHead>
            <TableRow>
              <TableCell>{translate(`${prefix}.line.source`)}</TableCell>
              <TableCell>{translate(`${prefix}.line.fund`)}</TableCell>
              <TableCell>{translate(`${prefix}.line.note`)}</TableCell>
              <TableCell align="right">{translate(`${prefix}.line.amount`)}</TableCell>
              <TableCell align="right">{translate(`${prefix}.line.paid`)}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((line) => (
              <TableRow key={line.id}>
                <TableCell>{translate(`${prefix}.source.${line.source}`, { _: line.source })}</TableCell>
                <TableCell>
                  {line.fundId ? (
                    <RecordContextProvider value={line}>
                      <ReferenceField source="fundId" reference="Fund" link="show" />
                    </RecordContextProvider>
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell>{line.note ?? ''}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(line.amount)}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {line.source === 'FUND' ? formatMoney(line.paidAmount) : '—'}
                </TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell colSpan={3} sx={{ fontWeight: 'bold' }}>
                {translate(`${prefix}.lines_total_label`)}
              </TableCell>
              <TableCell align="right" sx={{ fontWeight: 'bold', whiteSpace: 'nowrap' }}>
                {formatMoney(lines.reduce((sum, line) => sum + line.amount, 0))}
              </TableCell>
              <TableCell align="right" sx={{ fontWeight: 'bold', whiteSpace: 'nowrap' }}>
                {formatMoney(lines.reduce((sum, line) => sum + (line.source === 'FUND' ? line.paidAmount : 0), 0))}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

type ChipColor = ChipProps['color'];

const StatusChip = ({ status, prefix, colors }: { status: string | null; prefix: string; colors: Readonly<Record<string, ChipColor>> }) => {
  const translate = useTranslate();
  if (!status) return null;
  return <Chip size="small" variant="outlined" color={colors[status] ?? 'default'} label={translate(`${prefix}.status.${status}`, { _: status })} />;
};

/** Every step so far: what, from which status to which, on what day, its document and note, who and when. */
export const ProjectTimeline = ({ events, prefix, testId, statusColors }: TableProps & { events: readonly ProjectEvent[]; statusColors: Readonly<Record<string, ChipColor>> }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Table size="small" aria-label={translate(`${prefix}.timeline`)} data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell>{translate(`${prefix}.event.occurredOn`)}</TableCell>
            <TableCell>{translate(`${prefix}.event.action`)}</TableCell>
            <TableCell>{translate(`${prefix}.event.change`)}</TableCell>
            <TableCell>{translate(`${prefix}.event.document`)}</TableCell>
            <TableCell>{translate(`${prefix}.event.note`)}</TableCell>
            <TableCell>{translate(`${prefix}.event.actor`)}</TableCell>
            <TableCell>{translate(`${prefix}.event.at`)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map((event) => (
            <TableRow key={event.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(event.occurredOn)}</TableCell>
              <TableCell>{translate(`${prefix}.action.${event.action}`, { _: event.action })}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                  <StatusChip status={event.fromStatus} prefix={prefix} colors={statusColors} />
                  {event.fromStatus && <span aria-hidden>→</span>}
                  <StatusChip status={event.toStatus} prefix={prefix} colors={statusColors} />
                </Stack>
              </TableCell>
              <TableCell>{event.document ?? ''}</TableCell>
              <TableCell>{event.note ?? ''}</TableCell>
              <TableCell>{event.actorName ?? ''}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

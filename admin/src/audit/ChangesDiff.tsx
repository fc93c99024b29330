import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditChange, AuditEvent } from '../types';

/** A value as the diff shows it: text as it is, anything else as JSON, nothing as "—". */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** One changed record: a table of its fields, before → after; a created one has only "after". */
const ChangeTable = ({ change, index }: { change: AuditChange; index: number }) => {
  const translate = useTranslate();
  const before = change.before ?? {};
  const after = change.after ?? {};
  const created = change.kind === 'create';
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return (
    <Box sx={{ mb: 3 }} data-testid={`change-${index}`}>
      <Typography variant="subtitle1" component="h4" sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }}>
        <Chip
          size="small"
          color={change.kind === 'create' ? 'success' : change.kind === 'delete' ? 'error' : 'info'}
          label={translate(`soquy.auditKind.${change.kind}`, { _: change.kind })}
        />
        {change.entity} #{String(change.id ?? '')}
      </Typography>
      <Table size="small" aria-label={`${change.entity} #${String(change.id ?? '')}`}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('soquy.audit.field')}</TableCell>
            {!created && <TableCell>{translate('soquy.audit.before')}</TableCell>}
            <TableCell>{translate(created ? 'soquy.audit.value' : 'soquy.audit.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {fields.map((field) => {
            const changed = !created && !same(before[field], after[field]);
            return (
              <TableRow key={field} data-changed={changed ? 'true' : undefined} sx={changed ? { bgcolor: 'rgba(255, 193, 7, 0.16)', '& td': { fontWeight: 600 } } : undefined}>
                <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{field}</TableCell>
                {!created && (
                  <TableCell sx={{ wordBreak: 'break-word', ...(changed ? { textDecoration: 'line-through', color: 'text.secondary' } : {}) }}>
                    {shown(before[field])}
                  </TableCell>
                )}
                <TableCell sx={{ wordBreak: 'break-word' }}>{change.kind === 'delete' ? '—' : shown(after[field])}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
};

/** Every record an audit event changed, each as a before → after table, changed values highlighted. */
export const ChangesDiff = () => {
  const event = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  if (!event) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="audit-diff">
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
        {translate('soquy.audit.changes')}
      </Typography>
      {event.changes.length === 0 && <Typography color="text.secondary">{translate('soquy.audit.no_changes')}</Typography>}
      {event.changes.map((change, index) => (
        <ChangeTable key={`${change.entity}-${String(change.id)}-${index}`} change={change} index={index} />
      ))}
    </Box>
  );
};

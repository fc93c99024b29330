import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface ReportColumn<Row> {
  key: string;
  /** A translation key. */
  label: string;
  numeric?: boolean;
  /** The cell of a row. */
  value: (row: Row) => ReactNode;
  /** The cell of the totals line (nothing for a dimension). */
  total?: (rows: Row[]) => ReactNode;
}

/** A report's table: one line per group, then the totals of the figures. */
export function ReportTable<Row>({ columns, rows, testId, label }: { columns: ReportColumn<Row>[]; rows: Row[]; testId: string; label: string }) {
  const translate = useTranslate();
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 2 }} data-testid={`${testId}-empty`}>
        {translate('soquy.reports.no_rows')}
      </Typography>
    );
  }
  const firstFigure = columns.findIndex((column) => column.total);
  return (
    <Table size="small" aria-label={label} data-testid={testId}>
      <TableHead>
        <TableRow>
          {columns.map((column) => (
            <TableCell key={column.key} align={column.numeric ? 'right' : 'left'}>
              {translate(column.label)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, index) => (
          <TableRow key={index}>
            {columns.map((column) => (
              <TableCell key={column.key} align={column.numeric ? 'right' : 'left'} sx={column.numeric ? { whiteSpace: 'nowrap' } : undefined}>
                {column.value(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
        <TableRow data-testid={`${testId}-totals`}>
          {columns.map((column, index) => (
            <TableCell key={column.key} align={column.numeric ? 'right' : 'left'} sx={{ fontWeight: 'bold', whiteSpace: 'nowrap' }}>
              {index === 0 && firstFigure !== 0 ? translate('soquy.reports.totals') : (column.total?.(rows) ?? '')}
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
}

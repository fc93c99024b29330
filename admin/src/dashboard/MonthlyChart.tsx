import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslate } from 'react-admin';
import { formatMoney } from '../format';
import type { MonthFlow } from './types';

type Series = 'receipts' | 'disbursements' | 'transfersOut';
const SERIES: readonly Series[] = ['receipts', 'disbursements', 'transfersOut'];
const LABEL: Record<Series, string> = { receipts: 'soquy.dashboard.receipts', disbursements: 'soquy.dashboard.disbursements', transfersOut: 'soquy.dashboard.transfers_out' };

const WIDTH = 720;
const HEIGHT = 260;
const LEFT = 64;
const BOTTOM = 24;
const TOP = 8;

/** "1,2 tỷ", "350 tr": the axis labels only; bars, titles and the table show whole đồng. */
function compact(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en' : 'vi-VN', { notation: 'compact', maximumFractionDigits: 1 }).format(amount);
}

/**
 * Receipts (thu) against disbursements (chi) and transfers out, per month: a hand-written SVG bar
 * chart with a legend, a <title> per bar (read by screen readers and shown on hover) and the same
 * figures in a table below it. A negative month (a void posted after the receipt) draws no bar.
 */
export const MonthlyChart = ({ months, year, locale }: { months: MonthFlow[]; year: number; locale: string }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const id = useId();
  const colors: Record<Series, string> = { receipts: theme.palette.success.main, disbursements: theme.palette.error.main, transfersOut: theme.palette.warning.main };
  const max = Math.max(1, ...months.flatMap((m) => SERIES.map((s) => m[s])));
  const plot = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT) / 12;
  const bar = (slot - 8) / SERIES.length;
  const y = (value: number) => TOP + plot - (Math.max(0, value) / max) * plot;
  const title = translate('soquy.dashboard.chart', { year });
  const totals = SERIES.map((s) => months.reduce((sum, m) => sum + m[s], 0));
  return (
    <Box>
      <Box component="ul" sx={{ display: 'flex', gap: 2, listStyle: 'none', p: 0, m: 0, mb: 1, flexWrap: 'wrap' }} aria-label={translate('soquy.dashboard.chart', { year })}>
        {SERIES.map((s) => (
          <Box component="li" key={s} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <Box component="span" sx={{ width: 12, height: 12, bgcolor: colors[s], display: 'inline-block' }} aria-hidden />
            <Typography variant="body2" component="span">
              {translate(LABEL[s])}
            </Typography>
          </Box>
        ))}
      </Box>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid="monthly-chart" style={{ maxHeight: 320 }}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{translate('soquy.dashboard.chart_desc')}</desc>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={LEFT} x2={WIDTH} y1={y(max * f)} y2={y(max * f)} stroke={theme.palette.divider} />
            <text x={LEFT - 6} y={y(max * f) + 4} textAnchor="end" fontSize={11} fill={theme.palette.text.secondary}>
              {compact(Math.round(max * f), locale)}
            </text>
          </g>
        ))}
        {months.map((m, i) => (
          <g key={m.month}>
            {SERIES.map((s, j) => {
              const top = y(m[s]);
              return (
                <rect key={s} x={LEFT + i * slot + 4 + j * bar} y={top} width={bar - 1} height={TOP + plot - top} fill={colors[s]} data-testid={`bar-${s}-${m.month}`}>
                  <title>{`${translate('soquy.dashboard.month_n', { month: m.month })}: ${translate(LABEL[s])} ${formatMoney(m[s])}`}</title>
                </rect>
              );
            })}
            <text x={LEFT + i * slot + slot / 2} y={HEIGHT - 6} textAnchor="middle" fontSize={11} fill={theme.palette.text.secondary}>
              {m.month}
            </text>
          </g>
        ))}
      </svg>
      <details>
        <summary>
          <Typography variant="body2" component="span">
            {translate('soquy.dashboard.show_table')}
          </Typography>
        </summary>
        <Table size="small" aria-label={title} data-testid="monthly-table">
          <TableHead>
            <TableRow>
              <TableCell component="th">{translate('soquy.dashboard.month')}</TableCell>
              {SERIES.map((s) => (
                <TableCell key={s} align="right">
                  {translate(LABEL[s])}
                </TableCell>
              ))}
              <TableCell align="right">{translate('soquy.dashboard.transfers_in')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {months.map((m) => (
              <TableRow key={m.month} data-testid={`month-row-${m.month}`}>
                <TableCell component="th" scope="row">
                  {translate('soquy.dashboard.month_n', { month: m.month })}
                </TableCell>
                {SERIES.map((s) => (
                  <TableCell key={s} align="right" data-testid={`month-${s}-${m.month}`}>
                    {formatMoney(m[s])}
                    {s === 'receipts' && m.inKindReceipts !== 0 && (
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {translate('soquy.dashboard.in_kind')} {formatMoney(m.inKindReceipts)}
                      </Typography>
                    )}
                  </TableCell>
                ))}
                <TableCell align="right">{formatMoney(m.transfersIn)}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell component="th" scope="row">
                {translate('soquy.dashboard.year_total')}
              </TableCell>
              {totals.map((t, i) => (
                <TableCell key={SERIES[i]} align="right">
                  <strong>{formatMoney(t)}</strong>
                </TableCell>
              ))}
              <TableCell align="right">
                <strong>{formatMoney(months.reduce((sum, m) => sum + m.transfersIn, 0))}</strong>
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </details>
    </Box>
  );
};

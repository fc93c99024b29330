import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { formatMoney, formatWholeNumber } from '../format';
import {
  memorialReportDimensions,
  memorialWorkKinds,
  memorialWorkScopes,
  memorialWorkStatuses,
  type MemorialReportDimension,
  type MemorialReportRow,
} from '../housing/types';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { unitLevels } from '../types';
import { DimensionPicker, EnumFilter, ReportExportButtons, UnitViewSelect, YearFilter, type UnitView } from './ReportControls';
import { ReportTable, type ReportColumn } from './ReportTable';

const MEMORIAL_REPORT = `query MemorialReport($filter: MemorialWorkFilter, $groupBy: [MemorialReportDimension!]!, $unitView: UnitView) {
  memorialReport(filter: $filter, groupBy: $groupBy, unitView: $unitView) {
    status kind scope level unitId unitName year count approvedCost supportAmount paidAmount averageProgress
  }
}`;

const sum = (rows: MemorialReportRow[], pick: (row: MemorialReportRow) => number) => rows.reduce((total, row) => total + pick(row), 0);

/** "45,5 %": a percentage with a decimal comma. */
const percent = (value: number, locale: string) => `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(value)} %`;

/** The memorial works counted and summed by the dimensions chosen (default kind and level), with exports. */
export const MemorialReport = ({ locale }: { locale: string }) => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const translate = useTranslate();
  const [groupBy, setGroupBy] = useState<MemorialReportDimension[]>(['KIND', 'LEVEL']);
  const [year, setYear] = useState('');
  const [unitView, setUnitView] = useState<UnitView>('RECORDED');
  const [kind, setKind] = useState('');
  const [scope, setScope] = useState('');
  const [level, setLevel] = useState('');
  const [status, setStatus] = useState('');
  const filter: Record<string, unknown> = {
    ...(year.length === 4 ? { year: Number(year) } : {}),
    ...(kind ? { kind } : {}),
    ...(scope ? { scope } : {}),
    ...(level ? { level } : {}),
    ...(status ? { status: [status] } : {}),
  };
  const { data, error, isPending } = useQuery({
    queryKey: ['memorialReport', groupBy, filter, unitView],
    placeholderData: keepPreviousData,
    queryFn: async () => (await dataProvider.request<{ memorialReport: MemorialReportRow[] }>(MEMORIAL_REPORT, { filter, groupBy, unitView })).memorialReport,
  });

  const enumCell = (prefix: string, value: string | null) => (value ? translate(`${prefix}.${value}`, { _: value }) : '');
  const dimensionColumns: Record<MemorialReportDimension, ReportColumn<MemorialReportRow>> = {
    STATUS: { key: 'status', label: 'soquy.reports.memorial_dimension.STATUS', value: (row) => enumCell('soquy.reports.memorial_status', row.status) },
    KIND: { key: 'kind', label: 'soquy.reports.memorial_dimension.KIND', value: (row) => enumCell('soquy.reports.memorial_kind', row.kind) },
    SCOPE: { key: 'scope', label: 'soquy.reports.memorial_dimension.SCOPE', value: (row) => enumCell('soquy.reports.memorial_scope', row.scope) },
    LEVEL: { key: 'level', label: 'soquy.reports.memorial_dimension.LEVEL', value: (row) => enumCell('soquy.reports.level', row.level) },
    UNIT: { key: 'unit', label: 'soquy.reports.memorial_dimension.UNIT', value: (row) => row.unitName ?? '' },
    YEAR: { key: 'year', label: 'soquy.reports.memorial_dimension.YEAR', value: (row) => (row.year === null ? '' : String(row.year)) },
  };
  const money = (key: 'approvedCost' | 'supportAmount' | 'paidAmount'): ReportColumn<MemorialReportRow> => ({
    key,
    label: `soquy.reports.memorial_column.${key}`,
    numeric: true,
    value: (row) => formatMoney(row[key]),
    total: (rows) => formatMoney(sum(rows, (r) => r[key])),
  });
  const columns: ReportColumn<MemorialReportRow>[] = [
    ...groupBy.map((dimension) => dimensionColumns[dimension]),
    { key: 'count', label: 'soquy.reports.memorial_column.count', numeric: true, value: (row) => formatWholeNumber(row.count), total: (rows) => formatWholeNumber(sum(rows, (r) => r.count)) },
    money('approvedCost'),
    money('supportAmount'),
    money('paidAmount'),
    {
      key: 'averageProgress',
      label: 'soquy.reports.memorial_column.averageProgress',
      numeric: true,
      value: (row) => percent(row.averageProgress, locale),
      // The average over every work: each group's average weighted by its count.
      total: (rows) => {
        const count = sum(rows, (r) => r.count);
        return count === 0 ? '' : percent(Math.round((sum(rows, (r) => r.averageProgress * r.count) / count) * 10) / 10, locale);
      },
    },
  ];

  return (
    <Card component="section" aria-labelledby="memorial-report-title" data-testid="memorial-report">
      <CardContent>
        <Typography variant="h6" component="h2" id="memorial-report-title" gutterBottom>
          {translate('soquy.reports.memorial_title')}
        </Typography>
        <DimensionPicker dimensions={memorialReportDimensions} value={groupBy} onChange={setGroupBy} labelPrefix="soquy.reports.memorial_dimension" />
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
          <YearFilter value={year} onChange={setYear} />
          <EnumFilter label="soquy.reports.memorial_dimension.KIND" value={kind} onChange={setKind} values={memorialWorkKinds} prefix="soquy.reports.memorial_kind" />
          <EnumFilter label="soquy.reports.memorial_dimension.SCOPE" value={scope} onChange={setScope} values={memorialWorkScopes} prefix="soquy.reports.memorial_scope" />
          <EnumFilter label="soquy.reports.memorial_dimension.LEVEL" value={level} onChange={setLevel} values={unitLevels} prefix="soquy.reports.level" />
          <EnumFilter label="soquy.reports.memorial_dimension.STATUS" value={status} onChange={setStatus} values={memorialWorkStatuses} prefix="soquy.reports.memorial_status" />
          <UnitViewSelect value={unitView} onChange={setUnitView} />
          <ReportExportButtons name="memorial-report" groupBy={groupBy} filter={filter} unitView={unitView} disabled={!data} />
        </Stack>
        {error ? (
          <Alert severity="error">{error instanceof Error ? translate(error.message, { _: error.message }) : translate('ra.notification.http_error')}</Alert>
        ) : isPending ? (
          <Typography variant="body2" color="text.secondary">
            {translate('ra.page.loading')}
          </Typography>
        ) : (
          <ReportTable columns={columns} rows={data} testId="memorial-report-table" label={translate('soquy.reports.memorial_title')} />
        )}
      </CardContent>
    </Card>
  );
};

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
  housingGrantStatuses,
  housingGrantTypes,
  housingPrograms,
  housingReportDimensions,
  type HousingReportDimension,
  type HousingReportRow,
} from '../housing/types';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { DimensionPicker, EnumFilter, ReportExportButtons, UnitViewSelect, YearFilter, type UnitView } from './ReportControls';
import { ReportTable, type ReportColumn } from './ReportTable';

const HOUSING_REPORT = `query HousingReport($filter: HousingGrantFilter, $groupBy: [HousingReportDimension!]!, $unitView: UnitView) {
  housingReport(filter: $filter, groupBy: $groupBy, unitView: $unitView) {
    status type program districtId districtName communeId communeName year count amount approvedTotal paidAmount
  }
}`;

const sum = (rows: HousingReportRow[], pick: (row: HousingReportRow) => number) => rows.reduce((total, row) => total + pick(row), 0);

/** The housing grants counted and summed by the dimensions chosen (default type and year), with exports. */
export const HousingReport = () => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const translate = useTranslate();
  const [groupBy, setGroupBy] = useState<HousingReportDimension[]>(['TYPE', 'YEAR']);
  const [year, setYear] = useState('');
  const [unitView, setUnitView] = useState<UnitView>('RECORDED');
  const [program, setProgram] = useState('');
  const [type, setType] = useState('');
  const [status, setStatus] = useState('');
  const filter: Record<string, unknown> = {
    ...(year.length === 4 ? { year: Number(year) } : {}),
    ...(program ? { program } : {}),
    ...(type ? { type } : {}),
    ...(status ? { status: [status] } : {}),
  };
  const { data, error, isPending } = useQuery({
    queryKey: ['housingReport', groupBy, filter, unitView],
    placeholderData: keepPreviousData,
    queryFn: async () => (await dataProvider.request<{ housingReport: HousingReportRow[] }>(HOUSING_REPORT, { filter, groupBy, unitView })).housingReport,
  });

  const enumCell = (prefix: string, value: string | null) => (value ? translate(`${prefix}.${value}`, { _: value }) : '');
  const dimensionColumns: Record<HousingReportDimension, ReportColumn<HousingReportRow>> = {
    STATUS: { key: 'status', label: 'soquy.reports.housing_dimension.STATUS', value: (row) => enumCell('soquy.housing.status', row.status) },
    TYPE: { key: 'type', label: 'soquy.reports.housing_dimension.TYPE', value: (row) => enumCell('soquy.housing.type', row.type) },
    PROGRAM: { key: 'program', label: 'soquy.reports.housing_dimension.PROGRAM', value: (row) => enumCell('soquy.housing.program', row.program) },
    DISTRICT: { key: 'district', label: 'soquy.reports.housing_dimension.DISTRICT', value: (row) => row.districtName ?? '' },
    COMMUNE: { key: 'commune', label: 'soquy.reports.housing_dimension.COMMUNE', value: (row) => row.communeName ?? '' },
    YEAR: { key: 'year', label: 'soquy.reports.housing_dimension.YEAR', value: (row) => (row.year === null ? '' : String(row.year)) },
  };
  const columns: ReportColumn<HousingReportRow>[] = [
    ...groupBy.map((dimension) => dimensionColumns[dimension]),
    { key: 'count', label: 'soquy.reports.housing_column.count', numeric: true, value: (row) => formatWholeNumber(row.count), total: (rows) => formatWholeNumber(sum(rows, (r) => r.count)) },
    { key: 'amount', label: 'soquy.reports.housing_column.amount', numeric: true, value: (row) => formatMoney(row.amount), total: (rows) => formatMoney(sum(rows, (r) => r.amount)) },
    {
      key: 'approvedTotal',
      label: 'soquy.reports.housing_column.approvedTotal',
      numeric: true,
      value: (row) => formatMoney(row.approvedTotal),
      total: (rows) => formatMoney(sum(rows, (r) => r.approvedTotal)),
    },
    { key: 'paidAmount', label: 'soquy.reports.housing_column.paidAmount', numeric: true, value: (row) => formatMoney(row.paidAmount), total: (rows) => formatMoney(sum(rows, (r) => r.paidAmount)) },
  ];

  return (
    <Card component="section" aria-labelledby="housing-report-title" data-testid="housing-report">
      <CardContent>
        <Typography variant="h6" component="h2" id="housing-report-title" gutterBottom>
          {translate('soquy.reports.housing_title')}
        </Typography>
        <DimensionPicker dimensions={housingReportDimensions} value={groupBy} onChange={setGroupBy} labelPrefix="soquy.reports.housing_dimension" />
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
          <YearFilter value={year} onChange={setYear} />
          <EnumFilter label="soquy.reports.housing_dimension.PROGRAM" value={program} onChange={setProgram} values={housingPrograms} prefix="soquy.housing.program" />
          <EnumFilter label="soquy.reports.housing_dimension.TYPE" value={type} onChange={setType} values={housingGrantTypes} prefix="soquy.housing.type" />
          <EnumFilter label="soquy.reports.housing_dimension.STATUS" value={status} onChange={setStatus} values={housingGrantStatuses} prefix="soquy.housing.status" />
          <UnitViewSelect value={unitView} onChange={setUnitView} />
          <ReportExportButtons name="housing-report" groupBy={groupBy} filter={filter} unitView={unitView} disabled={!data} />
        </Stack>
        {error ? (
          <Alert severity="error">{error instanceof Error ? translate(error.message, { _: error.message }) : translate('ra.notification.http_error')}</Alert>
        ) : isPending ? (
          <Typography variant="body2" color="text.secondary">
            {translate('ra.page.loading')}
          </Typography>
        ) : (
          <ReportTable columns={columns} rows={data} testId="housing-report-table" label={translate('soquy.reports.housing_title')} />
        )}
      </CardContent>
    </Card>
  );
};

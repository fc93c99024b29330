import DownloadIcon from '@mui/icons-material/GetApp';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { SoQuyDataProvider } from '../providers/dataProvider';

/** Checkboxes choosing the dimensions to group by, kept in the order offered. */
export function DimensionPicker<D extends string>({
  dimensions,
  value,
  onChange,
  labelPrefix,
}: {
  dimensions: readonly D[];
  value: D[];
  onChange: (value: D[]) => void;
  labelPrefix: string;
}) {
  const translate = useTranslate();
  const toggle = (dimension: D, checked: boolean) => onChange(dimensions.filter((d) => (d === dimension ? checked : value.includes(d))));
  return (
    <FormControl component="fieldset" sx={{ mb: 1 }}>
      <FormLabel component="legend">{translate('soquy.reports.group_by')}</FormLabel>
      <FormGroup row>
        {dimensions.map((dimension) => (
          <FormControlLabel
            key={dimension}
            control={<Checkbox size="small" checked={value.includes(dimension)} onChange={(event) => toggle(dimension, event.target.checked)} />}
            label={translate(`${labelPrefix}.${dimension}`)}
          />
        ))}
      </FormGroup>
    </FormControl>
  );
}

/** A select of an enum filter, with "all" first; the options are translated by their prefix. */
export const EnumFilter = ({
  label,
  value,
  onChange,
  values,
  prefix,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  values: readonly string[];
  prefix: string;
}) => {
  const translate = useTranslate();
  return (
    <TextField
      select
      size="small"
      fullWidth={false}
      label={translate(label)}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      sx={{ width: 240 }}
    >
      <MenuItem value="">{translate('soquy.reports.all')}</MenuItem>
      {values.map((item) => (
        <MenuItem key={item} value={item}>
          {translate(`${prefix}.${item}`)}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** The year filter: four digits, or empty for every year. */
export const YearFilter = ({ value, onChange }: { value: string; onChange: (value: string) => void }) => {
  const translate = useTranslate();
  return (
    <TextField
      size="small"
      fullWidth={false}
      label={translate('soquy.reports.year')}
      value={value}
      onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, 4))}
      slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      sx={{ width: 120 }}
    />
  );
};

export const unitViews = ['RECORDED', 'MAPPED'] as const;
export type UnitView = (typeof unitViews)[number];

/** Units as recorded on each record, or mapped to today's units after reorganisations. */
export const UnitViewSelect = ({ value, onChange }: { value: UnitView; onChange: (value: UnitView) => void }) => {
  const translate = useTranslate();
  return (
    <TextField select size="small" fullWidth={false} label={translate('soquy.reports.unit_view')} value={value} onChange={(event) => onChange(event.target.value as UnitView)} sx={{ width: 240 }}>
      {unitViews.map((view) => (
        <MenuItem key={view} value={view}>
          {translate(`soquy.reports.unit_view_${view}`)}
        </MenuItem>
      ))}
    </TextField>
  );
};

const formats = ['csv', 'xlsx'] as const;

/** "Xuất CSV" and "Xuất Excel": the server's file of the report with the same grouping and filter. */
export const ReportExportButtons = ({
  name,
  groupBy,
  filter,
  unitView = 'RECORDED',
  disabled,
}: {
  name: string;
  groupBy: string[];
  filter: Record<string, unknown>;
  unitView?: UnitView;
  disabled?: boolean;
}) => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState<(typeof formats)[number] | null>(null);
  const download = async (format: (typeof formats)[number]) => {
    setBusy(format);
    try {
      const { data } = await dataProvider.downloadExport(name, format, { groupBy: groupBy.join(','), filter: JSON.stringify(filter), unitView });
      notify('soquy.reports.exported', { type: 'info', messageArgs: { file: data.fileName } });
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {formats.map((format) => (
        <Button
          key={format}
          label={busy === format ? 'soquy.reports.exporting' : `soquy.reports.export_${format}`}
          onClick={() => void download(format)}
          disabled={disabled || busy !== null}
        >
          <DownloadIcon />
        </Button>
      ))}
    </>
  );
};

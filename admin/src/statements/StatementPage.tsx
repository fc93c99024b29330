import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import Link from '@mui/material/Link';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { formatDate, formatMoney } from '../format';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { currentSession } from '../providers/session';

const FIGURES = `from to ledgerClosing balanced
  opening { free earmarked goods total } closing { free earmarked goods total }
  receipts { donations voids total byMethod { method amount } byDonorType { donorType amount } }
  disbursements { gross giftReturns total inKind byCategory { category inKind amount } }
  transfersIn { total internal succession } transfersOut { total internal succession }
  earmarkedClosing { purpose amount }`;
const ROW = 'level unitId unitName validTo fundCount opening receipts disbursements transfersIn transfersOut closing';
const STATEMENT = `query FundStatement($input: StatementInput!) { fundStatement(input: $input) {
  kind unitName from to unitView balanced current { ${FIGURES} } previous { ${FIGURES} } byLevel { ${ROW} } byUnit { ${ROW} } } }`;

interface Balances { free: number; earmarked: number; goods: number; total: number }
interface Transfers { total: number; internal: number; succession: number }
interface Figures {
  opening: Balances;
  closing: Balances;
  ledgerClosing: number;
  balanced: boolean;
  receipts: { donations: number; voids: number; total: number; byMethod: { method: string | null; amount: number }[]; byDonorType: { donorType: string | null; amount: number }[] };
  disbursements: { gross: number; giftReturns: number; total: number; inKind: number; byCategory: { category: string; inKind: boolean; amount: number }[] };
  transfersIn: Transfers;
  transfersOut: Transfers;
  earmarkedClosing: { purpose: string; amount: number }[];
}
interface Row { level: string; unitId: string | null; unitName: string | null; validTo: string | null; fundCount: number; opening: number; receipts: number; disbursements: number; transfersIn: number; transfersOut: number; closing: number }
interface Statement { kind: string; unitName: string; from: string; to: string; balanced: boolean; current: Figures; previous: Figures | null; byLevel: Row[]; byUnit: Row[] }

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

interface UnitOption {
  id: string;
  name: string;
}

/** Báo cáo thu chi quỹ at #/statements: a fund or all funds of a kind in the user's unit, over a period, with last year and the roll-ups. */
export const StatementPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const year = Number(today().slice(0, 4));
  const [fundId, setFundId] = useState('');
  const [kind, setKind] = useState('GRATITUDE');
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(today());
  const [unitView, setUnitView] = useState('RECORDED');
  const [compare, setCompare] = useState(true);
  // The unit whose subtree the statement covers: the user's own unit until another is picked (or a row drilled into).
  const [unit, setUnit] = useState<UnitOption | null>(null);
  const [unitSearch, setUnitSearch] = useState('');
  const unitId = unit?.id ?? currentSession()?.user.unitId;
  const input = fundId ? { fundId, from, to, unitView, compare } : { unitId, kind, from, to, unitView, compare };
  const units = useQuery({
    queryKey: ['statementUnits', unitSearch],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (await dataProvider.getList('AdministrativeUnit', { pagination: { page: 1, perPage: 30 }, sort: { field: 'code', order: 'ASC' }, filter: unitSearch ? { q: unitSearch } : {} })).data.map(
        (u) => ({ id: String(u.id), name: String(u.nameWithType) }),
      ) as UnitOption[],
  });

  const funds = useQuery({
    queryKey: ['statementFunds'],
    queryFn: async () => (await dataProvider.getList('Fund', { pagination: { page: 1, perPage: 500 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).data as { id: string; name: string }[],
  });
  const { data, error, isPending } = useQuery({
    queryKey: ['fundStatement', input],
    placeholderData: keepPreviousData,
    enabled: from <= to,
    queryFn: async () => (await dataProvider.request<{ fundStatement: Statement }>(STATEMENT, { input })).fundStatement,
  });
  const download = (format: 'xlsx' | 'pdf') =>
    dataProvider.downloadExport('statement', format, { filter: JSON.stringify(input) }).catch((e: Error) => notify(e.message, { type: 'error' }));
  const quarter = (q: number) => {
    setFrom(`${year}-${String(q * 3 - 2).padStart(2, '0')}-01`);
    setTo(new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10));
  };
  const t = (key: string, options?: Record<string, unknown>) => translate(`soquy.statements.${key}`, options);
  const label = (prefix: string, value: string | null) => (value ? translate(`soquy.${prefix}.${value}`, { _: value }) : t('lines.walk_in'));

  const lines = (st: Statement) => {
    const out: { label: string; depth: number; pick: (f: Figures) => number }[] = [];
    const add = (key: string, depth: number, pick: (f: Figures) => number, text?: string) => out.push({ label: text ?? t(`lines.${key}`), depth, pick });
    const keys = <T,>(list: (f: Figures) => T[], key: (x: T) => string) => [...new Set([st.current, ...(st.previous ? [st.previous] : [])].flatMap((f) => list(f).map(key)))];
    add('opening', 0, (f) => f.opening.total);
    add('free', 1, (f) => f.opening.free);
    add('earmarked', 1, (f) => f.opening.earmarked);
    add('goods', 1, (f) => f.opening.goods);
    add('receipts', 0, (f) => f.receipts.total);
    add('donations', 1, (f) => f.receipts.donations);
    add('voids', 1, (f) => f.receipts.voids);
    for (const m of keys((f) => f.receipts.byMethod, (x) => x.method ?? '')) add('', 2, (f) => f.receipts.byMethod.filter((x) => (x.method ?? '') === m).reduce((s, x) => s + x.amount, 0), t('lines.method', { name: label('donationMethod', m || null) }));
    for (const d of keys((f) => f.receipts.byDonorType, (x) => x.donorType ?? '')) add('', 2, (f) => f.receipts.byDonorType.filter((x) => (x.donorType ?? '') === d).reduce((s, x) => s + x.amount, 0), t('lines.donor_type', { name: label('donorType', d || null) }));
    add('disbursements', 0, (f) => f.disbursements.total);
    add('gross', 1, (f) => f.disbursements.gross);
    add('gift_returns', 1, (f) => f.disbursements.giftReturns);
    for (const c of keys((f) => f.disbursements.byCategory, (x) => `${x.category}|${x.inKind}`)) {
      const [category, inKind] = c.split('|');
      add('', 2, (f) => f.disbursements.byCategory.filter((x) => `${x.category}|${x.inKind}` === c).reduce((s, x) => s + x.amount, 0), `${label('disbursementCategory', category!)}${inKind === 'true' ? ` (${t('lines.goods')})` : ''}`);
    }
    add('transfers_in', 0, (f) => f.transfersIn.total);
    add('internal', 1, (f) => f.transfersIn.internal);
    add('succession', 1, (f) => f.transfersIn.succession);
    add('transfers_out', 0, (f) => f.transfersOut.total);
    add('internal', 1, (f) => f.transfersOut.internal);
    add('succession', 1, (f) => f.transfersOut.succession);
    add('closing', 0, (f) => f.closing.total);
    add('free', 1, (f) => f.closing.free);
    add('earmarked', 1, (f) => f.closing.earmarked);
    for (const p of keys((f) => f.earmarkedClosing, (x) => x.purpose)) add('', 2, (f) => f.earmarkedClosing.filter((x) => x.purpose === p).reduce((s, x) => s + x.amount, 0), label('programCategory', p));
    add('goods', 1, (f) => f.closing.goods);
    return out;
  };

  const rowName = (r: Row) => (r.unitName ? `${r.unitName}${r.validTo ? ` (${t('until', { date: formatDate(r.validTo) })})` : ''}` : t(`level_${r.level}`));
  const rowsTable = (title: string, rows: Row[], testId: string) => {
    const columns: [string, (r: Row) => number][] = [
      ['opening', (r) => r.opening],
      ['receipts', (r) => r.receipts],
      ['disbursements', (r) => r.disbursements],
      ['transfers_in', (r) => r.transfersIn],
      ['transfers_out', (r) => r.transfersOut],
      ['closing', (r) => r.closing],
    ];
    return (
      <>
        <Typography variant="subtitle1" component="h3" sx={{ mt: 3 }}>
          {title}
        </Typography>
        <Table size="small" data-testid={testId} aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell align="right">{t('funds')}</TableCell>
              {columns.map(([key]) => (
                <TableCell key={key} align="right">{t(key)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.level}-${r.unitId ?? ''}`}>
                <TableCell>
                  {r.unitName && r.unitId && !fundId && r.unitId !== unitId ? (
                    <Link component="button" variant="body2" onClick={() => setUnit({ id: r.unitId!, name: r.unitName! })} title={t('drill_down')}>
                      {rowName(r)}
                    </Link>
                  ) : (
                    rowName(r)
                  )}
                </TableCell>
                <TableCell align="right">{r.fundCount}</TableCell>
                {columns.map(([key, pick]) => (
                  <TableCell key={key} align="right">{formatMoney(pick(r))}</TableCell>
                ))}
              </TableRow>
            ))}
            <TableRow>
              <TableCell sx={{ fontWeight: 'bold' }}>{t('total')}</TableCell>
              <TableCell align="right">{rows.reduce((s, r) => s + r.fundCount, 0)}</TableCell>
              {columns.map(([key, pick]) => (
                <TableCell key={key} align="right" sx={{ fontWeight: 'bold' }}>{formatMoney(rows.reduce((s, r) => s + pick(r), 0))}</TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </>
    );
  };

  return (
    <Card sx={{ mt: 2, mb: 4 }} data-testid="fund-statement">
      <Title title="soquy.statements.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {t('title')}
        </Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
          <TextField select size="small" fullWidth={false} label={t('fund')} value={fundId} onChange={(e) => setFundId(e.target.value)} sx={{ minWidth: 280 }} slotProps={{ htmlInput: { 'data-testid': 'statement-fund' } }}>
            <MenuItem value="">{t('scope_unit')}</MenuItem>
            {(funds.data ?? []).map((f) => (
              <MenuItem key={f.id} value={f.id}>{f.name}</MenuItem>
            ))}
          </TextField>
          {!fundId && (
            <Autocomplete
              size="small"
              sx={{ minWidth: 280 }}
              options={units.data ?? []}
              value={unit}
              onChange={(_e, value) => setUnit(value)}
              onInputChange={(_e, value, reason) => reason === 'input' && setUnitSearch(value)}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              getOptionLabel={(o) => o.name}
              filterOptions={(x) => x}
              renderInput={(params) => <TextField {...params} fullWidth={false} label={t('unit')} placeholder={t('my_unit')} />}
              data-testid="statement-unit"
            />
          )}
          {!fundId && (
            <TextField select size="small" fullWidth={false} label={t('kind')} value={kind} onChange={(e) => setKind(e.target.value)} sx={{ minWidth: 220 }}>
              {['GRATITUDE', 'CHILD_PROTECTION'].map((k) => (
                <MenuItem key={k} value={k}>{t(`kind_${k}`)}</MenuItem>
              ))}
            </TextField>
          )}
          <TextField size="small" fullWidth={false} type="date" label={t('from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField size="small" fullWidth={false} type="date" label={t('to')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField select size="small" fullWidth={false} label={t('unit_view')} value={unitView} onChange={(e) => setUnitView(e.target.value)} sx={{ minWidth: 200 }}>
            {['RECORDED', 'MAPPED'].map((v) => (
              <MenuItem key={v} value={v}>{t(`view_${v}`)}</MenuItem>
            ))}
          </TextField>
          <FormControlLabel control={<Checkbox checked={compare} onChange={(e) => setCompare(e.target.checked)} />} label={t('compare')} />
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
          <Button size="small" onClick={() => { setFrom(`${year}-01-01`); setTo(today()); }}>{t('this_year')}</Button>
          <Button size="small" onClick={() => { setFrom(`${year - 1}-01-01`); setTo(`${year - 1}-12-31`); }}>{t('last_year')}</Button>
          {[1, 2, 3, 4].map((q) => (
            <Button key={q} size="small" onClick={() => quarter(q)}>{t('quarter', { quarter: q })}</Button>
          ))}
          <Button size="small" variant="outlined" onClick={() => void download('xlsx')} disabled={!data}>{t('xlsx')}</Button>
          <Button size="small" variant="outlined" onClick={() => void download('pdf')} disabled={!data}>{t('pdf')}</Button>
        </Stack>
        {error ? (
          <Alert severity="error">{error instanceof Error ? translate(error.message, { _: error.message }) : translate('ra.notification.http_error')}</Alert>
        ) : isPending || !data ? (
          <Typography variant="body2" color="text.secondary">{translate('ra.page.loading')}</Typography>
        ) : (
          <>
            <Alert severity={data.balanced ? 'success' : 'error'} sx={{ mb: 2 }} data-testid="statement-balanced">
              {data.balanced ? t('balanced') : t('not_balanced')}
            </Alert>
            <Typography variant="subtitle1">{`${data.unitName}: ${formatDate(data.from)} – ${formatDate(data.to)}`}</Typography>
            <Table size="small" data-testid="statement-lines" aria-label={t('title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('line')}</TableCell>
                  <TableCell align="right">{t('current')}</TableCell>
                  {data.previous && <TableCell align="right">{t('previous')}</TableCell>}
                  {data.previous && <TableCell align="right">{t('change')}</TableCell>}
                </TableRow>
              </TableHead>
              <TableBody>
                {lines(data).map((l, i) => (
                  <TableRow key={i}>
                    <TableCell sx={{ pl: 2 + l.depth * 2, fontWeight: l.depth === 0 ? 'bold' : undefined }}>{l.label}</TableCell>
                    <TableCell align="right" sx={{ fontWeight: l.depth === 0 ? 'bold' : undefined }}>{formatMoney(l.pick(data.current))}</TableCell>
                    {data.previous && <TableCell align="right">{formatMoney(l.pick(data.previous))}</TableCell>}
                    {data.previous && <TableCell align="right">{formatMoney(l.pick(data.current) - l.pick(data.previous))}</TableCell>}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {rowsTable(t('by_level'), data.byLevel, 'statement-by-level')}
            {rowsTable(t('by_unit'), data.byUnit, 'statement-by-unit')}
          </>
        )}
      </CardContent>
    </Card>
  );
};

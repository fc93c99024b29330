import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button as RaButton, Title, useCanAccess, useDataProvider, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatMoney, formatWholeNumber } from '../format';
import type { DonationImportReport, SoQuyDataProvider } from '../providers/dataProvider';

interface FundOption {
  id: string;
  name: string;
}

/** Errors shown on the page (the report lists up to 200, all are counted). */
const SHOWN_ERRORS = 50;

/** "Nhập sao kê" button of the donation list, for those who may record donations. */
export const DonationImportButton = () => {
  const { canAccess } = useCanAccess({ resource: 'Donation', action: 'create' });
  if (!canAccess) return null;
  return (
    <RaButton component={Link} to="/Donation/import" label="soquy.donationImport.button">
      <UploadFileIcon />
    </RaButton>
  );
};

const Counts = ({ report }: { report: DonationImportReport }) => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`soquy.donationImport.${key}`, options);
  const rows: [string, string, string][] = [
    ['rows', formatWholeNumber(report.rows), 'count-rows'],
    [report.committed ? 'imported' : 'ok', `${formatWholeNumber(report.ok)} (${formatMoney(report.okAmount)})`, 'count-ok'],
    ['already_imported', formatWholeNumber(report.alreadyImported), 'count-already'],
    ['errors', formatWholeNumber(report.errorCount), 'count-errors'],
  ];
  return (
    <Table size="small" sx={{ maxWidth: 560, mb: 2 }}>
      <TableBody>
        {rows.map(([key, value, id]) => (
          <TableRow key={key}>
            <TableCell>{t(key)}</TableCell>
            <TableCell align="right" data-testid={id}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Errors = ({ report }: { report: DonationImportReport }) => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`soquy.donationImport.${key}`, options);
  if (report.errorCount === 0) return null;
  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 1 }}>
        {t('first_errors', { shown: Math.min(SHOWN_ERRORS, report.errors.length), count: report.errorCount })}
      </Typography>
      <Table size="small" data-testid="import-errors">
        <TableHead>
          <TableRow>
            <TableCell>{t('line')}</TableCell>
            <TableCell>{t('reference')}</TableCell>
            <TableCell>{t('problem')}</TableCell>
            <TableCell>{t('detail')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {report.errors.slice(0, SHOWN_ERRORS).map((e) => (
            <TableRow key={`${e.line}-${e.code}`}>
              <TableCell>{e.line}</TableCell>
              <TableCell>{e.reference ?? '—'}</TableCell>
              <TableCell>{t(`code_${e.code}`)}</TableCell>
              <TableCell>{e.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};

/**
 * Nhập sao kê ngân hàng (#/Donation/import): pick a fund, choose the bank statement (CSV), read the
 * server's validation report (counts, the first errors with their line numbers), confirm, and see
 * what was recorded, with a link to the fund's receipts. Importing the same file again records
 * nothing twice: those rows are counted as already imported.
 */
export const DonationImport = () => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`soquy.donationImport.${key}`, options);
  const [search, setSearch] = useState('');
  const [fund, setFund] = useState<FundOption | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<DonationImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const funds = useQuery({
    queryKey: ['importFunds', search],
    queryFn: async () =>
      (await dataProvider.getList('Fund', { pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'ASC' }, filter: search ? { q: search } : {} })).data.map((f) => ({
        id: String(f.id),
        name: String(f.name),
      })) as FundOption[],
  });

  const run = async (step: 'preview' | 'commit') => {
    if (!fund || !file) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await dataProvider.importDonations(step, fund.id, file));
    } catch (e) {
      setError(translate(e instanceof Error ? e.message : 'ra.notification.http_error', { _: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setReport(null);
    setError(null);
  };
  const donationsLink = fund ? `/Donation?${new URLSearchParams({ filter: JSON.stringify({ fundId: fund.id, method: 'BANK_TRANSFER' }), sort: 'receivedOn', order: 'DESC' }).toString()}` : '/Donation';

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="soquy.donationImport.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {t('title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>{t('help')}</Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
          <Autocomplete
            size="small"
            sx={{ minWidth: 360 }}
            options={funds.data ?? []}
            value={fund}
            onChange={(_e, value) => {
              setFund(value);
              reset();
            }}
            onInputChange={(_e, value, reason) => reason === 'input' && setSearch(value)}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            getOptionLabel={(o) => o.name}
            filterOptions={(x) => x}
            renderInput={(params) => <TextField {...params} label={t('fund')} />}
            data-testid="import-fund"
          />
          <Button variant="outlined" component="label" startIcon={<UploadFileIcon />}>
            {file ? file.name : t('choose_file')}
            <input
              hidden
              type="file"
              accept=".csv,text/csv,text/plain"
              data-testid="import-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
          </Button>
          <Button variant="contained" disabled={!fund || !file || busy} onClick={() => run('preview')} data-testid="import-check">
            {t('check')}
          </Button>
        </Stack>
        {error && <Alert severity="error" sx={{ mb: 2 }} data-testid="import-error">{error}</Alert>}
        {report && (
          <div data-testid="import-report">
            <Alert severity={report.committed ? 'success' : report.errorCount ? 'warning' : 'info'} sx={{ mb: 2 }}>
              {report.committed
                ? report.ok
                  ? t('done', { count: formatWholeNumber(report.ok), first: report.firstReceipt, last: report.lastReceipt, fund: report.fundName })
                  : t('done_nothing')
                : t('checked', { fund: report.fundName })}
            </Alert>
            <Counts report={report} />
            <Errors report={report} />
            <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
              {!report.committed && (
                <Button variant="contained" color="primary" disabled={busy || report.ok === 0} onClick={() => run('commit')} data-testid="import-commit">
                  {t('confirm', { count: formatWholeNumber(report.ok) })}
                </Button>
              )}
              {report.committed && (
                <Button component={Link} to={donationsLink} variant="outlined" data-testid="import-donations-link">
                  {t('see_donations')}
                </Button>
              )}
            </Stack>
          </div>
        )}
      </CardContent>
    </Card>
  );
};

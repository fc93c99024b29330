import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Title, useDataProvider, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { todayInVietnam } from '../format';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { MonthlyChart } from './MonthlyChart';
import { Audit, Balances, ChildSupport, hasPendingSteps, Housing, Memorial, Pending, Recent, Section, TopDonors } from './sections';
import { DASHBOARD_QUERY, type DashboardData } from './types';

type SectionName = 'balances' | 'chart' | 'pending' | 'topDonors' | 'housing' | 'memorial' | 'childSupport' | 'recent' | 'audit';

/**
 * What each role looks at first (the server answers null for a section a role may not read, and
 * those are left out whatever the order): a fund manager the money and what waits for them; a
 * grant officer the programs and their steps; an inspector the money and the recent activity; an
 * administrator that too, with the audit trail.
 */
const layouts: Record<string, SectionName[]> = {
  FUND_MANAGER: ['balances', 'chart', 'pending', 'topDonors', 'housing', 'memorial', 'childSupport', 'recent'],
  GRANT_OFFICER: ['housing', 'memorial', 'childSupport', 'pending', 'balances', 'chart', 'recent', 'topDonors'],
  INSPECTOR: ['balances', 'chart', 'recent', 'topDonors', 'housing', 'memorial', 'childSupport', 'audit'],
  ADMIN: ['balances', 'chart', 'recent', 'audit', 'housing', 'memorial', 'childSupport', 'topDonors'],
};
/** Wide sections take the whole row. */
const wide = new Set<SectionName>(['balances', 'chart', 'recent', 'audit']);

const FIRST_YEAR = 2015;

/** The console's home page (<Admin dashboard>): live figures of the user's scope for a year. */
export const Dashboard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const { identity } = useGetIdentity();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, error, isPending, refetch } = useQuery({
    queryKey: ['dashboard', year],
    placeholderData: keepPreviousData,
    // Always fresh on arrival: a receipt recorded a moment ago shows at once.
    staleTime: 0,
    refetchOnMount: 'always',
    queryFn: async () => (await dataProvider.request<{ dashboard: DashboardData }>(DASHBOARD_QUERY, { year })).dashboard,
  });
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const role = String((identity as { role?: string } | undefined)?.role ?? 'INSPECTOR');
  const order = layouts[role] ?? layouts.INSPECTOR!;

  const render = (name: SectionName, d: DashboardData): ReactNode => {
    switch (name) {
      case 'balances':
        return d.balances && (
          <Section id="balances" title={translate('soquy.dashboard.balances')}>
            <Balances balances={d.balances} />
          </Section>
        );
      case 'chart':
        return d.monthly && (
          <Section id="chart" title={translate('soquy.dashboard.chart', { year: d.year })}>
            <MonthlyChart months={d.monthly} year={d.year} locale={locale} />
          </Section>
        );
      case 'pending':
        return hasPendingSteps(d.pendingApprovals) ? (
          <Section id="pending" title={translate('soquy.dashboard.pending')}>
            <Pending pending={d.pendingApprovals} />
          </Section>
        ) : null;
      case 'topDonors':
        return d.topDonors && (
          <Section id="top-donors" title={translate('soquy.dashboard.top_donors', { year: d.year })}>
            <TopDonors donors={d.topDonors} />
          </Section>
        );
      case 'housing':
        return d.housing && (
          <Section id="housing" title={translate('soquy.dashboard.housing')}>
            <Housing housing={d.housing} />
          </Section>
        );
      case 'memorial':
        return d.memorial && (
          <Section id="memorial" title={translate('soquy.dashboard.memorial')}>
            <Memorial memorial={d.memorial} />
          </Section>
        );
      case 'childSupport':
        return d.childSupport && (
          <Section id="child-support" title={translate('soquy.dashboard.child_support', { year: d.year })}>
            <ChildSupport support={d.childSupport} year={d.year} />
          </Section>
        );
      case 'recent':
        return d.recentTransactions && (
          <Section id="recent" title={translate('soquy.dashboard.recent')}>
            <Recent transactions={d.recentTransactions} />
          </Section>
        );
      case 'audit':
        return d.auditEvents && (
          <Section id="audit" title={translate('soquy.dashboard.audit')}>
            <Audit events={d.auditEvents} />
          </Section>
        );
    }
  };

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }} data-testid="dashboard">
      <Title title="soquy.dashboard.title" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1, whiteSpace: 'nowrap' }}>
          {translate('soquy.dashboard.title')}
        </Typography>
        <TextField select size="small" label={translate('soquy.dashboard.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ minWidth: 120 }}>
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {error ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void refetch()}>
              {translate('soquy.dashboard.retry')}
            </Button>
          }
        >
          {translate('soquy.dashboard.failed', { message: error instanceof Error ? translate(error.message, { _: error.message }) : '' })}
        </Alert>
      ) : isPending || !data ? (
        <Typography variant="body2" color="text.secondary" role="status">
          {translate('soquy.dashboard.loading')}
        </Typography>
      ) : (
        <Grid container spacing={2}>
          {order.map((name) => {
            const content = render(name, data);
            return content ? (
              <Grid key={name} size={{ xs: 12, lg: wide.has(name) ? 12 : 6 }}>
                {content}
              </Grid>
            ) : null;
          })}
        </Grid>
      )}
    </Stack>
  );
};

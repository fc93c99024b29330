import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { formatDate, formatDateTime, formatMoney, formatWholeNumber } from '../format';
import { pendingGroups, type DashboardData, type PendingGroupName } from './types';

/** A list of a resource filtered as given: `#/Disbursement?filter={"status":["SUBMITTED"]}`. */
export const listUrl = (resource: string, filter: Record<string, unknown>) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

const To = ({ to, children }: { to: string; children: ReactNode }) => (
  <Link component={RouterLink} to={to} underline="hover">
    {children}
  </Link>
);

export const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Card component="section" aria-labelledby={`dashboard-${id}-title`} data-testid={`dashboard-${id}`} sx={{ height: '100%' }}>
    <CardContent>
      <Typography variant="h6" component="h2" id={`dashboard-${id}-title`} gutterBottom>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('soquy.dashboard.nothing')}
    </Typography>
  );
};

export const Balances = ({ balances }: { balances: NonNullable<DashboardData['balances']> }) => {
  const translate = useTranslate();
  if (!balances.length) return <Empty />;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      {balances.map((b) => (
        <Stack key={b.kind} spacing={0.5} sx={{ flex: 1 }} data-testid={`balance-${b.kind}`}>
          <Typography variant="subtitle1" component="h3">
            <To to={listUrl('Fund', { kind: b.kind })}>{translate(`soquy.fundKind.${b.kind}`, { _: b.kind })}</To>
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {translate('soquy.dashboard.funds_count', { count: formatWholeNumber(b.fundCount) })}
          </Typography>
          <Typography variant="h5" component="p" data-testid={`balance-${b.kind}-total`}>
            {formatMoney(b.total)}
          </Typography>
          <Typography variant="body2">
            {translate('soquy.dashboard.free_cash')}: {formatMoney(b.freeCash)}
          </Typography>
          <Typography variant="body2">
            {translate('soquy.dashboard.earmarked_cash')}: {formatMoney(b.earmarkedCash)}
          </Typography>
          <Typography variant="body2">
            {translate('soquy.dashboard.goods')}: {formatMoney(b.goods)}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
};

const pendingTarget: Record<PendingGroupName, { resource: string; status: string }> = {
  disbursementsToApprove: { resource: 'Disbursement', status: 'SUBMITTED' },
  disbursementsToPay: { resource: 'Disbursement', status: 'APPROVED' },
  housingToVerify: { resource: 'HousingGrant', status: 'APPLIED' },
  housingToApprove: { resource: 'HousingGrant', status: 'VERIFIED' },
  memorialToApprove: { resource: 'MemorialWork', status: 'PLANNED' },
  surgeryToApprove: { resource: 'SurgeryCase', status: 'REFERRED' },
};

/** True when the user may take at least one of the pending steps (an inspector takes none). */
export const hasPendingSteps = (pending: DashboardData['pendingApprovals']) => pendingGroups.some((name) => pending[name] !== null);

export const Pending = ({ pending }: { pending: DashboardData['pendingApprovals'] }) => {
  const translate = useTranslate();
  const groups = pendingGroups.filter((name) => pending[name] !== null);
  if (groups.every((name) => pending[name]!.count === 0)) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('soquy.dashboard.pending_none')}
      </Typography>
    );
  }
  // A surgery case is named by its condition and hospital: "CONGENITAL_HEART — Bệnh viện…".
  const label = (name: PendingGroupName, text: string) => {
    if (name !== 'surgeryToApprove') return text;
    const [condition, ...rest] = text.split(' — ');
    return [translate(`soquy.surgery.condition.${condition}`, { _: condition }), ...rest].join(' — ');
  };
  return (
    <Stack spacing={1}>
      {groups
        .filter((name) => pending[name]!.count > 0)
        .map((name) => {
          const group = pending[name]!;
          const target = pendingTarget[name];
          return (
            <div key={name} data-testid={`pending-${name}`}>
              <Typography variant="subtitle2" component="h3">
                {translate(`soquy.dashboard.pending_group.${name}`)}:{' '}
                <To to={listUrl(target.resource, { status: [target.status] })}>{translate('soquy.dashboard.see_all', { count: formatWholeNumber(group.count) })}</To>
              </Typography>
              <List dense disablePadding>
                {group.items.map((item) => (
                  <ListItem key={item.id} disableGutters>
                    <ListItemText
                      primary={<To to={`/${target.resource}/${item.id}/show`}>{label(name, item.label)}</To>}
                      secondary={`${item.amount !== null ? `${formatMoney(item.amount)} · ` : ''}${translate('soquy.dashboard.since', { date: formatDate(item.since) })}`}
                    />
                  </ListItem>
                ))}
              </List>
            </div>
          );
        })}
    </Stack>
  );
};

export const TopDonors = ({ donors }: { donors: NonNullable<DashboardData['topDonors']> }) => {
  const translate = useTranslate();
  if (!donors.length) return <Empty />;
  return (
    <Table size="small" data-testid="top-donors-table">
      <TableBody>
        {donors.map((d) => (
          <TableRow key={d.rank}>
            <TableCell>{d.rank}</TableCell>
            <TableCell>
              {d.donorId ? <To to={`/Donor/${d.donorId}/show`}>{d.name}</To> : d.name}
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                {d.walkIn ? translate('soquy.dashboard.walk_in') : translate(`soquy.donorType.${d.donorType}`, { _: d.donorType ?? '' })} ·{' '}
                {translate('soquy.dashboard.donations_count', { count: formatWholeNumber(d.donationCount) })}
              </Typography>
            </TableCell>
            <TableCell align="right">{formatMoney(d.amount)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const Housing = ({ housing }: { housing: NonNullable<DashboardData['housing']> }) => {
  const translate = useTranslate();
  return (
    <Table size="small" data-testid="housing-table">
      <TableHead>
        <TableRow>
          <TableCell>{translate('soquy.dashboard.status')}</TableCell>
          <TableCell align="right">{translate('soquy.dashboard.count')}</TableCell>
          <TableCell align="right">{translate('soquy.dashboard.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {housing.map((h) => (
          <TableRow key={h.status}>
            <TableCell>
              <To to={listUrl('HousingGrant', { status: [h.status] })}>{translate(`soquy.housing.status.${h.status}`, { _: h.status })}</To>
            </TableCell>
            <TableCell align="right">{formatWholeNumber(h.count)}</TableCell>
            <TableCell align="right">{formatMoney(h.amount)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const Memorial = ({ memorial }: { memorial: NonNullable<DashboardData['memorial']> }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1}>
      <Table size="small" data-testid="memorial-table">
        <TableBody>
          {memorial.byStatus.map((m) => (
            <TableRow key={m.status}>
              <TableCell>
                <To to={listUrl('MemorialWork', { status: [m.status] })}>{translate(`soquy.memorial.status.${m.status}`, { _: m.status })}</To>
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                  {translate('soquy.dashboard.average_progress', { progress: m.averageProgress.toLocaleString('vi-VN') })}
                </Typography>
              </TableCell>
              <TableCell align="right">{formatWholeNumber(m.count)}</TableCell>
              <TableCell align="right">{formatMoney(m.supportAmount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle2" component="h3">
        {translate('soquy.dashboard.progress_bands')}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {memorial.progressBands.map((b) => (
          <Typography key={b.from} variant="body2">
            {b.from === b.to ? `${b.to}%` : `${b.from}–${b.to}%`}: <strong>{formatWholeNumber(b.count)}</strong>
          </Typography>
        ))}
      </Stack>
    </Stack>
  );
};

export const ChildSupport = ({ support, year }: { support: NonNullable<DashboardData['childSupport']>; year: number }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2" component="h3">
        {translate('soquy.dashboard.gifts')}
      </Typography>
      {support.gifts.length ? (
        support.gifts.map((g) => (
          <Typography key={g.occasion} variant="body2">
            <To to={listUrl('GiftCampaign', { year, occasion: g.occasion })}>{translate(`soquy.gifts.occasion.${g.occasion}`, { _: g.occasion })}</To>:{' '}
            {translate('soquy.dashboard.gift_line', { campaigns: formatWholeNumber(g.campaigns), children: formatWholeNumber(g.children) })}, {formatMoney(g.amount)}
          </Typography>
        ))
      ) : (
        <Empty />
      )}
      <Typography variant="subtitle2" component="h3">
        <To to={listUrl('Scholarship', { schoolYear: support.scholarships.schoolYear })}>
          {translate('soquy.dashboard.scholarships', { schoolYear: support.scholarships.schoolYear })}
        </To>
      </Typography>
      <Typography variant="body2">
        {translate('soquy.dashboard.scholarship_line', { count: formatWholeNumber(support.scholarships.count) })}, {formatMoney(support.scholarships.amount)}
      </Typography>
      <Typography variant="subtitle2" component="h3">
        {translate('soquy.dashboard.surgery')}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {support.surgery
          .filter((s) => s.count > 0)
          .map((s) => (
            <Typography key={s.status} variant="body2">
              <To to={listUrl('SurgeryCase', { year, status: [s.status] })}>{translate(`soquy.surgery.status.${s.status}`, { _: s.status })}</To>: {formatWholeNumber(s.count)} (
              {formatMoney(s.support)})
            </Typography>
          ))}
      </Stack>
    </Stack>
  );
};

export const Recent = ({ transactions }: { transactions: NonNullable<DashboardData['recentTransactions']> }) => {
  const translate = useTranslate();
  if (!transactions.length) return <Empty />;
  return (
    <Table size="small" data-testid="recent-table">
      <TableHead>
        <TableRow>
          <TableCell>{translate('soquy.dashboard.date')}</TableCell>
          <TableCell>{translate('soquy.dashboard.fund')}</TableCell>
          <TableCell>{translate('soquy.dashboard.description')}</TableCell>
          <TableCell align="right">{translate('soquy.dashboard.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {transactions.map((t) => (
          <TableRow key={t.id}>
            <TableCell>{formatDate(t.occurredOn)}</TableCell>
            <TableCell>
              <To to={`/Fund/${t.fundId}/show`}>{t.fundName}</To>
            </TableCell>
            <TableCell>
              <span title={t.description}>{t.description.length > 140 ? `${t.description.slice(0, 139)}…` : t.description}</span>
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                {translate(`soquy.ledgerKind.${t.kind}`, { _: t.kind })}
              </Typography>
            </TableCell>
            <TableCell align="right">{formatMoney(t.amount)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const Audit = ({ events }: { events: NonNullable<DashboardData['auditEvents']> }) => {
  const translate = useTranslate();
  if (!events.length) return <Empty />;
  return (
    <Table size="small" data-testid="audit-table">
      <TableHead>
        <TableRow>
          <TableCell>{translate('soquy.dashboard.at')}</TableCell>
          <TableCell>{translate('soquy.dashboard.user')}</TableCell>
          <TableCell>{translate('soquy.dashboard.operation')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {events.map((e) => (
          <TableRow key={e.id}>
            <TableCell>
              <To to={`/AuditEvent/${e.id}/show`}>{formatDateTime(e.at)}</To>
            </TableCell>
            <TableCell>{e.userEmail ?? ''}</TableCell>
            <TableCell>
              {e.operation}
              {e.targetType ? ` · ${e.targetType} ${e.targetId ?? ''}` : ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

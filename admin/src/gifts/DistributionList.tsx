import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import PrintIcon from '@mui/icons-material/Print';
import UndoIcon from '@mui/icons-material/Undo';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useCanAccess, useGetMany, useTranslate } from 'react-admin';
import { formatDate, formatMoney, formatWholeNumber } from '../format';
import { NO_PRINT_CLASS } from '../print';
import type { AdministrativeUnit, Disbursement } from '../types';
import { giftRecipientStatusChoices, giftRecipientStatusColors } from './choices';
import { GiftStepDialog, type GiftStep } from './GiftStepDialogs';
import { SignatureList } from './SignatureList';
import type { GiftCampaign, GiftRecipient, GiftRecipientStatus } from './types';
import { useRecipients } from './useRecipients';

const ALL = '';

/**
 * The distribution list (danh sách ký nhận) of a campaign on screen: a commune and a status to
 * show, one line per child (number, name, year of birth, the guardian who signs, amount, status);
 * the pending lines of a paid batch can be checked and marked handed over (Đã trao) or returned
 * to the fund (Hoàn quỹ). "In danh sách" prints the commune's list to be signed.
 */
export const DistributionList = ({ campaign }: { campaign: GiftCampaign }) => {
  const translate = useTranslate();
  const { canAccess: mayHandOver } = useCanAccess({ resource: 'GiftCampaign', action: 'handOver' });
  const { canAccess: mayReturn } = useCanAccess({ resource: 'GiftCampaign', action: 'return' });
  const [unitId, setUnitId] = useState<string>(ALL);
  const [status, setStatus] = useState<GiftRecipientStatus | typeof ALL>(ALL);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<GiftStep | null>(null);

  // Every line, for the communes to choose from and the printed list; the lines shown, filtered by the server.
  const { data: everyLine } = useRecipients(String(campaign.id));
  const { data: lines, isPending } = useRecipients(String(campaign.id), unitId || null, status || null);
  const communeIds = useMemo(() => [...new Set((everyLine ?? []).map((line) => line.unitId))], [everyLine]);
  const { data: communes } = useGetMany<AdministrativeUnit>('AdministrativeUnit', { ids: communeIds }, { enabled: communeIds.length > 0 });
  const { data: batches } = useGetMany<Disbursement>('Disbursement', { ids: campaign.disbursementIds }, { enabled: campaign.disbursementIds.length > 0 });
  const communeName = (id: string) => communes?.find((unit) => String(unit.id) === id)?.nameWithType ?? id;
  const countIn = (id: string) => (everyLine ?? []).filter((line) => line.unitId === id).length;

  const shown = lines ?? [];
  const selectable = (line: GiftRecipient) => line.status === 'PENDING' && (mayHandOver || mayReturn);
  const pendingShown = shown.filter(selectable);
  const chosen = shown.filter((line) => selected.has(line.id) && selectable(line));
  const unpaidBatch = (batches ?? []).some((batch) => batch.status !== 'PAID');
  const printed = (everyLine ?? []).filter((line) => unitId === ALL || line.unitId === unitId);

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const toggleAll = () => setSelected(chosen.length === pendingShown.length ? new Set() : new Set(pendingShown.map((line) => line.id)));

  const print = () => window.print();

  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Box className={NO_PRINT_CLASS}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
          <FormControl size="small" sx={{ minWidth: 280 }}>
            <InputLabel id="gift-commune-label">{translate('soquy.gifts.list.commune')}</InputLabel>
            <Select
              labelId="gift-commune-label"
              label={translate('soquy.gifts.list.commune')}
              value={unitId}
              onChange={(event) => {
                setUnitId(event.target.value);
                setSelected(new Set());
              }}
              data-testid="gift-commune-select"
            >
              <MenuItem value={ALL}>{translate('soquy.gifts.list.all_communes', { count: formatWholeNumber(everyLine?.length ?? 0) })}</MenuItem>
              {communeIds.map((id) => (
                <MenuItem key={id} value={id}>
                  {communeName(id)} ({formatWholeNumber(countIn(id))})
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl size="small" sx={{ minWidth: 200 }}>
            <InputLabel id="gift-status-label">{translate('soquy.gifts.list.status')}</InputLabel>
            <Select
              labelId="gift-status-label"
              label={translate('soquy.gifts.list.status')}
              value={status}
              onChange={(event) => {
                setStatus(event.target.value as GiftRecipientStatus | typeof ALL);
                setSelected(new Set());
              }}
            >
              <MenuItem value={ALL}>{translate('soquy.gifts.list.all_statuses')}</MenuItem>
              {giftRecipientStatusChoices.map((choice) => (
                <MenuItem key={choice.id} value={choice.id}>
                  {translate(choice.name)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <Button variant="outlined" startIcon={<PrintIcon />} onClick={print} disabled={printed.length === 0}>
            {translate('soquy.gifts.list.print')}
          </Button>
          {mayHandOver && (
            <Button variant="contained" color="success" startIcon={<CheckCircleIcon />} disabled={chosen.length === 0} onClick={() => setDialog('handOver')}>
              {translate('soquy.gifts.action.handOver')}
            </Button>
          )}
          {mayReturn && (
            <Button variant="outlined" color="warning" startIcon={<UndoIcon />} disabled={chosen.length === 0} onClick={() => setDialog('return')}>
              {translate('soquy.gifts.action.return')}
            </Button>
          )}
          {(mayHandOver || mayReturn) && (
            <Typography variant="body2" color="text.secondary" data-testid="gift-selected-count">
              {translate('soquy.gifts.list.selected', { count: formatWholeNumber(chosen.length) })}
            </Typography>
          )}
        </Stack>
        {unpaidBatch && (mayHandOver || mayReturn) && (
          <Alert severity="info" sx={{ mb: 2 }} data-testid="gift-batch-unpaid">
            {translate('soquy.gifts.list.batch_unpaid')}
          </Alert>
        )}
        <Table size="small" data-testid="gift-recipients" aria-label={translate('soquy.gifts.list.title')}>
          <TableHead>
            <TableRow>
              {(mayHandOver || mayReturn) && (
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={pendingShown.length > 0 && chosen.length === pendingShown.length}
                    indeterminate={chosen.length > 0 && chosen.length < pendingShown.length}
                    disabled={pendingShown.length === 0}
                    onChange={toggleAll}
                    slotProps={{ input: { 'aria-label': translate('soquy.gifts.list.select_all') } }}
                  />
                </TableCell>
              )}
              <TableCell>{translate('soquy.gifts.list.number')}</TableCell>
              <TableCell>{translate('soquy.gifts.list.child')}</TableCell>
              <TableCell>{translate('soquy.gifts.list.birth_year')}</TableCell>
              <TableCell>{translate('soquy.gifts.list.guardian')}</TableCell>
              <TableCell>{translate('soquy.gifts.list.commune')}</TableCell>
              <TableCell align="right">{translate('soquy.gifts.list.amount')}</TableCell>
              <TableCell>{translate('soquy.gifts.list.status')}</TableCell>
              <TableCell>{translate('soquy.gifts.list.signature')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((line, index) => (
              <TableRow key={line.id} hover selected={selected.has(line.id)} data-testid="gift-recipient-row">
                {(mayHandOver || mayReturn) && (
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={selected.has(line.id) && selectable(line)}
                      disabled={!selectable(line)}
                      onChange={() => toggle(line.id)}
                      slotProps={{ input: { 'aria-label': line.childName } }}
                    />
                  </TableCell>
                )}
                <TableCell>{index + 1}</TableCell>
                <TableCell>{line.childName}</TableCell>
                <TableCell>{line.birthYear}</TableCell>
                <TableCell>{line.guardianName}</TableCell>
                <TableCell>{communeName(line.unitId)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(line.amount)}
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant="filled"
                    color={giftRecipientStatusColors[line.status]}
                    label={translate(`soquy.gifts.status.${line.status}`)}
                    title={line.returnReason ?? undefined}
                  />
                  {line.closedOn && (
                    <Typography variant="caption" component="div" color="text.secondary">
                      {formatDate(line.closedOn)}
                      {line.returnReason ? ` — ${line.returnReason}` : ''}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ minWidth: 120 }} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!isPending && shown.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
            {translate('soquy.gifts.list.empty')}
          </Typography>
        )}
      </Box>
      <SignatureList campaign={campaign} communeName={unitId === ALL ? translate('soquy.gifts.print.all_communes') : communeName(unitId)} lines={printed} />
      {dialog && (
        <GiftStepDialog
          step={dialog}
          campaignId={String(campaign.id)}
          recipientIds={chosen.map((line) => line.id)}
          onClose={() => setDialog(null)}
          onDone={() => setSelected(new Set())}
        />
      )}
    </Box>
  );
};

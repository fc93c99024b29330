import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatDateTime, formatMoney } from '../format';
import type { AdministrativeUnit, Campaign, Donation, Donor, Fund } from '../types';

/** The class the print stylesheet (DonationShow) keeps on paper. */
export const RECEIPT_CLASS = 'soquy-receipt';

const Line = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <Typography component="p" sx={{ my: 0.75 }} data-testid={testId}>
    <Box component="span" sx={{ mr: 1 }}>
      {label}:
    </Box>
    <Box component="span" sx={{ fontWeight: 500 }}>
      {children}
    </Box>
  </Typography>
);

const Signature = ({ title, hint, name }: { title: string; hint: string; name?: string }) => (
  <Box sx={{ textAlign: 'center', flex: 1, minWidth: 0 }}>
    <Typography sx={{ fontWeight: 700, fontSize: '0.9rem' }}>{title}</Typography>
    <Typography sx={{ fontStyle: 'italic', fontSize: '0.8rem' }}>{hint}</Typography>
    {/* Room for the signature. */}
    <Box sx={{ height: 72 }} />
    <Typography sx={{ fontWeight: 500, fontSize: '0.9rem', minHeight: '1.5em' }}>{name ?? ''}</Typography>
  </Box>
);

/** "ĐÃ HUỶ" across a voided receipt, with when and why. */
const VoidedStamp = ({ donation }: { donation: Donation }) => {
  const translate = useTranslate();
  return (
    <Box
      role="note"
      data-testid="voided-stamp"
      sx={{
        position: 'absolute',
        top: 120,
        right: 48,
        transform: 'rotate(-12deg)',
        border: '4px double',
        borderColor: 'error.main',
        color: 'error.main',
        px: 3,
        py: 1,
        textAlign: 'center',
        bgcolor: 'rgba(255,255,255,0.85)',
        maxWidth: 320,
      }}
    >
      <Typography sx={{ fontSize: '2.25rem', fontWeight: 800, letterSpacing: 4, lineHeight: 1.2 }}>{translate('soquy.receipt.voided_stamp')}</Typography>
      {donation.voidReason && <Typography sx={{ fontSize: '0.85rem' }}>{translate('soquy.receipt.voided_reason', { reason: donation.voidReason })}</Typography>}
      {donation.voidedAt && <Typography sx={{ fontSize: '0.8rem' }}>{translate('soquy.receipt.voided_at', { date: formatDateTime(donation.voidedAt) })}</Typography>}
    </Box>
  );
};

/**
 * The receipt (phiếu thu) as it is printed and signed: the unit and fund, "PHIẾU THU", its number
 * and date, who paid, why, how much in figures and in words (from the API, as the books have it),
 * and the five signatures. Also what the screen shows.
 */
export const Receipt = () => {
  const donation = useRecordContext<Donation>();
  const translate = useTranslate();
  const fundId = donation?.fundId;
  const { data: fund } = useGetOne<Fund>('Fund', { id: fundId ?? '' }, { enabled: Boolean(fundId) });
  const { data: unit } = useGetOne<AdministrativeUnit>('AdministrativeUnit', { id: fund?.unitId ?? '' }, { enabled: Boolean(fund?.unitId) });
  const { data: campaign } = useGetOne<Campaign>('Campaign', { id: donation?.campaignId ?? '' }, { enabled: Boolean(donation?.campaignId) });
  const { data: donor } = useGetOne<Donor>('Donor', { id: donation?.donorId ?? '' }, { enabled: Boolean(donation?.donorId) });
  if (!donation) return null;

  const reason = [
    translate('soquy.receipt.reason_fund', { fund: fund?.name ?? '' }),
    campaign ? translate('soquy.receipt.reason_campaign', { campaign: campaign.name }) : null,
    donation.earmark
      ? translate('soquy.receipt.reason_earmark', { purpose: translate(`soquy.programCategory.${donation.earmark}`, { _: donation.earmark }) })
      : null,
    donation.note,
  ]
    .filter(Boolean)
    .join('; ');
  const date = formatDate(donation.receivedOn);
  const inKind = donation.method === 'IN_KIND';

  return (
    <Box
      className={RECEIPT_CLASS}
      component="article"
      aria-label={`${translate('soquy.receipt.title')} ${donation.receiptNumber}`}
      data-testid="receipt"
      sx={{ position: 'relative', p: { xs: 2, sm: 4 }, maxWidth: 880, mx: 'auto', color: 'text.primary', fontFamily: '"Times New Roman", Times, serif', '& .MuiTypography-root': { fontFamily: 'inherit' } }}
    >
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
        <Box>
          <Typography sx={{ fontWeight: 700 }}>
            {translate('soquy.receipt.unit')}: {unit?.nameWithType ?? ''}
          </Typography>
          <Typography sx={{ fontWeight: 700 }}>
            {translate('soquy.receipt.fund')}: {fund?.name ?? ''}
          </Typography>
        </Box>
        <Box sx={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
          <Typography>
            {translate('soquy.receipt.number')}: <strong data-testid="receipt-number">{donation.receiptNumber}</strong>
          </Typography>
        </Box>
      </Box>

      <Box sx={{ textAlign: 'center', my: 3 }}>
        <Typography component="h2" sx={{ fontSize: '1.75rem', fontWeight: 800, letterSpacing: 2 }}>
          {translate('soquy.receipt.title')}
        </Typography>
        <Typography sx={{ fontStyle: 'italic' }}>
          {translate('soquy.receipt.date')}: {date}
        </Typography>
      </Box>

      <Line label={translate('soquy.receipt.payer')} testId="receipt-payer">
        {donation.donorName}
      </Line>
      {donor?.address && <Line label={translate('soquy.receipt.address')}>{donor.address}</Line>}
      <Line label={translate('soquy.receipt.reason')}>{reason}</Line>
      <Line label={translate('soquy.receipt.method')}>{translate(`soquy.donationMethod.${donation.method}`, { _: donation.method })}</Line>
      {inKind && donation.inKindDescription && <Line label={translate('soquy.receipt.goods')}>{donation.inKindDescription}</Line>}
      <Line label={translate(inKind ? 'soquy.receipt.value' : 'soquy.receipt.amount')} testId="receipt-amount">
        <Box component="span" sx={{ fontWeight: 700, fontSize: '1.15rem' }}>
          {formatMoney(donation.amount)}
        </Box>
      </Line>
      <Line label={translate('soquy.receipt.in_words')} testId="receipt-words">
        <Box component="span" sx={{ fontStyle: 'italic' }}>
          {donation.amountInWords}
        </Box>
      </Line>

      <Typography sx={{ textAlign: 'right', fontStyle: 'italic', mt: 3 }}>{translate('soquy.receipt.signed_on', { date })}</Typography>
      <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
        <Signature title={translate('soquy.receipt.head')} hint={translate('soquy.receipt.sign_hint_seal')} />
        <Signature title={translate('soquy.receipt.chief_accountant')} hint={translate('soquy.receipt.sign_hint')} />
        <Signature title={translate('soquy.receipt.payer_sign')} hint={translate('soquy.receipt.sign_hint')} name={donation.donorName} />
        <Signature title={translate('soquy.receipt.prepared_by')} hint={translate('soquy.receipt.sign_hint')} />
        <Signature title={translate('soquy.receipt.cashier')} hint={translate('soquy.receipt.sign_hint')} />
      </Box>

      {donation.status === 'VOIDED' && <VoidedStamp donation={donation} />}
    </Box>
  );
};

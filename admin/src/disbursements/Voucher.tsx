import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatMoney } from '../format';
import type { AdministrativeUnit, Disbursement, Fund } from '../types';

/** The class the print stylesheet (DisbursementShow) keeps on paper. */
export const VOUCHER_CLASS = 'soquy-voucher';

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

const Signature = ({ title, hint, name }: { title: string; hint: string; name?: string | null }) => (
  <Box sx={{ textAlign: 'center', flex: 1, minWidth: 0 }}>
    <Typography sx={{ fontWeight: 700, fontSize: '0.9rem' }}>{title}</Typography>
    <Typography sx={{ fontStyle: 'italic', fontSize: '0.8rem' }}>{hint}</Typography>
    {/* Room for the signature. */}
    <Box sx={{ height: 72 }} />
    <Typography sx={{ fontWeight: 500, fontSize: '0.9rem', minHeight: '1.5em' }}>{name ?? ''}</Typography>
  </Box>
);

/** "CHƯA CHI" across a voucher not paid (yet, or ever), with its status. */
const UnpaidStamp = ({ disbursement }: { disbursement: Disbursement }) => {
  const translate = useTranslate();
  return (
    <Box
      role="note"
      data-testid="unpaid-stamp"
      sx={{
        position: 'absolute',
        top: 120,
        right: 48,
        transform: 'rotate(-12deg)',
        border: '4px double',
        borderColor: 'warning.main',
        color: 'warning.dark',
        px: 3,
        py: 1,
        textAlign: 'center',
        bgcolor: 'rgba(255,255,255,0.85)',
        maxWidth: 320,
      }}
    >
      <Typography sx={{ fontSize: '2.25rem', fontWeight: 800, letterSpacing: 4, lineHeight: 1.2 }}>{translate('soquy.voucher.unpaid_stamp')}</Typography>
      <Typography sx={{ fontSize: '0.85rem' }}>{translate(`soquy.disbursementStatus.${disbursement.status}`, { _: disbursement.status })}</Typography>
    </Box>
  );
};

/**
 * The payment voucher (phiếu chi) as it is printed and signed: the unit and fund, "PHIẾU CHI", its
 * number and payment date, who receives the money, why, how much in figures and in words (from the
 * API), and the five signatures. A voucher not yet paid has no number: it says "CHƯA CHI".
 */
export const Voucher = () => {
  const disbursement = useRecordContext<Disbursement>();
  const translate = useTranslate();
  const fundId = disbursement?.fundId;
  const { data: fund } = useGetOne<Fund>('Fund', { id: fundId ?? '' }, { enabled: Boolean(fundId) });
  const { data: unit } = useGetOne<AdministrativeUnit>('AdministrativeUnit', { id: fund?.unitId ?? '' }, { enabled: Boolean(fund?.unitId) });
  const { data: target } = useGetOne<Fund>('Fund', { id: disbursement?.targetFundId ?? '' }, { enabled: Boolean(disbursement?.targetFundId) });
  if (!disbursement) return null;

  const paid = disbursement.status === 'PAID';
  const number = paid && disbursement.voucherNumber ? disbursement.voucherNumber : translate('soquy.voucher.unpaid');
  const reason = [
    translate(`soquy.disbursementCategory.${disbursement.category}`, { _: disbursement.category }),
    target ? translate('soquy.voucher.reason_transfer', { fund: target.name }) : null,
    disbursement.purpose,
  ]
    .filter(Boolean)
    .join(': ');
  const date = disbursement.paidOn ? formatDate(disbursement.paidOn) : '…/…/……';

  return (
    <Box
      className={VOUCHER_CLASS}
      component="article"
      aria-label={`${translate('soquy.voucher.title')} ${number}`}
      data-testid="voucher"
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
            {translate('soquy.receipt.number')}: <strong data-testid="voucher-number">{number}</strong>
          </Typography>
        </Box>
      </Box>

      <Box sx={{ textAlign: 'center', my: 3 }}>
        <Typography component="h2" sx={{ fontSize: '1.75rem', fontWeight: 800, letterSpacing: 2 }}>
          {translate('soquy.voucher.title')}
        </Typography>
        <Typography sx={{ fontStyle: 'italic' }}>
          {translate('soquy.receipt.date')}: {date}
        </Typography>
      </Box>

      <Line label={translate('soquy.voucher.payee')} testId="voucher-payee">
        {disbursement.payeeName}
      </Line>
      {disbursement.payeeIdNumber && <Line label={translate('soquy.voucher.id_number')}>{disbursement.payeeIdNumber}</Line>}
      <Line label={translate('soquy.receipt.address')}>{disbursement.payeeAddress ?? ''}</Line>
      {disbursement.payeeBankAccount && <Line label={translate('soquy.voucher.bank_account')}>{disbursement.payeeBankAccount}</Line>}
      <Line label={translate('soquy.voucher.reason')}>{reason}</Line>
      <Line label={translate('soquy.receipt.amount')} testId="voucher-amount">
        <Box component="span" sx={{ fontWeight: 700, fontSize: '1.15rem' }}>
          {formatMoney(disbursement.amount)}
        </Box>
      </Line>
      <Line label={translate('soquy.receipt.in_words')} testId="voucher-words">
        <Box component="span" sx={{ fontStyle: 'italic' }}>
          {disbursement.amountInWords}
        </Box>
      </Line>
      {disbursement.documents.length > 0 && <Line label={translate('soquy.voucher.documents')}>{disbursement.documents.join('; ')}</Line>}

      <Typography sx={{ textAlign: 'right', fontStyle: 'italic', mt: 3 }}>{translate('soquy.receipt.signed_on', { date })}</Typography>
      <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
        <Signature title={translate('soquy.receipt.head')} hint={translate('soquy.receipt.sign_hint_seal')} />
        <Signature title={translate('soquy.receipt.chief_accountant')} hint={translate('soquy.receipt.sign_hint')} />
        <Signature title={translate('soquy.receipt.prepared_by')} hint={translate('soquy.receipt.sign_hint')} name={disbursement.createdByName} />
        <Signature title={translate('soquy.receipt.cashier')} hint={translate('soquy.receipt.sign_hint')} name={disbursement.paidByName} />
        <Signature title={translate('soquy.voucher.payee_sign')} hint={translate('soquy.receipt.sign_hint')} name={disbursement.payeeName} />
      </Box>

      {!paid && <UnpaidStamp disbursement={disbursement} />}
    </Box>
  );
};

import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { formatDate, formatMoney, formatWholeNumber } from '../format';
import { useFundAndUnit } from '../print';
import type { GiftCampaign, GiftRecipient } from './types';

/** The printed list's own class: hidden on screen, alone on paper (with the print stylesheet of PrintableShow). */
export const SIGNATURE_LIST_CLASS = 'soquy-gift-signature-list';

const cell = { border: '1px solid #000', px: 0.75, py: 0.5, fontSize: '0.9rem', verticalAlign: 'top' } as const;

const Signature = ({ title, hint }: { title: string; hint: string }) => (
  <Box sx={{ textAlign: 'center', flex: 1 }}>
    <Typography sx={{ fontWeight: 700, fontSize: '0.95rem' }}>{title}</Typography>
    <Typography sx={{ fontStyle: 'italic', fontSize: '0.8rem' }}>{hint}</Typography>
    <Box sx={{ height: 80 }} />
  </Box>
);

/**
 * "DANH SÁCH KÝ NHẬN QUÀ" of one commune as it is printed and signed: the unit and fund, the
 * campaign, the commune and the gift date; one line per child with the year of birth, the guardian
 * who signs, the amount and a column for the signature; the totals; the preparer and the chairman.
 * Shown on paper only.
 */
export const SignatureList = ({ campaign, communeName, lines }: { campaign: GiftCampaign; communeName: string; lines: GiftRecipient[] }) => {
  const translate = useTranslate();
  const { fund, unit } = useFundAndUnit(campaign.fundId);
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const sign = translate('soquy.receipt.sign_hint');
  return (
    <Box
      className={SIGNATURE_LIST_CLASS}
      component="article"
      data-testid="gift-signature-list"
      aria-label={translate('soquy.gifts.print.title')}
      sx={{
        display: 'none',
        '@media print': { display: 'block' },
        p: 2,
        color: '#000',
        fontFamily: '"Times New Roman", Times, serif',
        '& .MuiTypography-root': { fontFamily: 'inherit' },
      }}
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
        <Box sx={{ textAlign: 'center' }}>
          <Typography sx={{ fontWeight: 700 }}>{translate('soquy.gifts.print.nation')}</Typography>
          <Typography sx={{ fontWeight: 700, textDecoration: 'underline' }}>{translate('soquy.gifts.print.motto')}</Typography>
        </Box>
      </Box>
      <Box sx={{ textAlign: 'center', my: 2 }}>
        <Typography component="h2" sx={{ fontSize: '1.5rem', fontWeight: 800, letterSpacing: 1 }}>
          {translate('soquy.gifts.print.title')}
        </Typography>
        <Typography sx={{ fontWeight: 700 }}>{campaign.name}</Typography>
        <Typography>
          {translate('soquy.gifts.print.commune', { commune: communeName })} — {translate('soquy.gifts.print.gift_date', { date: formatDate(campaign.giftDate) })}
        </Typography>
        <Typography sx={{ fontStyle: 'italic' }}>
          {translate(`soquy.gifts.form.${campaign.form}`)}
          {campaign.packageDescription ? ` (${campaign.packageDescription})` : ''}, {translate('soquy.gifts.print.per_child', { amount: formatMoney(campaign.amountPerChild) })}
        </Typography>
      </Box>
      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', '& th': { ...cell, fontWeight: 700, textAlign: 'center' }, '& td': cell }}>
        <thead>
          <tr>
            <th style={{ width: '6%' }}>{translate('soquy.gifts.list.number')}</th>
            <th>{translate('soquy.gifts.list.child')}</th>
            <th style={{ width: '9%' }}>{translate('soquy.gifts.list.birth_year')}</th>
            <th>{translate('soquy.gifts.list.guardian')}</th>
            <th style={{ width: '14%' }}>{translate('soquy.gifts.list.amount')}</th>
            <th style={{ width: '18%' }}>{translate('soquy.gifts.list.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <tr key={line.id}>
              <td style={{ textAlign: 'center' }}>{index + 1}</td>
              <td>{line.childName}</td>
              <td style={{ textAlign: 'center' }}>{line.birthYear}</td>
              <td>{line.guardianName}</td>
              <td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{formatMoney(line.amount)}</td>
              <td style={{ height: 36 }} />
            </tr>
          ))}
          <tr>
            <td colSpan={4} style={{ fontWeight: 700 }}>
              {translate('soquy.gifts.print.totals', { count: formatWholeNumber(lines.length) })}
            </td>
            <td style={{ textAlign: 'right', fontWeight: 700, whiteSpace: 'nowrap' }} data-testid="gift-signature-list-total">
              {formatMoney(total)}
            </td>
            <td />
          </tr>
        </tbody>
      </Box>
      <Typography sx={{ textAlign: 'right', fontStyle: 'italic', mt: 3 }}>{translate('soquy.receipt.signed_on', { date: '…/…/……' })}</Typography>
      <Box sx={{ display: 'flex', gap: 2, mt: 1, breakInside: 'avoid' }}>
        <Signature title={translate('soquy.gifts.print.preparer')} hint={sign} />
        <Signature title={translate('soquy.gifts.print.chairman')} hint={translate('soquy.receipt.sign_hint_seal')} />
      </Box>
    </Box>
  );
};

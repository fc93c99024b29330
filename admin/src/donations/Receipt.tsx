import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatDateTime, formatMoney } from '../format';
import { AccountingDocument, DocumentStamp, StampLine, useFundAndUnit } from '../print';
import type { Campaign, Donation, Donor } from '../types';

/** The receipt's own class (the print stylesheet keeps any AccountingDocument on paper). */
export const RECEIPT_CLASS = 'soquy-receipt';

/** "ĐÃ HUỶ" across a voided receipt, with when and why. */
const VoidedStamp = ({ donation }: { donation: Donation }) => {
  const translate = useTranslate();
  return (
    <DocumentStamp testId="voided-stamp" color="error" label={translate('soquy.receipt.voided_stamp')}>
      {donation.voidReason && <StampLine>{translate('soquy.receipt.voided_reason', { reason: donation.voidReason })}</StampLine>}
      {donation.voidedAt && <StampLine small>{translate('soquy.receipt.voided_at', { date: formatDateTime(donation.voidedAt) })}</StampLine>}
    </DocumentStamp>
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
  const { fund, unit } = useFundAndUnit(donation?.fundId);
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
  const sign = translate('soquy.receipt.sign_hint');

  return (
    <AccountingDocument
      className={RECEIPT_CLASS}
      testId="receipt"
      title={translate('soquy.receipt.title')}
      unitName={unit?.nameWithType}
      fundName={fund?.name}
      number={donation.receiptNumber}
      date={date}
      rows={[
        { label: translate('soquy.receipt.payer'), value: donation.donorName, testId: 'receipt-payer' },
        donor?.address && { label: translate('soquy.receipt.address'), value: donor.address },
        { label: translate('soquy.receipt.reason'), value: reason },
        { label: translate('soquy.receipt.method'), value: translate(`soquy.donationMethod.${donation.method}`, { _: donation.method }) },
        inKind && donation.inKindDescription && { label: translate('soquy.receipt.goods'), value: donation.inKindDescription },
      ]}
      amountLabel={translate(inKind ? 'soquy.receipt.value' : 'soquy.receipt.amount')}
      amount={formatMoney(donation.amount)}
      amountInWords={donation.amountInWords}
      signatures={[
        { title: translate('soquy.receipt.head'), hint: translate('soquy.receipt.sign_hint_seal') },
        { title: translate('soquy.receipt.chief_accountant'), hint: sign },
        { title: translate('soquy.receipt.payer_sign'), hint: sign, name: donation.donorName },
        { title: translate('soquy.receipt.prepared_by'), hint: sign },
        { title: translate('soquy.receipt.cashier'), hint: sign },
      ]}
      stamp={donation.status === 'VOIDED' && <VoidedStamp donation={donation} />}
    />
  );
};

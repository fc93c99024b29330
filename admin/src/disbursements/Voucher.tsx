import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatMoney } from '../format';
import { AccountingDocument, DocumentStamp, StampLine, useFundAndUnit } from '../print';
import type { Disbursement, Fund } from '../types';

/** The voucher's own class (the print stylesheet keeps any AccountingDocument on paper). */
export const VOUCHER_CLASS = 'soquy-voucher';

/** "CHƯA CHI" across a voucher not paid (yet, or ever), with its status. */
const UnpaidStamp = ({ disbursement }: { disbursement: Disbursement }) => {
  const translate = useTranslate();
  return (
    <DocumentStamp testId="unpaid-stamp" color="warning" label={translate('soquy.voucher.unpaid_stamp')}>
      <StampLine>{translate(`soquy.disbursementStatus.${disbursement.status}`, { _: disbursement.status })}</StampLine>
    </DocumentStamp>
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
  const { fund, unit } = useFundAndUnit(disbursement?.fundId);
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
  const sign = translate('soquy.receipt.sign_hint');

  return (
    <AccountingDocument
      className={VOUCHER_CLASS}
      testId="voucher"
      title={translate('soquy.voucher.title')}
      unitName={unit?.nameWithType}
      fundName={fund?.name}
      number={number}
      date={date}
      rows={[
        { label: translate('soquy.voucher.payee'), value: disbursement.payeeName, testId: 'voucher-payee' },
        disbursement.payeeIdNumber && { label: translate('soquy.voucher.id_number'), value: disbursement.payeeIdNumber },
        { label: translate('soquy.receipt.address'), value: disbursement.payeeAddress ?? '' },
        disbursement.payeeBankAccount && { label: translate('soquy.voucher.bank_account'), value: disbursement.payeeBankAccount },
        { label: translate('soquy.voucher.reason'), value: reason },
      ]}
      amountLabel={translate('soquy.receipt.amount')}
      amount={formatMoney(disbursement.amount)}
      amountInWords={disbursement.amountInWords}
      rowsAfter={[disbursement.documents.length > 0 && { label: translate('soquy.voucher.documents'), value: disbursement.documents.join('; ') }]}
      signatures={[
        { title: translate('soquy.receipt.head'), hint: translate('soquy.receipt.sign_hint_seal') },
        { title: translate('soquy.receipt.chief_accountant'), hint: sign },
        { title: translate('soquy.receipt.prepared_by'), hint: sign, name: disbursement.createdByName },
        { title: translate('soquy.receipt.cashier'), hint: sign, name: disbursement.paidByName },
        { title: translate('soquy.voucher.payee_sign'), hint: sign, name: disbursement.payeeName },
      ]}
      stamp={!paid && <UnpaidStamp disbursement={disbursement} />}
    />
  );
};

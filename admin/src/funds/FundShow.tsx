import { CreateButton, ListButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { EnumChipField, LocalDateField } from '../fields';
import type { Fund } from '../types';
import { fundKindColors } from './choices';
import { FundBalances } from './FundBalances';
import { FundCampaigns } from './FundCampaigns';
import { FundLedger } from './FundLedger';
import { LockPeriodButton } from './LockPeriodButton';
import { VerifyLedgerButton } from './VerifyLedgerButton';

/** "Lập phiếu thu" into this fund, for those who record donations. */
const RecordDonationButton = () => {
  const fund = useRecordContext<Fund>();
  if (!fund) return null;
  return <CreateButton resource="Donation" label="soquy.donations.record" state={{ record: { fundId: fund.id } }} />;
};

/** The fund's name alone: it already says what it is ("Quỹ Đền ơn đáp nghĩa …"). */
const FundTitle = () => {
  const fund = useRecordContext<Fund>();
  return <span>{fund?.name ?? ''}</span>;
};

const FundShowActions = () => (
  <TopToolbar>
    <ListButton />
    <RecordDonationButton />
    <LockPeriodButton />
    <VerifyLedgerButton />
  </TopToolbar>
);

/** One fund: who holds it, its balances and earmarked parts, its campaigns and its recent ledger lines. */
export const FundShow = () => (
  <Show actions={<FundShowActions />} title={<FundTitle />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <EnumChipField source="kind" prefix="soquy.fundKind" colors={fundKindColors} />
      <ReferenceField source="unitId" reference="AdministrativeUnit" link="show" />
      <LocalDateField source="lockedUntil" emptyText="soquy.funds.open_books" />
    </SimpleShowLayout>
    <FundBalances />
    <FundCampaigns />
    <FundLedger />
  </Show>
);

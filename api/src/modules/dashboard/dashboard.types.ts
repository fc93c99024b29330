import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { GiftOccasion } from '../children/gift.entity';
import { SurgeryStatus } from '../children/support.entity';
import { DonorType } from '../donors/donor.entity';
import { FundKind } from '../funds/fund.entity';
import { HousingGrantStatus } from '../housing/housing-grant.entity';
import { MemorialWorkStatus } from '../memorial/memorial-work.entity';

/**
 * The console's home page: one object whose sections are computed only when asked for, each within
 * the user's scope, each null when the user's role does not allow it (see dashboard.service.ts).
 */
@ObjectType({ description: "The home page's figures for the current user, within their scope; a section is null when their role does not allow it" })
export class Dashboard {
  @Field(() => Int, { description: 'The calendar year of the monthly figures, top donors and child support' })
  year!: number;
}

@ObjectType({ description: 'Balances of the funds of one kind in your scope, from the ledger accounts' })
export class FundKindBalance {
  @Field(() => FundKind)
  kind!: FundKind;

  @Field(() => Int, { description: 'Open funds (not closed in a reorganisation)' })
  fundCount!: number;

  @Field(() => Money, { description: 'Cash not earmarked' })
  freeCash!: number;

  @Field(() => Money, { description: 'Cash earmarked to a program or project' })
  earmarkedCash!: number;

  @Field(() => Money, { description: 'In-kind goods held, at their valuation (not cash)' })
  goods!: number;

  @Field(() => Money, { description: 'freeCash + earmarkedCash + goods' })
  total!: number;
}

@ObjectType({ description: 'One month of the year, by ledger date' })
export class MonthFlow {
  @Field(() => Int, { description: '1 to 12' })
  month!: number;

  @Field(() => Money, { description: 'Donations received (cash, transfer and in kind), net of voids posted that month' })
  receipts!: number;

  @Field(() => Money, { description: 'The in-kind part of receipts' })
  inKindReceipts!: number;

  @Field(() => Money, { description: 'Money and goods spent (paid disbursements), net of returns' })
  disbursements!: number;

  @Field(() => Money, { description: 'Sent to other funds (transfers and reorganisation successions)' })
  transfersOut!: number;

  @Field(() => Money, { description: 'Received from other funds' })
  transfersIn!: number;
}

@ObjectType()
export class HousingStatusCount {
  @Field(() => HousingGrantStatus)
  status!: HousingGrantStatus;

  @Field(() => Int)
  count!: number;

  @Field(() => Money, { description: 'Support approved (policy rate); 0 before approval' })
  amount!: number;
}

@ObjectType()
export class MemorialStatusCount {
  @Field(() => MemorialWorkStatus)
  status!: MemorialWorkStatus;

  @Field(() => Int)
  count!: number;

  @Field(() => Money)
  supportAmount!: number;

  @Field(() => Float, { description: 'Average progress, in percent (one decimal)' })
  averageProgress!: number;
}

@ObjectType({ description: 'Works in progress whose progress is within [from, to] percent' })
export class ProgressBand {
  @Field(() => Int)
  from!: number;

  @Field(() => Int)
  to!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class MemorialSummary {
  @Field(() => [MemorialStatusCount])
  byStatus!: MemorialStatusCount[];

  @Field(() => [ProgressBand], { description: 'IN_PROGRESS works by progress band' })
  progressBands!: ProgressBand[];
}

@ObjectType({ description: "Gift campaigns of one occasion dated in the year: the children in your scope who were given a gift (returns excluded)" })
export class GiftOccasionSummary {
  @Field(() => GiftOccasion)
  occasion!: GiftOccasion;

  @Field(() => Int)
  campaigns!: number;

  @Field(() => Int)
  children!: number;

  @Field(() => Money)
  amount!: number;
}

@ObjectType({ description: 'Scholarships of the school year that starts in the year' })
export class ScholarshipSummary {
  @Field(() => String, { description: 'e.g. 2025-2026' })
  schoolYear!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Money, { description: 'Amount per term × terms' })
  amount!: number;
}

@ObjectType({ description: 'Surgery cases referred in the year, by status' })
export class SurgeryStatusCount {
  @Field(() => SurgeryStatus)
  status!: SurgeryStatus;

  @Field(() => Int)
  count!: number;

  @Field(() => Money, { description: "The fund's support" })
  support!: number;
}

@ObjectType()
export class ChildSupportSummary {
  @Field(() => [GiftOccasionSummary])
  gifts!: GiftOccasionSummary[];

  @Field(() => ScholarshipSummary)
  scholarships!: ScholarshipSummary;

  @Field(() => [SurgeryStatusCount])
  surgery!: SurgeryStatusCount[];
}

@ObjectType({ description: 'A donor of the year by amount. An anonymous donor is never named nor identified: no id, no type detail' })
export class TopDonor {
  @Field(() => Int)
  rank!: number;

  @Field(() => ID, { nullable: true, description: 'The donor record; null for anonymous donors and walk-in givers' })
  donorId?: string;

  @Field(() => String, { description: '"Nhà hảo tâm ẩn danh" for anonymous donors' })
  name!: string;

  @Field(() => DonorType, { nullable: true, description: 'Null for walk-in givers (no donor record)' })
  donorType?: DonorType;

  @Field(() => Boolean, { description: 'All anonymous gifts of the year, together in one line' })
  anonymous!: boolean;

  @Field(() => Boolean, { description: 'Walk-in gifts (no donor record) grouped by the name on the receipt' })
  walkIn!: boolean;

  @Field(() => Int)
  donationCount!: number;

  @Field(() => Money)
  amount!: number;
}

@ObjectType({ description: 'One record waiting for a step' })
export class PendingItem {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Money, { nullable: true })
  amount?: number;

  @Field(() => GraphQLLocalDate, { description: 'Since when it waits (created, applied, planned or referred)' })
  since!: string;
}

@ObjectType({ description: 'Records waiting for one step that you may take: the count and the oldest few' })
export class PendingGroup {
  @Field(() => Int)
  count!: number;

  @Field(() => [PendingItem])
  items!: PendingItem[];
}

@ObjectType({ description: 'What waits for you; a group is null when your role may not take its step' })
export class PendingApprovals {
  @Field(() => PendingGroup, { nullable: true, description: 'SUBMITTED disbursements created by someone else (four eyes)' })
  disbursementsToApprove?: PendingGroup | null;

  @Field(() => PendingGroup, { nullable: true, description: 'APPROVED disbursements to pay' })
  disbursementsToPay?: PendingGroup | null;

  @Field(() => PendingGroup, { nullable: true, description: 'APPLIED housing grants to verify' })
  housingToVerify?: PendingGroup | null;

  @Field(() => PendingGroup, { nullable: true, description: 'VERIFIED housing grants to approve' })
  housingToApprove?: PendingGroup | null;

  @Field(() => PendingGroup, { nullable: true, description: 'PLANNED memorial works to approve' })
  memorialToApprove?: PendingGroup | null;

  @Field(() => PendingGroup, { nullable: true, description: 'REFERRED surgery cases to approve' })
  surgeryToApprove?: PendingGroup | null;
}

@ObjectType({ description: 'A recent ledger transaction' })
export class RecentTransaction {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  fundId!: string;

  @Field(() => String)
  fundName!: string;

  @Field(() => GraphQLLocalDate)
  occurredOn!: string;

  @Field(() => String, { description: 'DONATION, DONATION_VOID, DISBURSEMENT, TRANSFER_OUT, TRANSFER_IN, GIFT_RETURN, SUCCESSION_TRANSFER_OUT…' })
  kind!: string;

  @Field(() => Money, { description: "Change of the fund's holdings (cash and goods): positive in, negative out" })
  amount!: number;

  @Field(() => String)
  description!: string;
}

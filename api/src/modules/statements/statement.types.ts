import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { GraphQLLocalDate } from '../../common/local-date';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../common/money';
import { DonationMethod } from '../donations/donation.entity';
import { DonorType } from '../donors/donor.entity';
import { FundKind } from '../funds/fund.entity';
import { UnitLevel } from '../units/unit.entity';

export enum StatementUnitView {
  /** The unit stored on the fund (the unit in force when it posted). */
  RECORDED = 'RECORDED',
  /** Each fund's unit mapped to the unit in force today (unit_current_id). */
  MAPPED = 'MAPPED',
}
registerEnumType(StatementUnitView, { name: 'StatementUnitView', description: 'Units as recorded, or mapped to today’s units' });

@InputType({ description: 'A fund (fundId), or every fund of a kind in a unit’s subtree (unitId and kind), over a period' })
export class StatementInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  fundId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  unitId?: string;

  @Field(() => FundKind, { nullable: true })
  @IsOptional()
  @IsEnum(FundKind)
  kind?: FundKind;

  @Field(() => GraphQLLocalDate, { description: 'First day of the period' })
  from!: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day of the period (inclusive); at most 10 years after from' })
  to!: string;

  @Field(() => StatementUnitView, { nullable: true, defaultValue: StatementUnitView.RECORDED })
  @IsOptional()
  @IsEnum(StatementUnitView)
  unitView?: StatementUnitView;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Also the same period one year earlier' })
  @IsOptional()
  @IsBoolean()
  compare?: boolean;
}

@ObjectType({ description: 'Money held at a date: free cash, earmarked cash and goods in kind' })
export class StatementBalances {
  @Field(() => Money) free!: number;
  @Field(() => Money) earmarked!: number;
  @Field(() => Money, { description: 'In-kind goods held, at their valuation' }) goods!: number;
  @Field(() => Money) total!: number;
}

@ObjectType()
export class StatementMethodAmount {
  @Field(() => DonationMethod, { nullable: true, description: 'Null: an income posting not from a donation' }) method?: DonationMethod | null;
  @Field(() => Money) amount!: number;
}

@ObjectType()
export class StatementDonorTypeAmount {
  @Field(() => DonorType, { nullable: true, description: 'Null: a walk-in giver not on record' }) donorType?: DonorType | null;
  @Field(() => Money) amount!: number;
}

@ObjectType()
export class StatementCategoryAmount {
  @Field(() => String, { description: 'The disbursement category (DisbursementCategory)' }) category!: string;
  @Field(() => Boolean, { description: 'Goods handed out, not money' }) inKind!: boolean;
  @Field(() => Money) amount!: number;
}

@ObjectType()
export class StatementPurposeAmount {
  @Field(() => String) purpose!: string;
  @Field(() => Money) amount!: number;
}

@ObjectType({ description: 'Donations received in the period, net of the voids posted in it' })
export class StatementReceipts {
  @Field(() => Money, { description: 'Donations posted in the period' }) donations!: number;
  @Field(() => Money, { description: 'Voids posted in the period (subtracted)' }) voids!: number;
  @Field(() => Money, { description: 'donations - voids' }) total!: number;
  @Field(() => [StatementMethodAmount]) byMethod!: StatementMethodAmount[];
  @Field(() => [StatementDonorTypeAmount]) byDonorType!: StatementDonorTypeAmount[];
}

@ObjectType({ description: 'Money and goods spent in the period, net of gifts returned to the fund' })
export class StatementDisbursements {
  @Field(() => Money, { description: 'Disbursements paid' }) gross!: number;
  @Field(() => Money, { description: 'Gifts not handed over, returned to the fund (subtracted)' }) giftReturns!: number;
  @Field(() => Money, { description: 'gross - giftReturns' }) total!: number;
  @Field(() => Money, { description: 'Of gross: goods handed out (in kind)' }) inKind!: number;
  @Field(() => [StatementCategoryAmount]) byCategory!: StatementCategoryAmount[];
}

@ObjectType()
export class StatementTransfers {
  @Field(() => Money) total!: number;
  @Field(() => Money, { description: 'Of total: between funds of this statement (nets to zero in the consolidated total)' }) internal!: number;
  @Field(() => Money, { description: 'Of total: balances moved when a unit was reorganised (succession transfers)' }) succession!: number;
}

@ObjectType({ description: 'The figures of one period' })
export class StatementFigures {
  @Field(() => GraphQLLocalDate) from!: string;
  @Field(() => GraphQLLocalDate) to!: string;
  @Field(() => StatementBalances, { description: 'At the start of from' }) opening!: StatementBalances;
  @Field(() => StatementReceipts) receipts!: StatementReceipts;
  @Field(() => StatementDisbursements) disbursements!: StatementDisbursements;
  @Field(() => StatementTransfers) transfersIn!: StatementTransfers;
  @Field(() => StatementTransfers) transfersOut!: StatementTransfers;
  @Field(() => StatementBalances, { description: 'At the end of to' }) closing!: StatementBalances;
  @Field(() => [StatementPurposeAmount], { description: 'Earmarked cash at closing, by purpose' }) earmarkedClosing!: StatementPurposeAmount[];
  @Field(() => Money, { description: 'Cash and goods as of to, summed from the ledger entries themselves' }) ledgerClosing!: number;
  @Field(() => Boolean, { description: 'opening + receipts - disbursements + transfers in - transfers out = closing = ledgerClosing, and every breakdown adds up' })
  balanced!: boolean;
}

@ObjectType({ description: 'One row of a roll-up: a level, or a unit' })
export class StatementRow {
  @Field(() => UnitLevel) level!: UnitLevel;
  @Field(() => ID, { nullable: true, description: 'Null on a row by level' }) unitId?: string | null;
  @Field(() => String, { nullable: true }) unitName?: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of an ended unit' }) validTo?: string | null;
  @Field(() => Int) fundCount!: number;
  @Field(() => Money) opening!: number;
  @Field(() => Money) receipts!: number;
  @Field(() => Money) disbursements!: number;
  @Field(() => Money) transfersIn!: number;
  @Field(() => Money) transfersOut!: number;
  @Field(() => Money) closing!: number;
}

@ObjectType()
export class StatementFund {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => String) unitName!: string;
  @Field(() => UnitLevel) level!: UnitLevel;
  @Field(() => GraphQLLocalDate, { nullable: true }) closedOn?: string | null;
}

@ObjectType({ description: 'Báo cáo thu chi quỹ: a fund or all funds of a kind in a unit’s subtree over a period' })
export class FundStatement {
  @Field(() => FundKind) kind!: FundKind;
  @Field(() => ID) unitId!: string;
  @Field(() => String) unitName!: string;
  @Field(() => GraphQLLocalDate) from!: string;
  @Field(() => GraphQLLocalDate) to!: string;
  @Field(() => StatementUnitView) unitView!: StatementUnitView;
  @Field(() => [StatementFund]) funds!: StatementFund[];
  @Field(() => StatementFigures) current!: StatementFigures;
  @Field(() => StatementFigures, { nullable: true, description: 'The same period one year earlier (compare)' }) previous?: StatementFigures | null;
  @Field(() => [StatementRow], { description: 'Roll-up by level: PROVINCE, DISTRICT, COMMUNE' }) byLevel!: StatementRow[];
  @Field(() => [StatementRow]) byUnit!: StatementRow[];
  @Field(() => Boolean, { description: 'Every period of the statement balances' }) balanced!: boolean;
}

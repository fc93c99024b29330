import { Field, ID, ObjectType } from 'type-graphql';
import { Money } from '../../common/money';
import { FundKind } from '../funds/fund.entity';

@ObjectType({ description: 'The steps the current user may take on a succession event' })
export class UnitSuccessionEventPermissions {
  @Field(() => Boolean) apply!: boolean;
}

@ObjectType({ description: 'A unit that ends, moves or is created when the event is applied' })
export class SuccessionUnitChange {
  @Field(() => ID, { nullable: true, description: 'None for a unit created on apply' })
  unitId?: number;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  nameWithType!: string;

  @Field(() => String, { nullable: true, description: 'Parent before the event' })
  fromParentName?: string;

  @Field(() => ID, { nullable: true, description: 'The successor (ending unit) or new parent (moved or created unit)' })
  toUnitId?: number;

  @Field(() => String, { nullable: true })
  toUnitName?: string;
}

@ObjectType({ description: 'A fund closed by the event, its balances and the fund that receives them' })
export class SuccessionFundClosing {
  @Field(() => ID) fundId!: number;
  @Field(() => String) fundName!: string;
  @Field(() => FundKind) kind!: FundKind;
  @Field(() => Money, { description: 'Free cash (not earmarked)' }) freeCash!: number;
  @Field(() => Money, { description: 'Cash earmarked for a program or project' }) earmarkedCash!: number;
  @Field(() => Money, { description: 'Goods in kind, at their valuation' }) goods!: number;
  @Field(() => ID, { nullable: true, description: 'The receiving fund; none when it is created on apply' }) successorFundId?: number;
  @Field(() => String) successorFundName!: string;
  @Field(() => Boolean, { description: 'The receiving fund is created on apply (the successor unit has none of this kind)' }) createsSuccessorFund!: boolean;
}

@ObjectType({ description: 'A user, housing grant or memorial work that moves to the successor unit' })
export class SuccessionMove {
  @Field(() => ID) id!: number;
  @Field(() => String) label!: string;
  @Field(() => String) fromUnitName!: string;
  @Field(() => String) toUnitName!: string;
}

@ObjectType({ description: 'Why the event cannot be applied now' })
export class SuccessionBlocker {
  @Field(() => String, { description: 'OPEN_DISBURSEMENT, LATE_POSTING, NOT_YET_EFFECTIVE, UNIT_NOT_IN_FORCE, …' }) rule!: string;
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true }) recordType?: string;
  @Field(() => ID, { nullable: true }) recordId?: number;
}

@ObjectType({ description: 'What applying a succession event will do' })
export class UnitSuccessionPreview {
  @Field(() => [SuccessionUnitChange]) unitsEnding!: SuccessionUnitChange[];
  @Field(() => [SuccessionUnitChange]) unitsReparented!: SuccessionUnitChange[];
  @Field(() => [SuccessionUnitChange]) unitsCreated!: SuccessionUnitChange[];
  @Field(() => [SuccessionFundClosing]) fundsClosing!: SuccessionFundClosing[];
  @Field(() => [SuccessionMove]) users!: SuccessionMove[];
  @Field(() => [SuccessionMove]) housingGrants!: SuccessionMove[];
  @Field(() => [SuccessionMove]) memorialWorks!: SuccessionMove[];
  @Field(() => [SuccessionBlocker], { description: 'Empty when the event can be applied' }) blockers!: SuccessionBlocker[];
}

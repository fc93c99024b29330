import { IsOptional } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { listArgsOf, SearchFilter } from '../../common/pagination';
import { FundKind } from './fund.entity';

@InputType({ description: 'Filters of the fund list; all optional, combined with AND' })
export class FundFilter extends SearchFilter {
  @Field(() => FundKind, { nullable: true })
  @IsOptional()
  kind?: FundKind;

  @Field(() => ID, { nullable: true, description: 'Funds of this unit and the units below it' })
  @IsOptional()
  unitId?: string;
}

export const { PageArgs: FundListArgs, FilterArgs: FundFilterArgs } = listArgsOf(FundFilter);
export type FundListArgs = InstanceType<typeof FundListArgs>;
export type FundFilterArgs = InstanceType<typeof FundFilterArgs>;

@ArgsType()
export class LockFundPeriodArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLLocalDate, { description: 'Close the books up to and including this date' })
  until!: string;
}

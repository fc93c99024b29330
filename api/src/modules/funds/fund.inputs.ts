import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ListArgs } from '../../common/pagination';
import { FundKind } from './fund.entity';

@InputType({ description: 'Filters of the fund list; all optional, combined with AND' })
export class FundFilter {
  @Field(() => String, { nullable: true, description: 'Text in the fund or unit name, with or without diacritics' })
  @IsOptional()
  @MaxLength(100)
  q?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];

  @Field(() => FundKind, { nullable: true })
  @IsOptional()
  kind?: FundKind;

  @Field(() => ID, { nullable: true, description: 'Funds of this unit and the units below it' })
  @IsOptional()
  unitId?: string;
}

@ArgsType()
export class FundListArgs extends ListArgs {
  @Field(() => FundFilter, { nullable: true })
  @IsOptional()
  filter?: FundFilter;
}

@ArgsType()
export class FundFilterArgs {
  @Field(() => FundFilter, { nullable: true })
  @IsOptional()
  filter?: FundFilter;
}

@ArgsType()
export class LockFundPeriodArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLLocalDate, { description: 'Close the books up to and including this date' })
  until!: string;
}

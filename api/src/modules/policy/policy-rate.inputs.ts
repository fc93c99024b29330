import { IsBoolean, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, InputType } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { IdsFilter, listArgsOf } from '../../common/pagination';
import { Money } from '../../common/money';

@InputType({ description: 'Filters of the policy rates; all optional, combined with AND' })
export class PolicyRateFilter extends IdsFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 60)
  code?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Rates in force on this date' })
  @IsOptional()
  inForceOn?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only the rates in force today (true) or only past and future ones (false)' })
  @IsOptional()
  @IsBoolean()
  current?: boolean;
}

export const { PageArgs: PolicyRateListArgs, FilterArgs: PolicyRateFilterArgs } = listArgsOf(PolicyRateFilter);
export type PolicyRateListArgs = InstanceType<typeof PolicyRateListArgs>;
export type PolicyRateFilterArgs = InstanceType<typeof PolicyRateFilterArgs>;

@ArgsType()
export class RevisePolicyRateArgs {
  @Field(() => String, { description: 'The code of the rate to revise, e.g. HOUSING_NEW' })
  @IsString()
  @Length(1, 60)
  code!: string;

  @Field(() => Money, { nullable: true, description: 'For a VND rate: the new amount' })
  @IsOptional()
  amount?: number;

  @Field(() => Float, { nullable: true, description: 'For a PERCENT rate: the new percentage, above 0 and at most 100' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'percent has at most two decimals' })
  @Min(0.01, { message: 'percent must be above 0' })
  @Max(100, { message: 'percent must be at most 100' })
  percent?: number;

  @Field(() => GraphQLLocalDate, { description: 'In force from this date; the rate before ends the day before' })
  effectiveFrom!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @IsOptional()
  effectiveTo?: string;

  @Field(() => String, { description: 'The legal text that sets it' })
  @IsString()
  @Length(5, 500, { message: 'legalBasis must be 5 to 500 characters' })
  legalBasis!: string;

  @Field(() => Boolean, { nullable: true, description: 'Reported, not yet confirmed against the text in force' })
  @IsOptional()
  @IsBoolean()
  toBeConfirmed?: boolean;

  @Field(() => String, { description: 'Why the rate changes' })
  @IsString()
  @Length(5, 500, { message: 'reason must be 5 to 500 characters' })
  reason!: string;
}

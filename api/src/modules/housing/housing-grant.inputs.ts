import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { listArgsOf, SearchFilter } from '../../common/pagination';
import { FundingLineInput } from '../projects/project.inputs';
import { HousingGrantStatus, HousingGrantType, HousingProgram } from './housing-grant.entity';

@InputType({ description: 'Filters of the housing grants; all optional, combined with AND' })
export class HousingGrantFilter extends SearchFilter {
  @Field(() => ID, { nullable: true, description: 'Grants of this unit and the units below it' })
  @IsOptional()
  unitId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  householdId?: string;

  @Field(() => [HousingGrantStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  status?: HousingGrantStatus[];

  @Field(() => HousingGrantType, { nullable: true })
  @IsOptional()
  type?: HousingGrantType;

  @Field(() => HousingProgram, { nullable: true })
  @IsOptional()
  program?: HousingProgram;

  @Field(() => Int, { nullable: true, description: 'The year of approval (of application, if not approved)' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export const { PageArgs: HousingGrantListArgs, FilterArgs: HousingGrantFilterArgs } = listArgsOf(HousingGrantFilter);
export type HousingGrantListArgs = InstanceType<typeof HousingGrantListArgs>;
export type HousingGrantFilterArgs = InstanceType<typeof HousingGrantFilterArgs>;

@ArgsType()
export class ApplyHousingGrantArgs {
  @Field(() => ID)
  householdId!: string;

  @Field(() => HousingGrantType)
  @IsEnum(HousingGrantType)
  type!: HousingGrantType;

  @Field(() => HousingProgram)
  @IsEnum(HousingProgram)
  program!: HousingProgram;

  @Field(() => GraphQLLocalDate, { description: 'The day the application was received; not in the future' })
  appliedOn!: string;

  @Field(() => String, { nullable: true, description: 'The house today and what the family asks for' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  description?: string;
}

@ArgsType()
export class ApproveHousingGrantArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLLocalDate, { description: 'The date of the approval decision: the policy rate in force on it sets the support' })
  approvedOn!: string;

  @Field(() => String, { description: 'The approval decision (quyết định phê duyệt)' })
  @IsString()
  @Length(1, 100, { message: 'decisionNumber must be 1 to 100 characters' })
  decisionNumber!: string;

  @Field(() => [FundingLineInput], { description: 'Where the money comes from; they add up to the approved total' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  fundingLines!: FundingLineInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}

@ArgsType()
export class RejectHousingGrantArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  @IsString()
  @Length(5, 500, { message: 'Give the reason in 5 to 500 characters' })
  reason!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Today if not given' })
  @IsOptional()
  occurredOn?: string;
}

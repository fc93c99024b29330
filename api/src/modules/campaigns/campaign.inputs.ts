import { IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { IdsFilter, listArgsOf, SearchFilter } from '../../common/pagination';

@InputType({ description: 'Filters of the campaign list; all optional, combined with AND' })
export class CampaignFilter extends SearchFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  fundId?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Campaigns running on this date' })
  @IsOptional()
  activeOn?: string;
}

export const { PageArgs: CampaignListArgs, FilterArgs: CampaignFilterArgs } = listArgsOf(CampaignFilter);
export type CampaignListArgs = InstanceType<typeof CampaignListArgs>;
export type CampaignFilterArgs = InstanceType<typeof CampaignFilterArgs>;

@ArgsType()
export class CreateCampaignArgs {
  @Field(() => ID)
  fundId!: string;

  @Field(() => String)
  @IsString()
  @Length(3, 200, { message: 'name must be 3 to 200 characters' })
  name!: string;

  @Field(() => GraphQLLocalDate)
  startsOn!: string;

  @Field(() => GraphQLLocalDate)
  endsOn!: string;

  @Field(() => Money)
  @IsInt()
  @Min(1, { message: 'target must be at least 1 đồng' })
  target!: number;
}

@ArgsType()
export class UpdateCampaignArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 200, { message: 'name must be 3 to 200 characters' })
  name?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @IsOptional()
  startsOn?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @IsOptional()
  endsOn?: string;

  @Field(() => Money, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'target must be at least 1 đồng' })
  target?: number;
}

@InputType()
export class PledgeFilter extends IdsFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  campaignId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  donorId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only pledges past their due date and not fully paid' })
  @IsOptional()
  overdue?: boolean;
}

export const { PageArgs: PledgeListArgs, FilterArgs: PledgeFilterArgs } = listArgsOf(PledgeFilter);
export type PledgeListArgs = InstanceType<typeof PledgeListArgs>;
export type PledgeFilterArgs = InstanceType<typeof PledgeFilterArgs>;

@ArgsType()
export class CreatePledgeArgs {
  @Field(() => ID)
  campaignId!: string;

  @Field(() => ID)
  donorId!: string;

  @Field(() => Money)
  @IsInt()
  @Min(1, { message: 'amount must be at least 1 đồng' })
  amount!: number;

  @Field(() => GraphQLLocalDate)
  dueOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string;
}

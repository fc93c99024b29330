import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { IdsFilter, listArgsOf, SearchFilter } from '../../common/pagination';
import { IsPhone } from '../../common/validators';
import { FundingLineInput } from '../projects/project.inputs';
import { Gender } from './child.entity';
import { GiftForm, GiftOccasion, GiftRecipientStatus } from './gift.entity';
import { SurgeryCondition, SurgeryStatus } from './support.entity';

/** The largest batch of one gift campaign operation. */
export const MAX_GIFT_BATCH = 5_000;

@InputType({ description: 'Filters of the children; all optional, combined with AND' })
export class ChildFilter extends SearchFilter {
  @Field(() => [ID], { nullable: true, description: 'Children of these units and the units below them' })
  @IsOptional()
  @ArrayMaxSize(300)
  unitIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Circumstance codes (any of them)' })
  @IsOptional()
  @ArrayMaxSize(30)
  circumstances?: string[];

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  gender?: Gender;

  @Field(() => Int, { nullable: true, description: 'At most this old on `ageOn` (today if not given)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(15)
  maxAge?: number;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @IsOptional()
  ageOn?: string;
}

export const { PageArgs: ChildListArgs, FilterArgs: ChildFilterArgs } = listArgsOf(ChildFilter);
export type ChildListArgs = InstanceType<typeof ChildListArgs>;
export type ChildFilterArgs = InstanceType<typeof ChildFilterArgs>;

@ArgsType()
export class ChildFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 120, { message: 'fullName must be 2 to 120 characters' })
  fullName?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The child is under 16' })
  @IsOptional()
  birthDate?: string;

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender;

  @Field(() => ID, { nullable: true, description: 'The commune the child lives in' })
  @IsOptional()
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'A circumstance code, e.g. ORPHAN_BOTH' })
  @IsOptional()
  circumstanceCode?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 120, { message: 'guardianName must be 2 to 120 characters' })
  guardianName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhone()
  guardianPhone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 300, { message: 'address must be 3 to 300 characters' })
  address?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string;
}

@ArgsType()
export class CreateChildArgs extends ChildFields {
  @Field(() => String)
  @IsString()
  @Length(2, 120, { message: 'fullName must be 2 to 120 characters' })
  declare fullName: string;

  @Field(() => GraphQLLocalDate)
  declare birthDate: string;

  @Field(() => Gender)
  @IsEnum(Gender)
  declare gender: Gender;

  @Field(() => ID)
  declare unitId: string;

  @Field(() => ID)
  declare circumstanceCode: string;

  @Field(() => String)
  @IsString()
  @Length(2, 120, { message: 'guardianName must be 2 to 120 characters' })
  declare guardianName: string;

  @Field(() => String)
  @IsString()
  @Length(3, 300, { message: 'address must be 3 to 300 characters' })
  declare address: string;
}

@ArgsType()
export class UpdateChildArgs extends ChildFields {
  @Field(() => ID)
  id!: string;
}

@InputType({ description: 'Who a gift campaign picks: children under 16 on the gift date, in these units, of these circumstances, at most this old' })
export class GiftCriteria {
  @Field(() => [ID], { description: 'Communes, or units above them (all their communes)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(300)
  unitIds!: string[];

  @Field(() => [ID], { nullable: true, description: 'Circumstance codes; all if empty' })
  @IsOptional()
  @ArrayMaxSize(30)
  circumstances?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(15)
  maxAge?: number;
}

@ArgsType()
export class GiftPreviewArgs {
  @Field(() => ID, { description: 'The Child Protection Fund paying' })
  fundId!: string;

  @Field(() => GiftCriteria)
  @ValidateNested()
  criteria!: GiftCriteria;

  @Field(() => GraphQLLocalDate)
  giftDate!: string;

  @Field(() => GiftForm)
  @IsEnum(GiftForm)
  form!: GiftForm;

  @Field(() => Money)
  amountPerChild!: number;

  @Field(() => ID, { nullable: true, description: 'A campaign being extended: its children are left out' })
  @IsOptional()
  campaignId?: string;
}

@ArgsType()
export class CreateGiftCampaignArgs {
  @Field(() => ID, { description: 'The Child Protection Fund paying' })
  fundId!: string;

  @Field(() => String)
  @IsString()
  @Length(3, 200, { message: 'name must be 3 to 200 characters' })
  name!: string;

  @Field(() => GiftOccasion)
  @IsEnum(GiftOccasion)
  occasion!: GiftOccasion;

  @Field(() => GraphQLLocalDate)
  giftDate!: string;

  @Field(() => GiftForm)
  @IsEnum(GiftForm)
  form!: GiftForm;

  @Field(() => Money, { description: 'Per child: cash, or the valuation of the package' })
  amountPerChild!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 300, { message: 'packageDescription must be 3 to 300 characters' })
  packageDescription?: string;

  @Field(() => GiftCriteria, { description: 'How the children were picked (kept with the campaign)' })
  @ValidateNested()
  criteria!: GiftCriteria;

  @Field(() => [ID], { description: `The children (from giftEligibleChildren), at most ${MAX_GIFT_BATCH}` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GIFT_BATCH)
  childIds!: string[];

  @Field(() => String, { description: 'The same key for every retry: one campaign, one batch' })
  @IsString()
  @Length(8, 100)
  idempotencyKey!: string;
}

@ArgsType()
export class AddGiftRecipientsArgs {
  @Field(() => ID)
  campaignId!: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GIFT_BATCH)
  childIds!: string[];

  @Field(() => String)
  @IsString()
  @Length(8, 100)
  idempotencyKey!: string;
}

@ArgsType()
export class HandOverGiftsArgs {
  @Field(() => ID)
  campaignId!: string;

  @Field(() => [ID], { description: 'Recipient ids (lines of the distribution list)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GIFT_BATCH)
  recipientIds!: string[];

  @Field(() => GraphQLLocalDate)
  occurredOn!: string;
}

@ArgsType()
export class ReturnGiftsArgs extends HandOverGiftsArgs {
  @Field(() => String, { description: 'Why the gifts were not handed over' })
  @IsString()
  @Length(5, 500, { message: 'Give the reason in 5 to 500 characters' })
  reason!: string;
}

@InputType({ description: 'Filters of the gift campaigns; all optional, combined with AND' })
export class GiftCampaignFilter extends IdsFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  fundId?: string;

  @Field(() => GiftOccasion, { nullable: true })
  @IsOptional()
  occasion?: GiftOccasion;

  @Field(() => Int, { nullable: true, description: 'The year of the gift date' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export const { PageArgs: GiftCampaignListArgs, FilterArgs: GiftCampaignFilterArgs } = listArgsOf(GiftCampaignFilter);
export type GiftCampaignListArgs = InstanceType<typeof GiftCampaignListArgs>;
export type GiftCampaignFilterArgs = InstanceType<typeof GiftCampaignFilterArgs>;

@InputType({ description: 'Filters of a distribution list' })
export class GiftRecipientFilter {
  @Field(() => ID)
  campaignId!: string;

  @Field(() => ID, { nullable: true, description: 'One commune (or unit above) of the list' })
  @IsOptional()
  unitId?: string;

  @Field(() => GiftRecipientStatus, { nullable: true })
  @IsOptional()
  status?: GiftRecipientStatus;
}

@InputType({ description: 'Filters of the scholarships' })
export class ScholarshipFilter extends SearchFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  childId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{4}-\d{4}$/, { message: 'schoolYear looks like 2025-2026' })
  schoolYear?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  unitId?: string;
}

export const { PageArgs: ScholarshipListArgs, FilterArgs: ScholarshipFilterArgs } = listArgsOf(ScholarshipFilter);
export type ScholarshipListArgs = InstanceType<typeof ScholarshipListArgs>;
export type ScholarshipFilterArgs = InstanceType<typeof ScholarshipFilterArgs>;

@ArgsType()
export class CreateScholarshipArgs {
  @Field(() => ID)
  childId!: string;

  @Field(() => ID, { description: 'The Child Protection Fund paying' })
  fundId!: string;

  @Field(() => String, { description: 'e.g. 2025-2026' })
  @Matches(/^\d{4}-\d{4}$/, { message: 'schoolYear looks like 2025-2026' })
  schoolYear!: string;

  @Field(() => String)
  @IsString()
  @Length(3, 200, { message: 'school must be 3 to 200 characters' })
  school!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  grade?: string;

  @Field(() => Money)
  amountPerTerm!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'terms must be 1 to 3' })
  @Max(3, { message: 'terms must be 1 to 3' })
  terms!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  decisionNumber?: string;
}

@InputType({ description: 'Filters of the surgery cases' })
export class SurgeryCaseFilter extends SearchFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  childId?: string;

  @Field(() => [SurgeryStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  status?: SurgeryStatus[];

  @Field(() => SurgeryCondition, { nullable: true })
  @IsOptional()
  condition?: SurgeryCondition;

  @Field(() => ID, { nullable: true, description: 'Cases of children of this unit and the units below it' })
  @IsOptional()
  unitId?: string;

  @Field(() => Int, { nullable: true, description: 'The year of referral' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export const { PageArgs: SurgeryCaseListArgs, FilterArgs: SurgeryCaseFilterArgs } = listArgsOf(SurgeryCaseFilter);
export type SurgeryCaseListArgs = InstanceType<typeof SurgeryCaseListArgs>;
export type SurgeryCaseFilterArgs = InstanceType<typeof SurgeryCaseFilterArgs>;

@ArgsType()
export class CreateSurgeryCaseArgs {
  @Field(() => ID)
  childId!: string;

  @Field(() => ID, { description: 'The Child Protection Fund supporting' })
  fundId!: string;

  @Field(() => SurgeryCondition)
  @IsEnum(SurgeryCondition)
  condition!: SurgeryCondition;

  @Field(() => String)
  @IsString()
  @Length(3, 200, { message: 'hospital must be 3 to 200 characters' })
  hospital!: string;

  @Field(() => Money)
  totalCost!: number;

  @Field(() => GraphQLLocalDate)
  referredOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string;
}

@ArgsType()
export class SurgeryStepArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLLocalDate)
  occurredOn!: string;

  @Field(() => String, { nullable: true, description: 'The decision, the hospital’s discharge paper…' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  document?: string;

  @Field(() => String, { nullable: true, description: 'A note; the reason, to cancel' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}

@ArgsType()
export class ApproveSurgeryCaseArgs extends SurgeryStepArgs {
  @Field(() => [FundingLineInput], { description: 'The fund’s support (a FUND line from the case’s fund), other sponsors, the family; they add up to the total cost' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  fundingLines!: FundingLineInput[];
}

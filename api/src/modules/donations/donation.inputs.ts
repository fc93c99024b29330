import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { ProgramCategory } from '../../common/categories';
import { Money } from '../../common/money';
import { listArgsOf, AmountSearchFilter } from '../../common/pagination';
import { DonationMethod, DonationStatus } from './donation.entity';

@InputType({ description: 'Filters of the donation list; all optional, combined with AND' })
export class DonationFilter extends AmountSearchFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  fundId?: string;

  @Field(() => ID, { nullable: true, description: 'Donations to the funds of this unit and the units below it' })
  @IsOptional()
  unitId?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @IsOptional()
  receivedFrom?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @IsOptional()
  receivedTo?: string;

  @Field(() => DonationMethod, { nullable: true })
  @IsOptional()
  method?: DonationMethod;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  donorId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  campaignId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  pledgeId?: string;

  @Field(() => DonationStatus, { nullable: true, description: 'POSTED or VOIDED' })
  @IsOptional()
  status?: DonationStatus;

  @Field(() => ProgramCategory, { nullable: true })
  @IsOptional()
  earmark?: ProgramCategory;
}

export const { PageArgs: DonationListArgs, FilterArgs: DonationFilterArgs } = listArgsOf(DonationFilter);
export type DonationListArgs = InstanceType<typeof DonationListArgs>;
export type DonationFilterArgs = InstanceType<typeof DonationFilterArgs>;

@ArgsType()
export class CreateDonationArgs {
  @Field(() => ID)
  fundId!: string;

  @Field(() => ID, { nullable: true, description: 'A recorded donor; or give donorName for a walk-in' })
  @IsOptional()
  donorId?: string;

  @Field(() => String, { nullable: true, description: "A walk-in donor's name, when there is no donor record" })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'donorName must be 1 to 200 characters' })
  donorName?: string;

  @Field(() => Money, { description: 'Whole đồng, greater than 0; for in-kind gifts, their valuation' })
  @IsInt({ message: 'amount must be a whole number of đồng' })
  amount!: number;

  @Field(() => GraphQLLocalDate, { description: 'The day the money or goods were received; not in the future' })
  receivedOn!: string;

  @Field(() => DonationMethod)
  @IsEnum(DonationMethod)
  method!: DonationMethod;

  @Field(() => String, { nullable: true, description: 'Required for IN_KIND: what was given' })
  @IsOptional()
  @IsString()
  @Length(3, 500, { message: 'inKindDescription must be 3 to 500 characters' })
  inKindDescription?: string;

  @Field(() => ProgramCategory, { nullable: true, description: 'Restrict the gift to one program' })
  @IsOptional()
  @IsEnum(ProgramCategory)
  earmark?: ProgramCategory;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  campaignId?: string;

  @Field(() => ID, { nullable: true, description: 'The pledge this donation pays (part of)' })
  @IsOptional()
  pledgeId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Ẩn tên trên trang công khai: the public page of the campaign shows "Nhà hảo tâm ẩn danh"' })
  @IsOptional()
  @IsBoolean()
  publicAnonymous?: boolean;

  @Field(() => String, { description: 'Chosen by the client (e.g. a UUID): the same key returns the same donation and posts nothing twice' })
  @IsString()
  @Length(8, 100, { message: 'idempotencyKey must be 8 to 100 characters' })
  idempotencyKey!: string;
}

import { IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsPhone } from '../../common/validators';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { listArgsOf, SearchFilter } from '../../common/pagination';
import { HouseCondition } from './household.entity';

@InputType({ description: 'Filters of the household list; all optional, combined with AND' })
export class BeneficiaryHouseholdFilter extends SearchFilter {
  @Field(() => ID, { nullable: true, description: 'Households of this unit and the units below it' })
  @IsOptional()
  unitId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  meritCategoryCode?: string;

  @Field(() => HouseCondition, { nullable: true })
  @IsOptional()
  houseCondition?: HouseCondition;

  @Field(() => String, { nullable: true, description: 'The exact 12-digit citizen ID (only for roles that may see IDs)' })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: 'nationalId must be 12 digits' })
  nationalId?: string;
}

export const { PageArgs: BeneficiaryHouseholdListArgs, FilterArgs: BeneficiaryHouseholdFilterArgs } = listArgsOf(BeneficiaryHouseholdFilter);
export type BeneficiaryHouseholdListArgs = InstanceType<typeof BeneficiaryHouseholdListArgs>;
export type BeneficiaryHouseholdFilterArgs = InstanceType<typeof BeneficiaryHouseholdFilterArgs>;

@ArgsType()
export class HouseholdFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 120, { message: 'personName must be 2 to 120 characters' })
  personName?: string;

  @Field(() => ID, { nullable: true, description: 'A merit category code, e.g. WAR_INVALID' })
  @IsOptional()
  meritCategoryCode?: string;

  @Field(() => ID, { nullable: true, description: 'The commune the household lives in' })
  @IsOptional()
  unitId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 300, { message: 'address must be 3 to 300 characters' })
  address?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'householdSize must be at least 1' })
  @Max(50, { message: 'householdSize must be at most 50' })
  householdSize?: number;

  @Field(() => HouseCondition, { nullable: true })
  @IsOptional()
  @IsEnum(HouseCondition)
  houseCondition?: HouseCondition;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhone()
  phone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string;
}

@ArgsType()
export class CreateBeneficiaryHouseholdArgs extends HouseholdFields {
  @Field(() => String)
  @IsString()
  @Length(2, 120, { message: 'personName must be 2 to 120 characters' })
  declare personName: string;

  @Field(() => String, { description: 'The 12-digit citizen ID (CCCD)' })
  @IsString()
  nationalId!: string;

  @Field(() => ID)
  declare meritCategoryCode: string;

  @Field(() => ID)
  declare unitId: string;

  @Field(() => String)
  @IsString()
  @Length(3, 300, { message: 'address must be 3 to 300 characters' })
  declare address: string;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'householdSize must be at least 1' })
  @Max(50, { message: 'householdSize must be at most 50' })
  declare householdSize: number;

  @Field(() => HouseCondition)
  @IsEnum(HouseCondition)
  declare houseCondition: HouseCondition;
}

@ArgsType()
export class UpdateBeneficiaryHouseholdArgs extends HouseholdFields {
  @Field(() => ID)
  id!: string;
}

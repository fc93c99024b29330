import { IsEnum, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsPhone } from '../../common/validators';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { listArgsOf, SearchFilter } from '../../common/pagination';
import { DonorType } from './donor.entity';

@InputType({ description: 'Filters of the donor list; all optional, combined with AND' })
export class DonorFilter extends SearchFilter {
  @Field(() => DonorType, { nullable: true })
  @IsOptional()
  type?: DonorType;

  @Field(() => ID, { nullable: true, description: 'Donors recorded by this unit and the units below it' })
  @IsOptional()
  unitId?: string;
}

export const { PageArgs: DonorListArgs, FilterArgs: DonorFilterArgs } = listArgsOf(DonorFilter);
export type DonorListArgs = InstanceType<typeof DonorListArgs>;
export type DonorFilterArgs = InstanceType<typeof DonorFilterArgs>;

@ArgsType()
export class DonorFields {
  @Field(() => DonorType, { nullable: true })
  @IsOptional()
  @IsEnum(DonorType)
  type?: DonorType;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Mã số thuế: 10 digits, or 10 digits, a dash and 3 digits' })
  @IsOptional()
  @Matches(/^\d{10}(-\d{3})?$/, { message: 'taxCode must be 10 digits, or 10 digits, a dash and 3 digits (e.g. 0600123456 or 0600123456-001)' })
  taxCode?: string;

  @Field(() => String, { nullable: true, description: 'CCCD (12 digits) or CMND (9 digits)' })
  @IsOptional()
  @Matches(/^(\d{9}|\d{12})$/, { message: 'idNumber must be a 12-digit citizen ID (CCCD) or a 9-digit ID card number (CMND)' })
  idNumber?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhone()
  phone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  address?: string;
}

@ArgsType()
export class CreateDonorArgs extends DonorFields {
  @Field(() => DonorType)
  @IsEnum(DonorType)
  declare type: DonorType;

  @Field(() => String)
  @IsString()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  declare name: string;

  @Field(() => ID, { nullable: true, description: 'The unit recording the donor; yours by default' })
  @IsOptional()
  unitId?: string;
}

@ArgsType()
export class UpdateDonorArgs extends DonorFields {
  @Field(() => ID)
  id!: string;
}

import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { listArgsOf, AmountSearchFilter } from '../../common/pagination';
import { DisbursementCategory, DisbursementStatus, ProjectType } from './disbursement.entity';

@InputType({ description: 'Filters of the disbursement list (inspectors’ queries); all optional, combined with AND' })
export class DisbursementFilter extends AmountSearchFilter {
  @Field(() => [ID], { nullable: true, description: 'Any of these funds' })
  @IsOptional()
  fundIds?: string[];

  @Field(() => ID, { nullable: true, description: 'Funds of this unit and the units below it' })
  @IsOptional()
  unitId?: string;

  @Field(() => [DisbursementStatus], { nullable: true })
  @IsOptional()
  status?: DisbursementStatus[];

  @Field(() => [DisbursementCategory], { nullable: true })
  @IsOptional()
  category?: DisbursementCategory[];

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Created (or paid, for paid ones) on or after' })
  @IsOptional()
  dateFrom?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @IsOptional()
  dateTo?: string;

  @Field(() => String, { nullable: true, description: "Text in the payee's name, ID number or bank account" })
  @IsOptional()
  @MaxLength(100)
  payee?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  createdById?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  approvedById?: string;

  @Field(() => ProjectType, { nullable: true })
  @IsOptional()
  projectType?: ProjectType;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  projectId?: string;
}

export const { PageArgs: DisbursementListArgs, FilterArgs: DisbursementFilterArgs } = listArgsOf(DisbursementFilter);
export type DisbursementListArgs = InstanceType<typeof DisbursementListArgs>;
export type DisbursementFilterArgs = InstanceType<typeof DisbursementFilterArgs>;

@ArgsType()
export class CreateDisbursementArgs {
  @Field(() => ID)
  fundId!: string;

  @Field(() => Money, { description: 'Whole đồng, greater than 0' })
  @IsInt({ message: 'amount must be a whole number of đồng' })
  amount!: number;

  @Field(() => DisbursementCategory)
  @IsEnum(DisbursementCategory)
  category!: DisbursementCategory;

  @Field(() => String)
  @IsString()
  @Length(2, 200, { message: 'payeeName must be 2 to 200 characters' })
  payeeName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^(\d{9}|\d{12}|\d{10}(-\d{3})?)$/, { message: 'payeeIdNumber must be a 12-digit CCCD, a 9-digit CMND or a tax code' })
  payeeIdNumber?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  payeeAddress?: string;

  @Field(() => String, { nullable: true, description: 'Account number and bank' })
  @IsOptional()
  @MaxLength(120)
  payeeBankAccount?: string;

  @Field(() => String)
  @IsString()
  @Length(5, 1000, { message: 'purpose must be 5 to 1000 characters' })
  purpose!: string;

  @Field(() => ProjectType, { nullable: true })
  @IsOptional()
  @IsEnum(ProjectType)
  projectType?: ProjectType;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  projectId?: string;

  @Field(() => [String], { nullable: true, description: 'Supporting document references' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(200, { each: true })
  documents?: string[];

  @Field(() => ID, { nullable: true, description: 'Required for TRANSFER: the fund receiving the money' })
  @IsOptional()
  targetFundId?: string;

  @Field(() => String)
  @IsString()
  @Length(8, 100, { message: 'idempotencyKey must be 8 to 100 characters' })
  idempotencyKey!: string;
}

import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { listArgsOf, SearchFilter } from '../../common/pagination';
import { Money } from '../../common/money';
import { FundingLineInput } from '../projects/project.inputs';
import { UnitLevel } from '../units/unit.entity';
import { MemorialWorkKind, MemorialWorkScope, MemorialWorkStatus } from './memorial-work.entity';

@InputType({ description: 'Filters of the memorial works; all optional, combined with AND' })
export class MemorialWorkFilter extends SearchFilter {
  @Field(() => ID, { nullable: true, description: 'Works of this unit and the units below it' })
  @IsOptional()
  unitId?: string;

  @Field(() => [MemorialWorkStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  status?: MemorialWorkStatus[];

  @Field(() => MemorialWorkKind, { nullable: true })
  @IsOptional()
  kind?: MemorialWorkKind;

  @Field(() => MemorialWorkScope, { nullable: true })
  @IsOptional()
  scope?: MemorialWorkScope;

  @Field(() => UnitLevel, { nullable: true, description: 'The level of the unit that owns the work' })
  @IsOptional()
  level?: UnitLevel;

  @Field(() => Int, { nullable: true, description: 'The year of approval (of planning, if not approved)' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export const { PageArgs: MemorialWorkListArgs, FilterArgs: MemorialWorkFilterArgs } = listArgsOf(MemorialWorkFilter);
export type MemorialWorkListArgs = InstanceType<typeof MemorialWorkListArgs>;
export type MemorialWorkFilterArgs = InstanceType<typeof MemorialWorkFilterArgs>;

@ArgsType()
export class CreateMemorialWorkArgs {
  @Field(() => String)
  @IsString()
  @Length(3, 200, { message: 'name must be 3 to 200 characters' })
  name!: string;

  @Field(() => MemorialWorkKind)
  @IsEnum(MemorialWorkKind)
  kind!: MemorialWorkKind;

  @Field(() => MemorialWorkScope)
  @IsEnum(MemorialWorkScope)
  scope!: MemorialWorkScope;

  @Field(() => ID, { description: 'The unit that owns the work: its level sets the cap' })
  unitId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 300)
  location?: string;

  @Field(() => Int, { nullable: true, description: 'For graves: how many' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'graveCount must be at least 1' })
  @Max(100_000)
  graveCount?: number;

  @Field(() => Money, { description: 'The approved cost (tổng mức đầu tư), in đồng' })
  approvedCost!: number;

  @Field(() => [FundingLineInput], { description: 'The financing; it adds up to the approved cost' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  fundingLines!: FundingLineInput[];

  @Field(() => String, { nullable: true, description: 'The approved project document (required from 500 million đồng)' })
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'projectDocumentNumber must be 1 to 100 characters' })
  projectDocumentNumber?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  contractor?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @IsOptional()
  startOn?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @IsOptional()
  plannedEndOn?: string;
}

@ArgsType()
export class ReportMemorialProgressArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLLocalDate)
  reportedOn!: string;

  @Field(() => Int, { description: '0 to 100, not below the previous report' })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}

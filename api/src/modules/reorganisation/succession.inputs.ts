import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { listArgsOf, SearchFilter } from '../../common/pagination';
import { UnitLevel } from '../units/unit.entity';
import { SuccessionKind, SuccessionStatus } from './succession.entity';

@InputType({ description: 'Filters of the succession events; all optional, combined with AND' })
export class UnitSuccessionEventFilter extends SearchFilter {
  @Field(() => SuccessionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SuccessionStatus)
  status?: SuccessionStatus;
}

export const { PageArgs: UnitSuccessionEventListArgs, FilterArgs: UnitSuccessionEventFilterArgs } = listArgsOf(UnitSuccessionEventFilter);
export type UnitSuccessionEventListArgs = InstanceType<typeof UnitSuccessionEventListArgs>;
export type UnitSuccessionEventFilterArgs = InstanceType<typeof UnitSuccessionEventFilterArgs>;

@InputType({ description: 'A unit created when the event is applied (e.g. a commune formed by merging communes)' })
export class NewUnitInput {
  @Field(() => String, { description: "The statistics office's code of the new unit (unique)" })
  @Matches(/^[0-9]{2,6}$/, { message: 'code is 2 to 6 digits' })
  code!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @Field(() => String, { description: 'Name with its type, e.g. "Xã Hải Nam"' })
  @IsString()
  @Length(1, 120, { message: 'nameWithType must be 1 to 120 characters' })
  nameWithType!: string;

  @Field(() => String, { description: 'tinh, thanh-pho, huyen, thi-xa, phuong, xa, thi-tran' })
  @Matches(/^(tinh|thanh-pho|huyen|quan|thi-xa|phuong|xa|thi-tran)$/, { message: 'type is one of tinh, thanh-pho, huyen, quan, thi-xa, phuong, xa, thi-tran' })
  type!: string;

  @Field(() => UnitLevel)
  @IsEnum(UnitLevel)
  level!: UnitLevel;

  @Field(() => ID, { description: 'The unit directly above it' })
  parentId!: string;
}

@InputType({ description: 'One line of a succession event: a predecessor and its successor (existing, or one of the new units by code)' })
export class SuccessionLineInput {
  @Field(() => SuccessionKind)
  @IsEnum(SuccessionKind)
  kind!: SuccessionKind;

  @Field(() => ID)
  predecessorId!: string;

  @Field(() => ID, { nullable: true, description: 'An existing successor (ABSORBED) or new parent (REPARENTED)' })
  @IsOptional()
  successorId?: string;

  @Field(() => String, { nullable: true, description: 'Or the code of one of the new units of the event' })
  @IsOptional()
  @Matches(/^\s*[0-9]{2,6}\s*$/, { message: 'newUnitCode is the 2 to 6 digits of one of the new units' })
  newUnitCode?: string;
}

@ArgsType()
export class CreateUnitSuccessionEventArgs {
  @Field(() => String)
  @IsString()
  @Length(3, 200, { message: 'name must be 3 to 200 characters' })
  name!: string;

  @Field(() => String, { description: 'The resolution or law and its date' })
  @IsString()
  @Length(5, 500, { message: 'legalBasis must be 5 to 500 characters' })
  legalBasis!: string;

  @Field(() => GraphQLLocalDate, { description: 'First day of the new arrangement' })
  effectiveOn!: string;

  @Field(() => [NewUnitInput], { nullable: true, description: 'Units created on apply' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(200)
  newUnits?: NewUnitInput[];

  @Field(() => [SuccessionLineInput])
  @ValidateNested({ each: true })
  @ArrayMinSize(1, { message: 'give at least one line' })
  @ArrayMaxSize(1000)
  lines!: SuccessionLineInput[];
}

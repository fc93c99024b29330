import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { listArgsOf, SearchFilter } from '../../common/pagination';
import { UnitLevel } from './unit.entity';

@InputType({ description: 'Filters of the administrative unit list; all optional, combined with AND' })
export class AdministrativeUnitFilter extends SearchFilter {
  @Field(() => UnitLevel, { nullable: true })
  @IsOptional()
  level?: UnitLevel;

  @Field(() => ID, { nullable: true, description: 'Only the units directly below this one' })
  @IsOptional()
  parentId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10)
  code?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only the units in force today (true), or only those ended by a reorganisation (false)' })
  @IsOptional()
  current?: boolean;
}

export const { PageArgs: AdministrativeUnitListArgs, FilterArgs: AdministrativeUnitFilterArgs } = listArgsOf(AdministrativeUnitFilter);
export type AdministrativeUnitListArgs = InstanceType<typeof AdministrativeUnitListArgs>;
export type AdministrativeUnitFilterArgs = InstanceType<typeof AdministrativeUnitFilterArgs>;

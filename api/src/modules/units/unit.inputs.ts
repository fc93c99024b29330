import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ListArgs } from '../../common/pagination';
import { UnitLevel } from './unit.entity';

@InputType({ description: 'Filters of the administrative unit list; all optional, combined with AND' })
export class AdministrativeUnitFilter {
  @Field(() => String, { nullable: true, description: 'Text in the name or code, with or without diacritics' })
  @IsOptional()
  @MaxLength(100)
  q?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];

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
}

@ArgsType()
export class AdministrativeUnitListArgs extends ListArgs {
  @Field(() => AdministrativeUnitFilter, { nullable: true })
  @IsOptional()
  filter?: AdministrativeUnitFilter;
}

@ArgsType()
export class AdministrativeUnitFilterArgs {
  @Field(() => AdministrativeUnitFilter, { nullable: true })
  @IsOptional()
  filter?: AdministrativeUnitFilter;
}

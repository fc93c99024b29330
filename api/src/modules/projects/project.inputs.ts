import { IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { FundingSource } from './project.entities';

@InputType({ description: 'One funding line; a FUND line names the fund that pays' })
export class FundingLineInput {
  @Field(() => FundingSource)
  @IsEnum(FundingSource)
  source!: FundingSource;

  @Field(() => ID, { nullable: true, description: 'For a FUND line: a Gratitude Fund of the unit or a unit above it' })
  @IsOptional()
  fundId?: string;

  @Field(() => String, { nullable: true, description: "The sponsor's name, or a note" })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'note must be at most 200 characters' })
  note?: string;

  @Field(() => Money)
  amount!: number;
}

/** One step of a project's lifecycle (a housing grant, a memorial work…): when, with which document. */
@ArgsType()
export class ProjectStepArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLLocalDate, { description: 'The day the step happened; not before the previous step, not in the future' })
  occurredOn!: string;

  @Field(() => String, { nullable: true, description: 'The document of the step: a confirmation, a decision, handover or acceptance minutes (required to approve a work or complete a grant)' })
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'document must be 1 to 100 characters' })
  document?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}

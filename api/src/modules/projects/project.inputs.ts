import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
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

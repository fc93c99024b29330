import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { listArgsOf, SearchFilter } from '../../common/pagination';
import { Role } from '../../common/permissions';

@InputType({ description: 'Filters of the user list; all optional, combined with AND' })
export class UserFilter extends SearchFilter {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'Users of this unit and the units below it' })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean;
}

export const { PageArgs: UserListArgs, FilterArgs: UserFilterArgs } = listArgsOf(UserFilter);
export type UserListArgs = InstanceType<typeof UserListArgs>;
export type UserFilterArgs = InstanceType<typeof UserFilterArgs>;

@ArgsType()
export class CreateUserArgs {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @IsString()
  @Length(2, 120, { message: 'fullName must be 2 to 120 characters' })
  fullName!: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;

  @Field(() => ID, { description: 'The administrative unit the user works for: the top of their scope' })
  unitId!: string;

  @Field(() => String, { description: 'At least 10 characters with a letter and a digit' })
  @IsString()
  password!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class UpdateUserArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 120, { message: 'fullName must be 2 to 120 characters' })
  fullName?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

import { Field, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Permission } from '../../common/permissions';
import { AdministrativeUnit } from '../units/unit.entity';
import { User } from '../users/user.entity';

@ObjectType({ description: 'The signed-in user with what they may do' })
export class Viewer {
  @Field(() => User)
  user!: User;

  @Field(() => AdministrativeUnit, { description: 'The unit the user belongs to: the top of their scope' })
  unit!: AdministrativeUnit;

  @Field(() => [Permission], { description: 'What the server will allow; the console only hides the rest' })
  permissions!: Permission[];
}

@ObjectType()
export class AuthPayload extends Viewer {
  @Field(() => String, { description: 'Send as "Authorization: Bearer <token>"' })
  token!: string;

  @Field(() => GraphQLDateTimeISO)
  expiresAt!: Date;
}

import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { signedIn, type RequestContext } from '../../common/context';
import { ListMetadata } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { User } from './user.entity';
import { CreateUserArgs, UpdateUserArgs, UserFilterArgs, UserListArgs } from './user.inputs';
import { userService } from './user.service';

@Resolver(() => User)
export class UserResolver {
  @Authorized(Permission.UserRead)
  @Query(() => [User], { description: 'Users of your unit and the units below it' })
  allUsers(@Ctx() ctx: RequestContext, @Args(() => UserListArgs) args: UserListArgs) {
    return userService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.UserRead)
  @Query(() => ListMetadata)
  async _allUsersMeta(@Ctx() ctx: RequestContext, @Args(() => UserFilterArgs) args: UserFilterArgs): Promise<ListMetadata> {
    return { count: await userService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.UserRead)
  @Query(() => User)
  User(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return userService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.UserCreate)
  @Mutation(() => User)
  createUser(@Ctx() ctx: RequestContext, @Args(() => CreateUserArgs) args: CreateUserArgs) {
    return userService.create(signedIn(ctx), args);
  }

  @Authorized(Permission.UserUpdate)
  @Mutation(() => User, { description: 'Changes name, role, unit or active flag; role, unit and active changes end the user’s sessions' })
  updateUser(@Ctx() ctx: RequestContext, @Args(() => UpdateUserArgs) args: UpdateUserArgs) {
    return userService.update(signedIn(ctx), args);
  }

  @Authorized(Permission.UserResetPassword)
  @Mutation(() => User, { description: "Sets a new password and ends the user's sessions" })
  resetUserPassword(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('password', () => String) password: string,
  ) {
    return userService.resetPassword(signedIn(ctx), id, password);
  }
}

import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { signedIn, type RequestContext } from '../../common/context';
import { Permission } from '../../common/permissions';
import { AuthPayload, Viewer } from './auth.types';
import { AuthService } from './auth.service';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Authorized(Permission.Public)
  @Mutation(() => AuthPayload, { description: 'Signs in; a wrong email and a wrong password get the same answer' })
  login(
    @Ctx() ctx: RequestContext,
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
  ): Promise<AuthPayload> {
    return this.auth.login(ctx, email, password);
  }

  @Authorized(Permission.Authenticated)
  @Query(() => Viewer, { description: 'The signed-in user, their unit and permissions' })
  me(@Ctx() ctx: RequestContext): Promise<Viewer> {
    return this.auth.me(signedIn(ctx));
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext, SignedInContext } from '../../common/context';
import { AppError, ErrorCode } from '../../common/errors';
import { logger } from '../../common/logger';
import { rolePermissions, type Role } from '../../common/permissions';
import { Scope } from '../../common/scope';
import { User } from '../users/user.entity';
import type { AuthPayload, Viewer } from './auth.types';
import { assertNotLocked, clearFailures, recordFailure } from './login-throttle';
import { burnVerification, verifyPassword } from './password';
import type { TokenService } from './token';

const WRONG_CREDENTIALS = 'The email or the password is wrong';

function viewer(user: User): Viewer {
  return { user, unit: user.unit.getEntity(), permissions: [...rolePermissions[user.role]] };
}

export class AuthService {
  constructor(private readonly tokens: TokenService) {}

  async login(ctx: RequestContext, emailInput: string, password: string): Promise<AuthPayload> {
    const email = emailInput.trim().toLowerCase();
    const em = ctx.em;
    await assertNotLocked(em, ctx.ip, email);
    const user = await em.findOne(User, { email }, { populate: ['passwordHash', 'unit'] });
    const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnVerification(password), false);
    if (!user || !ok || !user.active) {
      // Counted outside the mutation's transaction, which rolls back: after it when one is open.
      const count = () => recordFailure(em, ctx.ip, email);
      if (ctx.afterTransaction) ctx.afterTransaction.push(count);
      else await count();
      logger.info('sign-in refused', { requestId: ctx.requestId, ip: ctx.ip, email, reason: !user ? 'unknown' : !ok ? 'password' : 'inactive' });
      throw new AppError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
    }
    await clearFailures(em, email);
    user.lastLoginAt = new Date();
    await em.flush();
    const { token, expiresAt } = this.tokens.sign(user.id, user.tokenVersion);
    logger.info('signed in', { requestId: ctx.requestId, userId: user.id });
    return { ...viewer(user), token, expiresAt };
  }

  async me(ctx: SignedInContext): Promise<Viewer> {
    const user = await ctx.em.findOneOrFail(User, ctx.user.id, { populate: ['unit'] });
    return viewer(user);
  }

  /** Resolves the bearer token of a request into its user and scope, or the reason it is refused. */
  async authenticate(em: EntityManager, header: string | undefined): Promise<Pick<RequestContext, 'user' | 'scope' | 'authError'>> {
    if (!header) return {};
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return { authError: new AppError(ErrorCode.UNAUTHENTICATED, 'The Authorization header must be "Bearer <token>"') };
    const claims = this.tokens.verify(match[1]!);
    if ('error' in claims) {
      const message = claims.error === 'expired' ? 'Your session has expired: sign in again' : 'The sign-in token is not valid: sign in again';
      return { authError: new AppError(ErrorCode.UNAUTHENTICATED, message) };
    }
    // One lean statement (no entities): this runs before every signed-in request.
    const [user] = await em.execute<{ id: number; email: string; role: Role; active: boolean; token_version: number; unit_id: number; path: string }[]>(
      'select a.id, a.email, a.role, a.active, a.token_version, a.unit_id, u.path from app_user a join administrative_unit u on u.id = a.unit_id where a.id = ?',
      [Number(claims.sub)],
    );
    if (!user || user.active !== true || user.token_version !== claims.tv) {
      return { authError: new AppError(ErrorCode.UNAUTHENTICATED, 'Your session is no longer valid: sign in again') };
    }
    return {
      user: { id: user.id, email: user.email, role: user.role, unitId: user.unit_id },
      scope: new Scope(user.unit_id, user.path),
    };
  }
}

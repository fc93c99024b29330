import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from './permissions';
import { AppError, ErrorCode } from './errors';
import { Scope } from './scope';

export interface AuthUser {
  id: number;
  email: string;
  role: Role;
  unitId: number;
}

/** Built once per request; the first argument of every service method. */
export interface RequestContext {
  requestId: string;
  /** Client address (behind a proxy only when TRUST_PROXY is set). */
  ip: string;
  /** A fork of the EntityManager for this request only. */
  em: EntityManager;
  user?: AuthUser;
  scope?: Scope;
  /** Why a presented token was not accepted, answered when an operation needs a user. */
  authError?: AppError;
}

export interface SignedInContext extends RequestContext {
  user: AuthUser;
  scope: Scope;
}

export function signedIn(ctx: RequestContext): SignedInContext {
  if (!ctx.user || !ctx.scope) {
    throw ctx.authError ?? new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
  }
  return ctx as SignedInContext;
}

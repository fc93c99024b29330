import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
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
  config: Config;
  /** Client address (behind a proxy only when TRUST_PROXY is set). */
  ip: string;
  /** A fork of the EntityManager for this request only. */
  em: EntityManager;
  user?: AuthUser;
  scope?: Scope;
  /** Why a presented token was not accepted, answered when an operation needs a user. */
  authError?: AppError;
  /**
   * Set by the audit middleware while a mutation runs: work that must outlive the mutation's
   * transaction (counting a failed sign-in, which the rollback would undo). It runs once the
   * transaction has ended and released its connection, so it never waits for a second connection
   * while holding one (concurrent failed sign-ins used to exhaust the pool and hang the server).
   */
  afterTransaction?: (() => Promise<void>)[];
  /** Per-request DataLoaders (no N+1 in field resolvers); see `loader()`. */
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

/** The request's DataLoader of that name, created on first use: one query per batch of keys. */
export function loader<K, V>(ctx: RequestContext, name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  let found = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!found) {
    found = new DataLoader<K, V>(batch);
    ctx.loaders.set(name, found as DataLoader<unknown, unknown>);
  }
  return found;
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

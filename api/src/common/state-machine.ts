import { AppError, ErrorCode } from './errors';
import { hasPermission, type Permission, type Role } from './permissions';

export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
  permission: Permission;
}

/**
 * One state machine per kind of record: `transitions` name every allowed step; anything else is
 * INVALID_TRANSITION, a role without the step's permission FORBIDDEN.
 */
export class StateMachine<S extends string, A extends string> {
  constructor(
    readonly what: string,
    readonly transitions: Readonly<Record<A, Transition<S>>>,
  ) {}

  /** Why `role` may not take `action` on a record in `status`, or null if it may. */
  refusal(action: A, status: S, role: Role): AppError | null {
    const t = this.transitions[action];
    if (!t.from.includes(status)) {
      return new AppError(ErrorCode.INVALID_TRANSITION, `${this.what} that is ${status} cannot take the step "${action}": only one that is ${t.from.join(' or ')} can`, {
        status,
        action,
      });
    }
    if (!hasPermission(role, t.permission)) return new AppError(ErrorCode.FORBIDDEN, `Your role (${role}) may not ${action} ${this.what.toLowerCase()}`, { action });
    return null;
  }

  assert(action: A, status: S, role: Role): S {
    const error = this.refusal(action, status, role);
    if (error) throw error;
    return this.transitions[action].to;
  }

  /** The steps `role` may take now (the console shows only these buttons). */
  allowed(status: S, role: Role): Record<A, boolean> {
    return Object.fromEntries(Object.keys(this.transitions).map((a) => [a, this.refusal(a as A, status, role) === null])) as Record<A, boolean>;
  }
}

import { GraphQLError } from 'graphql';

/** The stable error codes every client may rely on (DESIGN §5). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  INSUFFICIENT_FUNDS = 'INSUFFICIENT_FUNDS',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  POLICY_LIMIT = 'POLICY_LIMIT',
  CONFLICT = 'CONFLICT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** A domain error: a GraphQL error with a stable `extensions.code` and optional details. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
  }
}

export const notFound = (what: string, id: string | number) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist or is outside your administrative unit`, { id: String(id) });

export const badInput = (message: string, field?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});

export const forbidden = (message: string) => new AppError(ErrorCode.FORBIDDEN, message);

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.CONFLICT, message, details);

/**
 * Thrown by a service whose transaction lost a race that only a new transaction can settle (a
 * concurrent replay of the same idempotency key committed first, after this transaction had
 * already written): the audit middleware rolls the whole mutation back and runs it once more.
 * Never reaches a client unless the race repeats.
 */
export class RetryInNewTransaction extends Error {
  constructor(reason: string) {
    super(`retry in a new transaction: ${reason}`);
    this.name = 'RetryInNewTransaction';
  }
}

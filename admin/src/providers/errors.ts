import { HttpError } from 'react-admin';

/**
 * Errors from the API, as the console uses them. The server answers every failure with a GraphQL
 * error carrying `extensions.code` (DESIGN §5); Apollo Client wraps those in an ApolloError (or,
 * on a non-2xx answer, a network error whose `result` holds them) and ra-data-graphql wraps that
 * again in an HttpError. `toHttpError` turns all of these into one shape:
 * `HttpError(message, status, { code, errors? })`, where `errors` is react-admin's server-side
 * validation format (field → message, plus `root.serverError`, which react-admin notifies).
 */
export interface ServerErrorBody {
  code: string | undefined;
  errors?: Record<string, string | { serverError: string }>;
  /** The server's errors as they came (message and extensions: rule, basis, existingId…). */
  graphQLErrors?: GraphQLErrorLike[];
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isGraphQLError = (value: unknown): value is GraphQLErrorLike => isRecord(value) && typeof value.message === 'string';

function errorList(value: unknown): GraphQLErrorLike[] {
  return Array.isArray(value) ? value.filter(isGraphQLError) : [];
}

/** The GraphQL errors inside whatever was thrown, outermost wrapper first. */
export function graphQLErrorsOf(error: unknown, depth = 0): GraphQLErrorLike[] {
  if (!isRecord(error) || depth > 3) return [];
  const direct = errorList(error.graphQLErrors);
  if (direct.length) return direct;
  const network = error.networkError;
  if (isRecord(network) && isRecord(network.result)) {
    const fromNetwork = errorList(network.result.errors);
    if (fromNetwork.length) return fromNetwork;
  }
  if (isRecord(error.result)) {
    const fromResult = errorList(error.result.errors);
    if (fromResult.length) return fromResult;
  }
  const listed = errorList(error.errors);
  if (listed.length) return listed;
  return graphQLErrorsOf(error.body, depth + 1);
}

/** The HTTP status of a failed request, when the failure was an HTTP one (not a GraphQL error). */
export function httpStatusOf(error: unknown): number | undefined {
  if (!isRecord(error)) return undefined;
  if (isRecord(error.networkError) && typeof error.networkError.statusCode === 'number') return error.networkError.statusCode;
  if (typeof error.statusCode === 'number') return error.statusCode;
  if (isRecord(error.body) && isRecord(error.body.networkError)) return httpStatusOf(error.body);
  return typeof error.status === 'number' && error.status !== 200 ? error.status : undefined;
}

/** The server's `extensions.code` (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, CONFLICT…). */
export function serverErrorCode(error: unknown): string | undefined {
  if (isRecord(error) && isRecord(error.body) && typeof error.body.code === 'string') return error.body.code;
  const code = graphQLErrorsOf(error)[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Field-level messages of a BAD_USER_INPUT or CONFLICT error, for the form to show under each input. */
function fieldErrors(first: GraphQLErrorLike): Record<string, string> {
  const result: Record<string, string> = {};
  const ext = first.extensions ?? {};
  if (typeof ext.field === 'string') result[ext.field] = first.message;
  if (Array.isArray(ext.fields)) {
    for (const item of ext.fields) {
      if (isRecord(item) && typeof item.field === 'string' && Array.isArray(item.messages)) {
        result[item.field] = item.messages.filter((m): m is string => typeof m === 'string').join('; ');
      }
    }
  }
  return result;
}

/**
 * One HttpError for every server failure; anything else (an aborted request) is returned as it is.
 * Its status is the HTTP one, or, for a GraphQL error answered with 200, the status its code stands
 * for (UNAUTHENTICATED 401, FORBIDDEN 403, anything else 400).
 */
export function toHttpError(error: unknown): unknown {
  const errors = graphQLErrorsOf(error);
  const status = httpStatusOf(error);
  const first = errors[0];
  if (!first) {
    if (error instanceof HttpError || !(error instanceof Error)) return error;
    return status === undefined ? error : new HttpError(error.message, status, { code: undefined });
  }
  const message = errors.map((e) => e.message).join('\n');
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : undefined;
  const fields = fieldErrors(first);
  const body: ServerErrorBody = { code, graphQLErrors: errors.map((e) => ({ message: e.message, extensions: e.extensions })) };
  if (Object.keys(fields).length > 0) body.errors = { ...fields, root: { serverError: message } };
  return new HttpError(message, status ?? (code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 400), body);
}

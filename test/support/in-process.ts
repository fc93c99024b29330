import { randomUUID } from 'node:crypto';
import { execute, parse, type DocumentNode } from 'graphql';
import type { Config } from '../../api/src/config';
import type { RequestContext } from '../../api/src/common/context';
import { formatError } from '../../api/src/common/format-error';
import type { Orm } from '../../api/src/database/orm';
import { AuthService } from '../../api/src/modules/auth/auth.service';
import { TokenService } from '../../api/src/modules/auth/token';
import { buildAppSchema } from '../../api/src/schema';
import type { GraphQLResponse } from './graphql';

/** One GraphQL operation as a client sends it: the same signature over HTTP (`gql`) and in process. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Client = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse<T>>;

/**
 * The API's own schema, resolvers, middleware (one transaction per mutation, with its audit event)
 * and request context, executed in this process without HTTP: for tests and benches that send
 * thousands of operations, where the HTTP layer (tested elsewhere) would only cost time.
 * Documents are parsed once; the tokens are the server's (same secret).
 */
export async function inProcessClient(orm: Orm, config: Config, jwtSecret: string): Promise<Client> {
  const tokens = new TokenService(jwtSecret, config.jwt.ttlSeconds);
  const auth = new AuthService(tokens);
  const schema = await buildAppSchema(tokens);
  const documents = new Map<string, DocumentNode>();
  return async (query, variables = {}, token) => {
    let document = documents.get(query);
    if (!document) documents.set(query, (document = parse(query)));
    const em = orm.em.fork();
    const contextValue: RequestContext = {
      requestId: randomUUID(),
      config,
      ip: '127.0.0.1',
      em,
      loaders: new Map(),
      ...(await auth.authenticate(em, token ? `Bearer ${token}` : undefined)),
    };
    const result = await execute({ schema, document, variableValues: variables, contextValue });
    return {
      status: 200,
      data: result.data as never,
      errors: result.errors?.map((e) => formatError(e.toJSON(), e)) as GraphQLResponse['errors'],
    };
  };
}

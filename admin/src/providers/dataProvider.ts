import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, Observable, gql } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import type { DataProvider, Identifier } from 'react-admin';
import type { AdministrativeUnit, User } from '../types';
import { buildQuery } from './buildQuery';
import { graphQLErrorsOf, toHttpError } from './errors';
import { introspectionSchema } from './introspection';
import { currentSession } from './session';

/** react-admin's methods plus the API's named verbs the console uses. */
export interface SoQuyDataProvider extends DataProvider {
  /** The units above one, from the top down, as far as the user's scope reaches. */
  getUnitAncestors(id: Identifier): Promise<{ data: AdministrativeUnit[] }>;
  /** Sets a new password; the server ends the user's sessions. */
  resetUserPassword(id: Identifier, password: string): Promise<{ data: User }>;
}

/** Adds `Authorization: Bearer <token>` from the stored session to every request. */
const authLink = new ApolloLink((operation, forward) => {
  const token = currentSession()?.token;
  if (token) {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, authorization: `Bearer ${token}` },
    }));
  }
  return forward(operation);
});

/**
 * Apollo Client takes a non-2xx answer for a network failure, and ra-data-graphql then keeps only
 * "Response not successful: Received status code 400". Apollo Server answers a bad request (an
 * invalid argument, say) with 400 and GraphQL errors holding the real message and code: pass those
 * on as GraphQL errors. Answers without GraphQL errors (a proxy's 502…) stay network errors.
 */
const serverErrorsLink = new ApolloLink(
  (operation, forward) =>
    new Observable((observer) => {
      const subscription = forward(operation).subscribe({
        next: (result) => observer.next(result),
        error: (error: unknown) => {
          const errors = graphQLErrorsOf(error);
          if (errors.length === 0) {
            observer.error(error);
            return;
          }
          observer.next({ errors });
          observer.complete();
        },
        complete: () => observer.complete(),
      });
      return () => subscription.unsubscribe();
    }),
);

const client = new ApolloClient({
  link: ApolloLink.from([authLink, serverErrorsLink, new HttpLink({ uri: '/graphql' })]),
  cache: new InMemoryCache(),
  defaultOptions: { query: { fetchPolicy: 'network-only' } },
});

const unitFields = 'id code name nameWithType level type parentId validFrom validTo';
const userFields = 'id email fullName role unitId active lastLoginAt createdAt updatedAt';

const ANCESTORS = gql`
  query AdministrativeUnitAncestors($id: ID!) {
    administrativeUnitAncestors(id: $id) { ${unitFields} }
  }
`;

const RESET_PASSWORD = gql`
  mutation ResetUserPassword($id: ID!, $password: String!) {
    resetUserPassword(id: $id, password: $password) { ${userFields} }
  }
`;

const graphQLProvider = buildGraphQLProvider({ client, buildQuery, introspection: { schema: introspectionSchema } });

const provider: SoQuyDataProvider = {
  ...graphQLProvider,
  async getUnitAncestors(id) {
    const { data } = await client.query<{ administrativeUnitAncestors: AdministrativeUnit[] }>({
      query: ANCESTORS,
      variables: { id: String(id) },
    });
    return { data: data.administrativeUnitAncestors };
  },
  async resetUserPassword(id, password) {
    const result = await client.mutate<{ resetUserPassword: User }>({
      mutation: RESET_PASSWORD,
      variables: { id: String(id), password },
    });
    if (!result.data) throw new Error('ra.notification.http_error');
    return { data: result.data.resetUserPassword };
  },
};

/** Every method rejects with one error shape (see errors.ts), so forms and checkError can rely on it. */
function withServerErrors<T extends object>(target: T): T {
  const wrapped = { ...target } as Record<string, unknown>;
  for (const [name, value] of Object.entries(target)) {
    if (typeof value !== 'function') continue;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return (await value.apply(target, args)) as unknown;
      } catch (error) {
        throw toHttpError(error);
      }
    };
  }
  return wrapped as T;
}

export const dataProvider: SoQuyDataProvider = withServerErrors(provider);

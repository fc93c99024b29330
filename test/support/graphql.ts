import { DEMO_PASSWORD } from '../../api/src/seed/demo';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** Posts one GraphQL operation over HTTP, as a client would. Untyped answers by default: tests read them freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function gql<T = Record<string, any>>(
  graphqlUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  return { ...body, status: response.status };
}

/** The response, or an error with its GraphQL errors when it has any: for the steps a test only sets up. */
export const ok = <T extends GraphQLResponse>(res: T): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res;
};

export function errorCode(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

const LOGIN = 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id email role } permissions } }';

/** Signs in and returns the token; throws with the server's message on failure. */
export async function signIn(graphqlUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await gql<{ login: { token: string } }>(graphqlUrl, LOGIN, { email, password });
  if (!response.data?.login) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(response.errors)}`);
  return response.data.login.token;
}

export { LOGIN };

import { gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

/** No N+1: the number of SQL statements of a list request does not grow with its page size. */
let server: TestServer;
let token: string;
let counting = false;
const executed: string[] = [];
beforeAll(async () => {
  // Every statement the ORM runs passes through this logger while `counting` is on.
  server = await startTestServer({}, { debug: ['query'], logger: (message) => counting && executed.push(message) });
  token = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
});
afterAll(() => server.close());

async function statements(query: string, variables: Record<string, unknown>): Promise<number> {
  executed.length = 0;
  counting = true;
  try {
    const res = await gql(server.graphqlUrl, query, variables, token);
    expect(res.errors).toBeUndefined();
  } finally {
    counting = false;
  }
  return executed.length;
}

describe('SQL statements per list request', () => {
  it('stay the same for 10 and 200 funds with balances, flows and units', async () => {
    const query = 'query($n: Int) { allFunds(perPage: $n) { id name unitId balance freeBalance earmarked { purpose amount } inKindHeld receiptsThisYear spendingThisYear } }';
    const small = await statements(query, { n: 10 });
    const large = await statements(query, { n: 200 });
    expect(small).toBeGreaterThan(2);
    expect(large).toBe(small);
  });

  it('stay the same for 5 and 200 units, and for users with their units', async () => {
    const units = 'query($n: Int) { allAdministrativeUnits(perPage: $n) { id code nameWithType parentId } }';
    const few = await statements(units, { n: 5 });
    expect(few).toBeGreaterThan(0);
    expect(await statements(units, { n: 200 })).toBe(few);
    const users = 'query($n: Int) { allUsers(perPage: $n) { id email unitId role } }';
    expect(await statements(users, { n: 6 })).toBe(await statements(users, { n: 1 }));
  });
});

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
  it("stay the same for 10, 50 and 200 disbursements of the inspectors' list with fund, unit, payee and project", async () => {
    // 200 disbursements over 20 funds of different units, drafted in one statement.
    await server.orm.em.getConnection().execute(
      `insert into disbursement (fund_id, amount, category, payee_name, purpose, idempotency_key, status, created_by_id, project_type, project_id)
       select f.id, 1000000 + g * 1000, 'HARDSHIP', 'Người nhận ' || g, 'Hỗ trợ khó khăn', 'queries-' || g, 'DRAFT',
              (select id from app_user order by id limit 1), case when g % 3 = 0 then 'HOUSING_GRANT'::project_type end, case when g % 3 = 0 then g end
         from generate_series(1, 200) g
         join (select id, row_number() over (order by id) - 1 as n from fund order by id limit 20) f on f.n = g % 20`,
    );
    const query = `query($n: Int) { allDisbursements(perPage: $n, sortField: "id", sortOrder: "ASC") {
      id voucherNumber status category amount paidOn payeeName payeeIdNumber projectType projectId flags createdByName
      fund { id name kind unit { id nameWithType level } } } }`;
    const counts: number[] = [];
    for (const n of [10, 50, 200]) counts.push(await statements(query, { n }));
    expect(counts[0]).toBeGreaterThan(2);
    expect(counts).toEqual([counts[0], counts[0], counts[0]]);

    const res = await gql(server.graphqlUrl, query, { n: 200 }, token);
    const rows = res.data!.allDisbursements as { fund: { id: string; name: string; unit: { id: string; nameWithType: string } }; projectType: string | null; projectId: string | null }[];
    expect(rows).toHaveLength(200);
    const [expected] = await server.orm.em.getConnection().execute(
      `select count(distinct f.id)::int as funds, count(distinct u.id)::int as units from disbursement d join fund f on f.id = d.fund_id join administrative_unit u on u.id = f.unit_id where d.idempotency_key like 'queries-%'`,
    );
    expect(new Set(rows.map((r) => r.fund.id)).size).toBe(expected.funds);
    expect(new Set(rows.map((r) => r.fund.unit.id)).size).toBe(expected.units);
    const [first] = await server.orm.em.getConnection().execute(
      `select f.name, u.name_with_type from disbursement d join fund f on f.id = d.fund_id join administrative_unit u on u.id = f.unit_id where d.id = ?`,
      [Number((rows[0] as unknown as { id: string }).id)],
    );
    expect(rows[0]!.fund.name).toBe(first.name);
    expect(rows[0]!.fund.unit.nameWithType).toBe(first.name_with_type);
    expect(rows.filter((r) => r.projectType === 'HOUSING_GRANT').length).toBe(66);
  });
});

import { randomUUID } from 'node:crypto';
import { todayVn } from '../../api/src/common/dates';
import { seedDemo } from '../../api/src/seed/demo';
import { resetDatabase } from '../support/database';
import { fundOf } from '../support/funds';
import { errorCode, gql, signIn } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

const EVENTS = `query($filter: AuditEventFilter) {
  allAuditEvents(filter: $filter, perPage: 100) { id operation userEmail targetType targetId changes requestId clientAddress at }
  _allAuditEventsMeta(filter: $filter) { count }
}`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await resetDatabase(server.orm);
  await seedDemo(server.orm.em.fork(), { activity: false });
});

const count = async () => Number((await server.orm.em.getConnection().execute('select count(*) as n from audit_event'))[0].n);

describe('the audit trail', () => {
  it('records each mutation once, with who, the target, the fields before and after, the request id and address', async () => {
    const manager = await signIn(server.graphqlUrl, 'ketoan@soquy.example');
    const fundId = String((await fundOf(server.orm.em, '36')).id);
    const created = await gql(
      server.graphqlUrl,
      'mutation($f: ID!, $k: String!, $d: LocalDate!) { createDonation(fundId: $f, donorName: "Lê Văn Tâm", amount: 2000000, receivedOn: $d, method: CASH, idempotencyKey: $k) { id } }',
      { f: fundId, k: randomUUID(), d: todayVn() },
      manager,
      { 'x-request-id': 'req-create-1' },
    );
    const id = created.data!.createDonation.id;
    await gql(server.graphqlUrl, 'mutation($id: ID!) { voidDonation(id: $id, reason: "Ghi nhầm người nộp") { id } }', { id }, manager, { 'x-request-id': 'req-void-1' });

    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    const res = await gql(server.graphqlUrl, EVENTS, { filter: { targetType: 'Donation', targetId: id } }, inspector);
    const events = res.data!.allAuditEvents;
    expect(events.map((e: { operation: string }) => e.operation)).toEqual(['voidDonation', 'createDonation']);
    const [voided, createdEvent] = events;
    expect(createdEvent).toMatchObject({ userEmail: 'ketoan@soquy.example', targetType: 'Donation', requestId: 'req-create-1', clientAddress: '127.0.0.1' });
    expect(createdEvent.changes).toEqual([expect.objectContaining({ entity: 'Donation', id, kind: 'create', before: null, after: expect.objectContaining({ amount: '2000000', donorName: 'Lê Văn Tâm' }) })]);
    expect(voided.changes[0]).toMatchObject({ entity: 'Donation', kind: 'update', before: { status: 'POSTED', voidReason: null }, after: { status: 'VOIDED', voidReason: 'Ghi nhầm người nộp' } });
  });

  it('writes nothing for a refused mutation, and records sign-ins without the password', async () => {
    const before = await count();
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    expect(await count()).toBe(before + 1);
    const refused = await gql(server.graphqlUrl, 'mutation { createDonor(type: INDIVIDUAL, name: "X") { id } }', {}, inspector);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(await count()).toBe(before + 1);
    const admin = await signIn(server.graphqlUrl, 'admin@soquy.example');
    await gql(server.graphqlUrl, 'mutation($id: ID!) { resetUserPassword(id: $id, password: "MatKhauMoi2026") { id } }', { id: '4' }, admin);
    const [row] = await server.orm.em.getConnection().execute("select changes::text as c from audit_event where operation = 'resetUserPassword'");
    expect(row.c).toContain('[redacted]');
    expect(row.c).not.toMatch(/argon2|MatKhauMoi2026/);
  });

  it('is append-only in the database', async () => {
    await signIn(server.graphqlUrl, 'admin@soquy.example');
    const conn = server.orm.em.getConnection();
    await expect(conn.execute("update audit_event set operation = 'x'")).rejects.toThrow(/append-only/);
    await expect(conn.execute('delete from audit_event')).rejects.toThrow(/append-only/);
  });

  it('is read by INSPECTOR and ADMIN within their scope, filtered by user, operation and date', async () => {
    const commune = await signIn(server.graphqlUrl, 'xa13741@soquy.example');
    await gql(server.graphqlUrl, 'mutation { createDonor(type: INDIVIDUAL, name: "Đinh Thị Hoa") { id } }', {}, commune);
    const inspector = await signIn(server.graphqlUrl, 'thanhtra@soquy.example');
    const byOperation = await gql(server.graphqlUrl, EVENTS, { filter: { operation: 'createDonor' } }, inspector);
    expect(byOperation.data!._allAuditEventsMeta.count).toBe(1);
    expect(byOperation.data!.allAuditEvents[0].userEmail).toBe('xa13741@soquy.example');
    const future = await gql(server.graphqlUrl, EVENTS, { filter: { from: '2999-01-01T00:00:00Z' } }, inspector);
    expect(future.data!._allAuditEventsMeta.count).toBe(0);
    expect(errorCode(await gql(server.graphqlUrl, EVENTS, {}, commune))).toBe('FORBIDDEN');
    const manager = await signIn(server.graphqlUrl, 'ketoan@soquy.example');
    expect(errorCode(await gql(server.graphqlUrl, EVENTS, {}, manager))).toBe('FORBIDDEN');
  });
});

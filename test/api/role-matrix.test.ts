import { getNamedType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { hasPermission, Permission, Role } from '../../api/src/common/permissions';
import { TokenService } from '../../api/src/modules/auth/token';
import { buildAppSchema } from '../../api/src/schema';
import { demoAccounts } from '../../api/src/seed/demo';
import { errorCode, gql, signIn } from '../support/graphql';
import { sample } from '../support/schema-samples';
import { startTestServer, type TestServer } from '../support/server';


let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the role matrix: every mutation tried as every role', () => {
  it('allows exactly what the role’s permissions allow, and INSPECTOR writes nothing', async () => {
    const schema = await buildAppSchema(new TokenService('x'.repeat(32), 60));
    const storage = getMetadataStorage();
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const roles = [Role.ADMIN, Role.FUND_MANAGER, Role.GRANT_OFFICER, Role.INSPECTOR];
    const tokens = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await signIn(server.graphqlUrl, demoAccounts.find((a) => a.role === role)!.email)])));
    const outcomes: string[] = [];
    for (const field of mutations) {
      const handler = storage.mutations.find((m) => m.schemaName === field.name)!;
      const permission = storage.authorizedFields.find((a) => a.target === handler.target && a.fieldName === handler.methodName)!.roles[0] as Permission;
      const variables = Object.fromEntries(field.args.map((a) => [a.name, sample(a.type)]));
      const declared = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = getNamedType(field.type).toString() === 'AuthPayload' ? '{ token }' : '{ __typename }';
      const query = `mutation${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection} }`;
      for (const role of roles) {
        const res = await gql(server.graphqlUrl, query, variables, tokens[role]);
        const deniedByRole = errorCode(res) === 'FORBIDDEN' && /does not allow this/.test(res.errors![0]!.message);
        const expected = permission === Permission.Public || hasPermission(role, permission);
        outcomes.push(`${field.name} ${role} ${deniedByRole ? 'denied' : 'allowed'}`);
        expect(`${field.name} ${role} ${deniedByRole ? 'denied' : 'allowed'}`).toBe(`${field.name} ${role} ${expected ? 'allowed' : 'denied'}`);
        if (role === Role.INSPECTOR && permission !== Permission.Public) expect(errorCode(res)).toBe('FORBIDDEN');
      }
    }
    expect(outcomes.length).toBe(mutations.length * roles.length);
    expect(mutations.length).toBeGreaterThan(15);
    const [written] = await server.orm.em
      .getConnection()
      .execute("select count(*) as n from audit_event where user_email = 'thanhtra@soquy.example' and operation <> 'login'");
    expect(written.n).toBe('0');
  }, 120_000);
});

import fs from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { rolePermissions, Permission, Role, writePermissions } from '../../api/src/common/permissions';
import { TokenService } from '../../api/src/modules/auth/token';
import { buildAppSchema, printSortedSchema } from '../../api/src/schema';

const committed = path.resolve(__dirname, '../../schema/schema.graphql');

describe('the GraphQL contract', () => {
  it('matches the committed schema/schema.graphql (run `npm run schema:emit` after changing the API)', async () => {
    const schema = await buildAppSchema(new TokenService('x'.repeat(32), 60));
    expect(printSortedSchema(schema)).toBe(fs.readFileSync(committed, 'utf8'));
  });

  it('declares exactly one permission on every query and mutation', async () => {
    const schema = await buildAppSchema(new TokenService('x'.repeat(32), 60));
    const storage = getMetadataStorage();
    const operations = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((name) => ({ name, kind: 'query', meta: storage.queries })),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => ({ name, kind: 'mutation', meta: storage.mutations })),
    ];
    expect(operations.length).toBeGreaterThan(5);
    const unguarded: string[] = [];
    for (const op of operations) {
      const handler = op.meta.find((m) => m.schemaName === op.name);
      const guard = handler && storage.authorizedFields.find((a) => a.target === handler.target && a.fieldName === handler.methodName);
      const valid = guard && guard.roles.length === 1 && Object.values(Permission).includes(guard.roles[0] as Permission);
      if (!valid) unguarded.push(`${op.kind} ${op.name}`);
      if (valid && op.kind === 'mutation' && guard.roles[0] !== Permission.Public) {
        expect(writePermissions).toContain(guard.roles[0]);
      }
    }
    expect(unguarded).toEqual([]);
  });

  it('gives INSPECTOR no permission that writes', () => {
    expect(rolePermissions[Role.INSPECTOR].filter((p) => writePermissions.includes(p))).toEqual([]);
  });
});

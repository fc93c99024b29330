import type { GraphQLField } from 'graphql';
import { gql } from '../support/graphql';
import { attempt, h, inputPlaces, permissionOf, problems, setUpHardening, tokenFor, tokens } from '../support/hardening';

/**
 * Injection strings, odd Unicode, 10 kB strings, NUL bytes, malformed ids, impossible dates and
 * malformed numbers in every filter field and list argument of every list (walked from the schema):
 * data, or BAD_USER_INPUT where the value is malformed for its type; never an internal error, a stack
 * trace or SQL in a message.
 */
setUpHardening();

describe('list filters and list arguments', () => {
  it('answer every odd or malformed value in every filter of every list with data or BAD_USER_INPUT', async () => {
    const lists = Object.values(h.schema.getQueryType()!.getFields()).filter((f) => /^all[A-Z]/.test(f.name) && f.args.some((a) => a.name === 'filter'));
    expect(lists.length).toBeGreaterThanOrEqual(18);
    const found: string[] = [];
    for (const field of lists as GraphQLField<unknown, unknown>[]) {
      const token = tokenFor(permissionOf('queries', field.name))!;
      const filterArg = field.args.find((a) => a.name === 'filter')!;
      const declared = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const meta = h.schema.getQueryType()!.getFields()[`_${field.name}Meta`];
      const query = `query(${declared}) { ${field.name}(${passed}) { __typename }${meta ? ` ${meta.name}(filter: $filter) { count }` : ''} }`;
      const base = () => ({ filter: {} });
      const listArgs = field.args.filter((a) => a.name !== 'filter');
      found.push(...(await attempt(field.name, query, base, token, [...inputPlaces([filterArg]), ...inputPlaces(listArgs)], ['BAD_USER_INPUT', 'NOT_FOUND'], false)));
    }
    expect(found).toEqual([]);
  }, 85_000);

  it('refuses sort fields that are not columns, whatever they look like', async () => {
    for (const sortField of ['__proto__', 'constructor', 'toString', 'id; drop table fund', 'hasOwnProperty', 'password_hash']) {
      const res = await gql(h.server.graphqlUrl, 'query($s: String) { allFunds(sortField: $s) { id } allUsers(sortField: $s) { id } }', { s: sortField }, tokens.ADMIN);
      expect(`${sortField}: ${problems(res, ['BAD_USER_INPUT']).join('; ')}`).toBe(`${sortField}: `);
      expect(`${sortField}: ${res.errors?.[0]?.extensions?.code}`).toBe(`${sortField}: BAD_USER_INPUT`);
    }
  });
});


import type { Orm } from '../../api/src/database/orm';
import { createTestDatabase } from '../support/database';

let orm: Orm;
beforeAll(async () => {
  ({ orm } = await createTestDatabase());
});
afterAll(() => orm.close(true));

describe('migrations', () => {
  it('build exactly the schema the entities describe (no change made outside a migration)', async () => {
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('are all applied and a second run applies nothing', async () => {
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    expect(await orm.getMigrator().up()).toEqual([]);
  });
});

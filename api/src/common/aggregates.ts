import { raw, type EntityManager, type EntityName, type FilterQuery } from '@mikro-orm/postgresql';

/** The sum of `amount` over the rows a list filter selects (the totals beside react-admin lists). */
export async function sumAmount<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>): Promise<number> {
  const [row] = await em
    .createQueryBuilder(entity, 'e0')
    .select(raw('coalesce(sum(e0.amount), 0) as total'))
    // The query builder's filter type is narrower than the entity manager's; the filter is the same.
    .where(where as never)
    .execute<{ total: string }[]>();
  return Number(row?.total ?? 0);
}

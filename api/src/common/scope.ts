import { LockMode, type EntityManager, type EntityName, type FilterQuery } from '@mikro-orm/postgresql';
import { likeEscape } from './text';
import { notFound } from './errors';

/**
 * What a user may see: their administrative unit and every unit below it. This is the one
 * scoping mechanism of Sổ Quỹ: every module filters through `Scope` and loads single records
 * with `findInScope`, so an id from another commune answers NOT_FOUND, never the record.
 */
export class Scope {
  constructor(
    readonly unitId: number,
    /** The unit's materialised path, "/1/12/130/". */
    readonly unitPath: string,
  ) {}

  /** Condition on `AdministrativeUnit` rows: the unit itself and its descendants. */
  units(): { path: { $like: string } } {
    return { path: { $like: `${likeEscape(this.unitPath)}%` } };
  }

  /** Condition on an entity that belongs to a unit through `relation` (e.g. 'unit', 'fund.unit'). */
  through<T>(relation: string): FilterQuery<T> {
    const condition: Record<string, unknown> = this.units();
    const nested = relation
      .split('.')
      .reverse()
      .reduce<Record<string, unknown>>((inner, key) => ({ [key]: inner }), condition);
    return nested as FilterQuery<T>;
  }
}

/** Loads one record by id within the scope, or throws NOT_FOUND (never FORBIDDEN: no leak of existence). */
export async function findInScope<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  what: string,
  id: number,
  scopeCondition: FilterQuery<T>,
  options: { populate?: readonly string[]; lockMode?: 'pessimistic_write' } = {},
): Promise<T> {
  const { lockMode, populate } = options;
  const found = await em.findOne(entity, { $and: [{ id } as FilterQuery<T>, scopeCondition] } as FilterQuery<T>, { populate } as never);
  if (!found) throw notFound(what, id);
  if (lockMode) {
    // Lock the row itself (not the joined scope rows), then read it again under the lock.
    await em.lock(found, LockMode.PESSIMISTIC_WRITE);
    await em.refresh(found);
  }
  return found;
}

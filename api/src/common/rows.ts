/**
 * Helpers for records read as plain rows instead of entities (the lists and the loaders): the entity's
 * shape, with references as `{ id }` and SQL nulls as absent values, as MikroORM would give them.
 */

/** A reference read as its id only: what the field resolvers and the DataLoaders need of it. */
export interface IdRef {
  id: number;
}

/** A foreign key column as a reference: `{ id }`, or absent for null. */
export const refOf = (id: number | null): IdRef | undefined => (id === null ? undefined : { id });

/** A nullable column as an optional value: absent for null. */
export const orAbsent = <T>(x: T | null): T | undefined => (x === null ? undefined : x);

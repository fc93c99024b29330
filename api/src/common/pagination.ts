import { IsIn, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors';
import { Money } from './money';

export const MAX_PAGE_SIZE = 500;

/** react-admin's list arguments (ra-data-graphql-simple): page from 0, perPage, sortField, sortOrder. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true, description: 'Page number, from 0' })
  @IsOptional()
  @IsInt()
  @Min(0)
  page?: number;

  @Field(() => Int, { nullable: true, description: `Rows per page, 1 to ${MAX_PAGE_SIZE}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  perPage?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  sortField?: string;

  @Field(() => String, { nullable: true, description: 'ASC or DESC' })
  @IsOptional()
  @IsIn(['ASC', 'DESC', 'asc', 'desc'])
  sortOrder?: string;
}

/** The filter every list takes: the records react-admin asks for by id (getMany). */
@InputType()
export class IdsFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these records' })
  @IsOptional()
  ids?: string[];
}

/** A list filter with free-text search. */
@InputType()
export class SearchFilter extends IdsFilter {
  @Field(() => String, { nullable: true, description: 'Text to search for, with or without diacritics' })
  @IsOptional()
  @MaxLength(100)
  q?: string;
}

/** A searchable list filter over records with an amount in đồng. */
@InputType()
export class AmountSearchFilter extends SearchFilter {
  @Field(() => Money, { nullable: true })
  @IsOptional()
  amountMin?: number;

  @Field(() => Money, { nullable: true })
  @IsOptional()
  amountMax?: number;
}

/** The conditions of an amount range, for a MikroORM filter (none when both ends are open). */
export function amountRange(filter: AmountSearchFilter): { amount: { $gte?: number; $lte?: number } }[] {
  const range: { $gte?: number; $lte?: number } = {};
  if (filter.amountMin !== undefined && filter.amountMin !== null) range.$gte = filter.amountMin;
  if (filter.amountMax !== undefined && filter.amountMax !== null) range.$lte = filter.amountMax;
  return Object.keys(range).length ? [{ amount: range }] : [];
}

/**
 * The two argument sets of a react-admin list over `Filter`: `allX(page, perPage, sortField,
 * sortOrder, filter)` and `_allXMeta(filter)`.
 */
export function listArgsOf<F extends object>(Filter: ClassType<F>) {
  // ValidateNested: without it class-validator never looked into the filter, and its rules (a search's
  // length, a year's range) did not apply: allGiftCampaigns(filter: { year: -1 }) failed in SQL with a 500.
  @ArgsType()
  class FilterArgs {
    @Field(() => Filter, { nullable: true })
    @IsOptional()
    @ValidateNested()
    filter?: F;
  }

  @ArgsType()
  class PageArgs extends ListArgs {
    @Field(() => Filter, { nullable: true })
    @IsOptional()
    @ValidateNested()
    filter?: F;
  }

  return { PageArgs, FilterArgs };
}

@ObjectType({ description: "A list's size for react-admin's pagination" })
export class ListMetadata {
  @Field(() => Int)
  count!: number;
}

type Order = 'ASC' | 'DESC';

export interface PageOptions {
  limit: number;
  offset: number;
  orderBy: Record<string, Order>;
}

/** A sortable column: an entity property, or the ordering to use for it (e.g. numeric codes). */
export type SortColumn = string | ((order: Order) => Record<string, Order>);

/**
 * Turns list arguments into limit/offset/order, allowing only the sort columns a module lists
 * (GraphQL field name to entity property), and always ending with the id for a stable order.
 */
export function pageOptions(args: ListArgs, sortable: Record<string, SortColumn>, fallback: string, idsRequested = 0): PageOptions {
  const perPage = args.perPage ?? (idsRequested > 0 ? Math.min(idsRequested, MAX_PAGE_SIZE) : 25);
  const sortField = args.sortField ?? fallback;
  // Own keys only: "constructor" or "__proto__" are not columns.
  const property = Object.hasOwn(sortable, sortField) ? sortable[sortField] : undefined;
  if (!property) {
    throw badInput(`Cannot sort by "${sortField}": sort by one of ${Object.keys(sortable).join(', ')}`, 'sortField');
  }
  const order = (args.sortOrder ?? 'ASC').toUpperCase() as Order;
  const primary = typeof property === 'function' ? property(order) : { [property]: order };
  return { limit: perPage, offset: (args.page ?? 0) * perPage, orderBy: { ...primary, id: order } };
}

/** Parses a GraphQL ID into a database id; a malformed id is simply not found. */
export function parseId(id: string | number, what: string): number {
  const text = String(id);
  if (!/^\d{1,15}$/.test(text)) throw badInput(`${what} id "${text}" is not valid: expected a number`, 'id');
  return Number(text);
}

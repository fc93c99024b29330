import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { todayVn } from '../../common/dates';
import { pageOptions, parseId } from '../../common/pagination';
import { findInScope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { AdministrativeUnit } from './unit.entity';
import type { AdministrativeUnitFilter, AdministrativeUnitListArgs } from './unit.inputs';

/** Codes are numeric strings of 2, 3 and 5 digits: sort them as numbers (which is also province, district, commune). */
const sortable = {
  id: 'id',
  code: (order: 'ASC' | 'DESC') => ({ [raw('length(code)')]: order, code: order }), name: 'name', nameWithType: 'nameWithType', level: 'level', type: 'type', parentId: 'parent' };

function where(ctx: SignedInContext, filter: AdministrativeUnitFilter = {}): FilterQuery<AdministrativeUnit> {
  const conditions: FilterQuery<AdministrativeUnit>[] = [ctx.scope.units()];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Administrative unit')) } });
  if (filter.level) conditions.push({ level: filter.level });
  if (filter.parentId) conditions.push({ parent: parseId(filter.parentId, 'Parent unit') });
  if (filter.code) conditions.push({ code: filter.code.trim() });
  if (filter.current !== undefined && filter.current !== null) {
    const today = todayVn();
    conditions.push(filter.current ? { $or: [{ validTo: null }, { validTo: { $gte: today } }] } : { validTo: { $lt: today } });
  }
  const q = filter.q ? viFold(filter.q) : '';
  if (q) conditions.push({ searchText: { $like: `%${likeEscape(q)}%` } });
  return { $and: conditions };
}

export const unitService = {
  async list(ctx: SignedInContext, args: AdministrativeUnitListArgs): Promise<AdministrativeUnit[]> {
    const { limit, offset, orderBy } = pageOptions(args, sortable, 'code', args.filter?.ids?.length);
    return ctx.em.find(AdministrativeUnit, where(ctx, args.filter), { limit, offset, orderBy });
  },

  async count(ctx: SignedInContext, filter?: AdministrativeUnitFilter): Promise<number> {
    return ctx.em.count(AdministrativeUnit, where(ctx, filter));
  },

  async get(ctx: SignedInContext, id: string): Promise<AdministrativeUnit> {
    return findInScope(ctx.em, AdministrativeUnit, 'Administrative unit', parseId(id, 'Administrative unit'), ctx.scope.units());
  },

  /** The units above one, from the top down, as far as the user's scope reaches. */
  async ancestors(ctx: SignedInContext, id: string): Promise<AdministrativeUnit[]> {
    const unit = await this.get(ctx, id);
    const ids = unit.path.split('/').filter(Boolean).map(Number).filter((ancestor) => ancestor !== unit.id);
    if (ids.length === 0) return [];
    const found = await ctx.em.find(AdministrativeUnit, { $and: [{ id: { $in: ids } }, ctx.scope.units()] });
    return found.sort((a, b) => a.path.length - b.path.length);
  },
};

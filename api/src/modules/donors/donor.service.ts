import type { FilterQuery } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { pageOptions, parseId } from '../../common/pagination';
import { findInScope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { AdministrativeUnit } from '../units/unit.entity';
import { Donor, DonorType } from './donor.entity';
import type { CreateDonorArgs, DonorFilter, DonorListArgs, UpdateDonorArgs } from './donor.inputs';

const sortable = { id: 'id', name: 'name', type: 'type', taxCode: 'taxCode', createdAt: 'createdAt', unitId: 'unit' };

function where(ctx: SignedInContext, filter: DonorFilter = {}): FilterQuery<Donor> {
  const conditions: FilterQuery<Donor>[] = [ctx.scope.through<Donor>('unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Donor')) } });
  if (filter.type) conditions.push({ type: filter.type });
  if (filter.unitId) conditions.push({ unit: { path: { $like: `%/${parseId(filter.unitId, 'Unit')}/%` } } });
  const q = filter.q ? viFold(filter.q) : '';
  if (q) conditions.push({ searchText: { $like: `%${likeEscape(q)}%` } });
  return { $and: conditions };
}

/** A donor record as created: the donor, and a warning when an existing one was linked instead. */
export interface DonorResult {
  donor: Donor;
  warning?: string;
}

const ANONYMOUS_NAME = 'Nhà hảo tâm ẩn danh';

export const donorService = {
  list(ctx: SignedInContext, args: DonorListArgs): Promise<Donor[]> {
    const { limit, offset, orderBy } = pageOptions(args, sortable, 'name', args.filter?.ids?.length);
    return ctx.em.find(Donor, where(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: DonorFilter): Promise<number> {
    return ctx.em.count(Donor, where(ctx, filter));
  },

  get(ctx: SignedInContext, id: string | number): Promise<Donor> {
    return findInScope(ctx.em, Donor, 'Donor', parseId(id, 'Donor'), ctx.scope.through<Donor>('unit'));
  },

  /** Creates a donor, or links to the one in scope with the same tax code or ID number (with a warning). */
  async create(ctx: SignedInContext, args: CreateDonorArgs): Promise<DonorResult> {
    const existing = await this.findDuplicate(ctx, args.taxCode, args.idNumber);
    if (existing) {
      const by = existing.taxCode && existing.taxCode === args.taxCode ? `tax code ${args.taxCode}` : `ID number ${args.idNumber}`;
      return { donor: existing, warning: `A donor with ${by} already exists ("${existing.name}"): it was linked instead of creating a duplicate` };
    }
    const unitId = args.unitId ? parseId(args.unitId, 'Unit') : ctx.scope.unitId;
    const unit = await ctx.em.findOne(AdministrativeUnit, { $and: [{ id: unitId }, ctx.scope.units()] });
    if (!unit) throw badInput(`Administrative unit ${args.unitId} does not exist or is outside your scope`, 'unitId');
    const anonymous = args.type === DonorType.ANONYMOUS;
    const donor = ctx.em.create(Donor, {
      type: args.type,
      name: anonymous ? ANONYMOUS_NAME : args.name.trim(),
      taxCode: anonymous ? undefined : args.taxCode,
      idNumber: anonymous ? undefined : args.idNumber,
      phone: anonymous ? undefined : args.phone,
      address: anonymous ? undefined : args.address?.trim(),
      unit,
    });
    await ctx.em.flush();
    return { donor };
  },

  async update(ctx: SignedInContext, args: UpdateDonorArgs): Promise<Donor> {
    const donor = await this.get(ctx, args.id);
    if (args.taxCode && args.taxCode !== donor.taxCode) {
      const other = await this.findDuplicate(ctx, args.taxCode, undefined);
      if (other && other.id !== donor.id) throw badInput(`Tax code ${args.taxCode} belongs to another donor ("${other.name}")`, 'taxCode');
    }
    if (args.idNumber && args.idNumber !== donor.idNumber) {
      const other = await this.findDuplicate(ctx, undefined, args.idNumber);
      if (other && other.id !== donor.id) throw badInput(`ID number ${args.idNumber} belongs to another donor ("${other.name}")`, 'idNumber');
    }
    if (args.type) donor.type = args.type;
    if (args.name) donor.name = args.name.trim();
    // An explicit null (or empty text) clears an optional field; an absent one leaves it.
    for (const key of ['taxCode', 'idNumber', 'phone', 'address'] as const) if (args[key] !== undefined) donor[key] = args[key]?.trim() || undefined;
    await ctx.em.flush();
    return donor;
  },

  async findDuplicate(ctx: SignedInContext, taxCode?: string, idNumber?: string): Promise<Donor | null> {
    const keys: FilterQuery<Donor>[] = [];
    if (taxCode) keys.push({ taxCode });
    if (idNumber) keys.push({ idNumber });
    if (keys.length === 0) return null;
    return ctx.em.findOne(Donor, { $and: [ctx.scope.through<Donor>('unit'), { $or: keys }] }, { orderBy: { id: 'ASC' } });
  },
};

export { ANONYMOUS_NAME };

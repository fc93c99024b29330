import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/postgresql';
import { citizenIdProblem } from '../../common/citizen-id';
import type { SignedInContext } from '../../common/context';
import { badInput, conflict, forbidden } from '../../common/errors';
import { pageOptions, parseId } from '../../common/pagination';
import { hasPermission, Permission } from '../../common/permissions';
import { findInScope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { AdministrativeUnit, UnitLevel } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { BeneficiaryHousehold, MeritCategory } from './household.entity';
import type { BeneficiaryHouseholdFilter, BeneficiaryHouseholdListArgs, CreateBeneficiaryHouseholdArgs, UpdateBeneficiaryHouseholdArgs } from './household.inputs';

const sortable = { id: 'id', personName: 'personName', householdSize: 'householdSize', houseCondition: 'houseCondition', unitId: 'unit', createdAt: 'createdAt' };

function where(ctx: SignedInContext, filter: BeneficiaryHouseholdFilter = {}): FilterQuery<BeneficiaryHousehold> {
  const conditions: FilterQuery<BeneficiaryHousehold>[] = [ctx.scope.through<BeneficiaryHousehold>('unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Household')) } });
  if (filter.unitId) conditions.push({ unit: { path: { $like: `%/${parseId(filter.unitId, 'Unit')}/%` } } });
  if (filter.meritCategoryCode) conditions.push({ meritCategory: filter.meritCategoryCode });
  if (filter.houseCondition) conditions.push({ houseCondition: filter.houseCondition });
  if (filter.nationalId) {
    // Searching by an ID would let a role that sees IDs masked test whether a person is recorded.
    if (!hasPermission(ctx.user.role, Permission.HouseholdIdentityRead)) throw forbidden(`Your role (${ctx.user.role}) may not search by citizen ID`);
    conditions.push({ nationalId: filter.nationalId });
  }
  const q = filter.q ? viFold(filter.q) : '';
  if (q) conditions.push({ searchText: { $like: `%${likeEscape(q)}%` } });
  return { $and: conditions };
}

async function communeInScope(ctx: SignedInContext, unitId: string): Promise<AdministrativeUnit> {
  const unit = await ctx.em.findOne(AdministrativeUnit, { $and: [{ id: parseId(unitId, 'Unit') }, ctx.scope.units()] });
  if (!unit) throw badInput(`Administrative unit ${unitId} does not exist or is outside your scope`, 'unitId');
  if (unit.level !== UnitLevel.COMMUNE) throw badInput(`${unit.nameWithType} is not a commune: a household lives in a commune (xã, phường, thị trấn)`, 'unitId');
  return unit;
}

async function meritCategory(ctx: SignedInContext, code: string): Promise<MeritCategory> {
  const category = await ctx.em.findOne(MeritCategory, { code });
  if (!category) throw badInput(`${code} is not a merit category: see allMeritCategories`, 'meritCategoryCode');
  return category;
}

export const householdService = {
  list(ctx: SignedInContext, args: BeneficiaryHouseholdListArgs): Promise<BeneficiaryHousehold[]> {
    const { limit, offset, orderBy } = pageOptions(args, sortable, 'personName', args.filter?.ids?.length);
    return ctx.em.find(BeneficiaryHousehold, where(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: BeneficiaryHouseholdFilter): Promise<number> {
    return ctx.em.count(BeneficiaryHousehold, where(ctx, filter));
  },

  get(ctx: SignedInContext, id: string | number): Promise<BeneficiaryHousehold> {
    return findInScope(ctx.em, BeneficiaryHousehold, 'Household', parseId(id, 'Household'), ctx.scope.through<BeneficiaryHousehold>('unit'));
  },

  /** Registers a household; the same citizen ID twice is a CONFLICT naming the existing record. */
  async create(ctx: SignedInContext, args: CreateBeneficiaryHouseholdArgs): Promise<BeneficiaryHousehold> {
    const problem = citizenIdProblem(args.nationalId);
    if (problem) throw badInput(`nationalId is not valid: ${problem}`, 'nationalId');
    const existing = await ctx.em.findOne(BeneficiaryHousehold, { nationalId: args.nationalId }, { populate: ['unit'] });
    if (existing) throw this.duplicate(existing);
    const household = ctx.em.create(BeneficiaryHousehold, {
      personName: args.personName.trim(),
      nationalId: args.nationalId,
      meritCategory: await meritCategory(ctx, args.meritCategoryCode),
      unit: await communeInScope(ctx, args.unitId),
      address: args.address.trim(),
      householdSize: args.householdSize,
      houseCondition: args.houseCondition,
      phone: args.phone?.trim() || undefined,
      note: args.note?.trim() || undefined,
      createdBy: ctx.em.getReference(User, ctx.user.id),
    });
    try {
      await ctx.em.flush();
    } catch (error) {
      // Registered by someone else at the same moment: the unique index decides (the mutation rolls back).
      if (error instanceof UniqueConstraintViolationException) throw conflict('A household with this citizen ID was registered at the same moment: search for it by its citizen ID', { field: 'nationalId' });
      throw error;
    }
    return household;
  },

  async update(ctx: SignedInContext, args: UpdateBeneficiaryHouseholdArgs): Promise<BeneficiaryHousehold> {
    const household = await this.get(ctx, args.id);
    if (args.personName) household.personName = args.personName.trim();
    if (args.meritCategoryCode) household.meritCategory = ctx.em.getReference(MeritCategory, (await meritCategory(ctx, args.meritCategoryCode)).code, { wrapped: true });
    if (args.unitId) household.unit = ctx.em.getReference(AdministrativeUnit, (await communeInScope(ctx, args.unitId)).id, { wrapped: true });
    if (args.address) household.address = args.address.trim();
    if (args.householdSize) household.householdSize = args.householdSize;
    if (args.houseCondition) household.houseCondition = args.houseCondition;
    if (args.phone !== undefined) household.phone = args.phone?.trim() || undefined;
    if (args.note !== undefined) household.note = args.note?.trim() || undefined;
    await ctx.em.flush();
    return household;
  },

  duplicate(existing: BeneficiaryHousehold) {
    return conflict(`A household with this citizen ID is already registered (household ${existing.id}, ${existing.unit.getEntity().nameWithType})`, {
      field: 'nationalId',
      existingId: String(existing.id),
    });
  },
};

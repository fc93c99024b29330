import type { FilterQuery } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { assertPastDate, todayVn } from '../../common/dates';
import { badInput, forbidden } from '../../common/errors';
import { pageOptions, parseId } from '../../common/pagination';
import { hasPermission, Permission } from '../../common/permissions';
import { findInScope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { Fund, FundKind } from '../funds/fund.entity';
import { fundService } from '../funds/fund.service';
import { AdministrativeUnit, UnitLevel } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { Child, ChildCircumstance } from './child.entity';
import type { ChildFilter, ChildListArgs, CreateChildArgs, UpdateChildArgs } from './children.inputs';

/** A child is a person under 16 (Law on Children 2016, art. 1). */
export const CHILD_AGE_LIMIT = 16;

/** The date `years` years before `date` (29/2 becomes 1/3 in a common year). */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}

/** Born after this date: under `age + 1` years old on `on` (at most `age`). */
export const bornAfterFor = (maxAge: number, on: string) => yearsBefore(on, maxAge + 1);

/** "Nguyễn Văn An" → "N. V. A.": enough to tell children apart on a list, not to identify one. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => `${word.charAt(0).toUpperCase()}.`)
    .join(' ');
}

export const maskPhone = (phone: string) => (phone.length > 4 ? `${phone.slice(0, 2)}${'*'.repeat(phone.length - 4)}${phone.slice(-2)}` : '****');

/** A Child Protection Fund in the user's scope (gifts, scholarships and surgery are paid from one). */
export async function childProtectionFund(ctx: SignedInContext, fundId: string): Promise<Fund> {
  const fund = await fundService.get(ctx, fundId);
  if (fund.kind !== FundKind.CHILD_PROTECTION) throw badInput(`${fund.name} is not a Child Protection Fund`, 'fundId');
  return fund;
}

export const mayReadChildren = (ctx: SignedInContext) => hasPermission(ctx.user.role, Permission.ChildIdentityRead);

const sortable = { id: 'id', birthDate: 'birthDate', unitId: 'unit', circumstanceCode: 'circumstance', createdAt: 'createdAt', gender: 'gender' };

export function childWhere(ctx: SignedInContext, filter: ChildFilter = {}): FilterQuery<Child> {
  const conditions: FilterQuery<Child>[] = [ctx.scope.through<Child>('unit')];
  const on = filter.ageOn ?? todayVn();
  // Only children: a profile kept past the 16th birthday drops out of every list.
  conditions.push({ birthDate: { $gt: yearsBefore(on, CHILD_AGE_LIMIT), $lte: on } });
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Child')) } });
  if (filter.unitIds?.length) conditions.push({ $or: filter.unitIds.map((id) => ({ unit: { path: { $like: `%/${parseId(id, 'Unit')}/%` } } })) });
  if (filter.circumstances?.length) conditions.push({ circumstance: { $in: filter.circumstances } });
  if (filter.gender) conditions.push({ gender: filter.gender });
  if (filter.maxAge !== undefined && filter.maxAge !== null) conditions.push({ birthDate: { $gt: bornAfterFor(filter.maxAge, on) } });
  const q = filter.q ? viFold(filter.q) : '';
  if (q) {
    // Searching names would let a role that sees them masked find out who is recorded.
    if (!mayReadChildren(ctx)) throw forbidden(`Your role (${ctx.user.role}) may not search children by name`);
    conditions.push({ searchText: { $like: `%${likeEscape(q)}%` } });
  }
  return { $and: conditions };
}

async function communeInScope(ctx: SignedInContext, unitId: string): Promise<AdministrativeUnit> {
  const unit = await ctx.em.findOne(AdministrativeUnit, { $and: [{ id: parseId(unitId, 'Unit') }, ctx.scope.units()] });
  if (!unit) throw badInput(`Administrative unit ${unitId} does not exist or is outside your scope`, 'unitId');
  if (unit.level !== UnitLevel.COMMUNE) throw badInput(`${unit.nameWithType} is not a commune: a child lives in a commune (xã, phường, thị trấn)`, 'unitId');
  return unit;
}

async function circumstance(ctx: SignedInContext, code: string): Promise<ChildCircumstance> {
  const found = await ctx.em.findOne(ChildCircumstance, { code });
  if (!found) throw badInput(`${code} is not a circumstance: see allChildCircumstances`, 'circumstanceCode');
  return found;
}

function assertChildBirthDate(birthDate: string): void {
  assertPastDate(birthDate, 'birthDate');
  if (birthDate <= yearsBefore(todayVn(), CHILD_AGE_LIMIT)) throw badInput('A child is under 16 (Law on Children 2016, art. 1): this birth date is 16 or more years ago', 'birthDate');
}

export const childService = {
  list(ctx: SignedInContext, args: ChildListArgs): Promise<Child[]> {
    const { limit, offset, orderBy } = pageOptions(args, sortable, 'id', args.filter?.ids?.length);
    return ctx.em.find(Child, childWhere(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: ChildFilter): Promise<number> {
    return ctx.em.count(Child, childWhere(ctx, filter));
  },

  get(ctx: SignedInContext, id: string | number): Promise<Child> {
    return findInScope(ctx.em, Child, 'Child', parseId(id, 'Child'), ctx.scope.through<Child>('unit'));
  },

  async create(ctx: SignedInContext, args: CreateChildArgs): Promise<Child> {
    assertChildBirthDate(args.birthDate);
    const child = ctx.em.create(Child, {
      fullName: args.fullName.trim(),
      birthDate: args.birthDate,
      gender: args.gender,
      unit: await communeInScope(ctx, args.unitId),
      circumstance: await circumstance(ctx, args.circumstanceCode),
      guardianName: args.guardianName.trim(),
      guardianPhone: args.guardianPhone?.trim() || undefined,
      address: args.address.trim(),
      note: args.note?.trim() || undefined,
      createdBy: ctx.em.getReference(User, ctx.user.id),
    });
    await ctx.em.flush();
    return child;
  },

  async update(ctx: SignedInContext, args: UpdateChildArgs): Promise<Child> {
    const child = await this.get(ctx, args.id);
    if (args.fullName) child.fullName = args.fullName.trim();
    if (args.birthDate) {
      assertChildBirthDate(args.birthDate);
      child.birthDate = args.birthDate;
    }
    if (args.gender) child.gender = args.gender;
    if (args.unitId) child.unit = ctx.em.getReference(AdministrativeUnit, (await communeInScope(ctx, args.unitId)).id, { wrapped: true });
    if (args.circumstanceCode) child.circumstance = ctx.em.getReference(ChildCircumstance, (await circumstance(ctx, args.circumstanceCode)).code, { wrapped: true });
    if (args.guardianName) child.guardianName = args.guardianName.trim();
    if (args.guardianPhone !== undefined) child.guardianPhone = args.guardianPhone?.trim() || undefined;
    if (args.address) child.address = args.address.trim();
    if (args.note !== undefined) child.note = args.note?.trim() || undefined;
    await ctx.em.flush();
    return child;
  },

  /** Writes the read of a full profile to the audit trail (who, when, which child, from where). */
  async recordFullRead(ctx: SignedInContext, child: Child): Promise<void> {
    await ctx.em.getConnection().execute(
      `insert into audit_event (user_id, user_email, unit_path, operation, target_type, target_id, changes, request_id, client_address)
       values (?, ?, ?, 'readChildProfile', 'Child', ?, '[]'::jsonb, ?, ?)`,
      [ctx.user.id, ctx.user.email, ctx.scope.unitPath, String(child.id), ctx.requestId, ctx.ip],
    );
  },
};

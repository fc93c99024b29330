import { raw, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { badInput, conflict } from '../../common/errors';
import { pageOptions, parseId } from '../../common/pagination';
import type { Role } from '../../common/permissions';
import { findInScope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { assertPasswordStrength, hashPassword } from '../auth/password';
import { AdministrativeUnit } from '../units/unit.entity';
import { User } from './user.entity';
import type { CreateUserArgs, UpdateUserArgs, UserFilter, UserListArgs } from './user.inputs';

const sortable = { id: 'id', email: 'email', fullName: 'fullName', role: 'role', active: 'active', unitId: 'unit', lastLoginAt: 'lastLoginAt', createdAt: 'createdAt' };

function where(ctx: SignedInContext, filter: UserFilter = {}): FilterQuery<User> {
  const conditions: FilterQuery<User>[] = [ctx.scope.through<User>('unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'User')) } });
  if (filter.role) conditions.push({ role: filter.role });
  if (filter.active !== undefined && filter.active !== null) conditions.push({ active: filter.active });
  if (filter.unitId) conditions.push({ unit: { path: { $like: `%/${parseId(filter.unitId, 'Unit')}/%` } } });
  const q = filter.q ? viFold(filter.q) : '';
  if (q) {
    const like = `%${likeEscape(q)}%`;
    conditions.push({ $or: [{ email: { $like: like } }, { [raw((alias) => `vi_fold(${alias}.full_name)`)]: { $like: like } }] });
  }
  return { $and: conditions };
}

export interface NewUser {
  email: string;
  fullName: string;
  role: Role;
  unit: AdministrativeUnit;
  password: string;
  active?: boolean;
}

/** Creates a user after checking the email is free and the password strong; used by the API, the CLI and the seed. */
export async function createUserRecord(em: EntityManager, data: NewUser): Promise<User> {
  const email = data.email.trim().toLowerCase();
  assertPasswordStrength(data.password);
  if (await em.count(User, { email })) throw conflict(`A user with the email ${email} already exists`, { field: 'email' });
  const user = em.create(User, {
    email,
    fullName: data.fullName.trim(),
    role: data.role,
    unit: data.unit,
    active: data.active ?? true,
    passwordHash: await hashPassword(data.password),
  });
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict(`A user with the email ${email} already exists`, { field: 'email' });
    throw error;
  }
  return user;
}

async function unitInScope(ctx: SignedInContext, unitId: string): Promise<AdministrativeUnit> {
  const unit = await ctx.em.findOne(AdministrativeUnit, { $and: [{ id: parseId(unitId, 'Unit') }, ctx.scope.units()] });
  if (!unit) throw badInput(`Administrative unit ${unitId} does not exist or is outside your scope`, 'unitId');
  return unit;
}

export const userService = {
  list(ctx: SignedInContext, args: UserListArgs): Promise<User[]> {
    const { limit, offset, orderBy } = pageOptions(args, sortable, 'email', args.filter?.ids?.length);
    return ctx.em.find(User, where(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: UserFilter): Promise<number> {
    return ctx.em.count(User, where(ctx, filter));
  },

  get(ctx: SignedInContext, id: string): Promise<User> {
    return findInScope(ctx.em, User, 'User', parseId(id, 'User'), ctx.scope.through<User>('unit'));
  },

  async create(ctx: SignedInContext, args: CreateUserArgs): Promise<User> {
    const unit = await unitInScope(ctx, args.unitId);
    return createUserRecord(ctx.em, { ...args, unit });
  },

  async update(ctx: SignedInContext, args: UpdateUserArgs): Promise<User> {
    const user = await this.get(ctx, args.id);
    const self = user.id === ctx.user.id;
    if (self && (args.active === false || (args.role && args.role !== user.role))) {
      throw badInput('You cannot deactivate yourself or change your own role: ask another administrator', args.active === false ? 'active' : 'role');
    }
    let sessionsEnd = false;
    if (args.fullName !== undefined && args.fullName !== null) user.fullName = args.fullName.trim();
    if (args.role && args.role !== user.role) {
      user.role = args.role;
      sessionsEnd = true;
    }
    if (args.unitId && parseId(args.unitId, 'Unit') !== user.unit.id) {
      if (self) throw badInput('You cannot move yourself to another unit: ask another administrator', 'unitId');
      user.unit = ctx.em.getReference(AdministrativeUnit, (await unitInScope(ctx, args.unitId)).id) as never;
      sessionsEnd = true;
    }
    if (args.active !== undefined && args.active !== null && args.active !== user.active) {
      user.active = args.active;
      sessionsEnd = true;
    }
    if (sessionsEnd) user.tokenVersion += 1;
    await ctx.em.flush();
    return user;
  },

  async resetPassword(ctx: SignedInContext, id: string, password: string): Promise<User> {
    const user = await this.get(ctx, id);
    assertPasswordStrength(password);
    user.passwordHash = await hashPassword(password);
    user.tokenVersion += 1;
    await ctx.em.flush();
    return user;
  },
};

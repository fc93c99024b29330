import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { assertPastDate, formatDateVi } from '../../common/dates';
import { badInput } from '../../common/errors';
import { pageOptions, parseId } from '../../common/pagination';
import { findInScope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { Fund } from './fund.entity';
import type { FundFilter, FundListArgs, LockFundPeriodArgs } from './fund.inputs';

const sortable = { id: 'id', name: 'name', kind: 'kind', unitId: 'unit', lockedUntil: 'lockedUntil' };

function where(ctx: SignedInContext, filter: FundFilter = {}): FilterQuery<Fund> {
  const conditions: FilterQuery<Fund>[] = [ctx.scope.through<Fund>('unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Fund')) } });
  if (filter.kind) conditions.push({ kind: filter.kind });
  if (filter.unitId) conditions.push({ unit: { path: { $like: `%/${parseId(filter.unitId, 'Unit')}/%` } } });
  const q = filter.q ? viFold(filter.q) : '';
  if (q) conditions.push({ [raw((alias) => `vi_fold(${alias}.name)`)]: { $like: `%${likeEscape(q)}%` } });
  return { $and: conditions };
}

export const fundService = {
  list(ctx: SignedInContext, args: FundListArgs): Promise<Fund[]> {
    const { limit, offset, orderBy } = pageOptions(args, sortable, 'id', args.filter?.ids?.length);
    return ctx.em.find(Fund, where(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: FundFilter): Promise<number> {
    return ctx.em.count(Fund, where(ctx, filter));
  },

  get(ctx: SignedInContext, id: string | number): Promise<Fund> {
    return findInScope(ctx.em, Fund, 'Fund', parseId(id, 'Fund'), ctx.scope.through<Fund>('unit'));
  },

  /** Closes the books up to a date; a lock only moves forward. */
  async lockPeriod(ctx: SignedInContext, args: LockFundPeriodArgs): Promise<Fund> {
    assertPastDate(args.until, 'until');
    return ctx.em.transactional(async (em) => {
      const fund = await findInScope(em, Fund, 'Fund', parseId(args.id, 'Fund'), ctx.scope.through<Fund>('unit'), { lockMode: 'pessimistic_write' });
      if (fund.lockedUntil && args.until <= fund.lockedUntil) {
        throw badInput(`The books of ${fund.name} are already closed up to ${formatDateVi(fund.lockedUntil)}: a lock only moves forward`, 'until');
      }
      fund.lockedUntil = args.until;
      return fund;
    });
  },
};

import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loader, signedIn, type RequestContext } from '../../common/context';
import { todayVn } from '../../common/dates';
import { notFound } from '../../common/errors';
import { ListMetadata, pageOptions, parseId } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { userName } from '../users/user.names';
import { PolicyRate } from './policy-rate.entity';
import { PolicyRateFilter, PolicyRateFilterArgs, PolicyRateListArgs, RevisePolicyRateArgs } from './policy-rate.inputs';
import { policyRateService } from './policy-rate.service';

const sortable = { id: 'id', code: 'code', amount: 'amount', percent: 'percent', effectiveFrom: 'effectiveFrom', effectiveTo: 'effectiveTo', createdAt: 'createdAt' };

const inForce = (date: string): FilterQuery<PolicyRate> => ({ effectiveFrom: { $lte: date }, $or: [{ effectiveTo: null }, { effectiveTo: { $gte: date } }] });

function where(filter: PolicyRateFilter = {}): FilterQuery<PolicyRate> {
  const conditions: FilterQuery<PolicyRate>[] = [];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Policy rate')) } });
  if (filter.code) conditions.push({ code: filter.code });
  if (filter.inForceOn) conditions.push(inForce(filter.inForceOn));
  if (filter.current === true) conditions.push(inForce(todayVn()));
  if (filter.current === false) conditions.push({ $not: inForce(todayVn()) });
  return { $and: conditions };
}

/** Policy rates are national law: the same for every unit, readable by every signed-in user, revised by ADMIN. */
@Resolver(() => PolicyRate)
export class PolicyRateResolver {
  @Authorized(Permission.PolicyRead)
  @Query(() => [PolicyRate])
  allPolicyRates(@Ctx() ctx: RequestContext, @Args(() => PolicyRateListArgs) args: PolicyRateListArgs) {
    const { limit, offset, orderBy } = pageOptions(args, sortable, 'code', args.filter?.ids?.length);
    return signedIn(ctx).em.find(PolicyRate, where(args.filter), { limit, offset, orderBy });
  }

  @Authorized(Permission.PolicyRead)
  @Query(() => ListMetadata)
  async _allPolicyRatesMeta(@Ctx() ctx: RequestContext, @Args(() => PolicyRateFilterArgs) args: PolicyRateFilterArgs): Promise<ListMetadata> {
    return { count: await signedIn(ctx).em.count(PolicyRate, where(args.filter)) };
  }

  @Authorized(Permission.PolicyRead)
  @Query(() => PolicyRate)
  async PolicyRate(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const rate = await signedIn(ctx).em.findOne(PolicyRate, { id: parseId(id, 'Policy rate') });
    if (!rate) throw notFound('Policy rate', id);
    return rate;
  }

  @Authorized(Permission.PolicyWrite)
  @Mutation(() => PolicyRate, { description: 'Revises a rate from a date: a new row, the rate before it ends the day before; history is kept' })
  revisePolicyRate(@Ctx() ctx: RequestContext, @Args(() => RevisePolicyRateArgs) args: RevisePolicyRateArgs) {
    return policyRateService.revise(signedIn(ctx), args);
  }

  @FieldResolver(() => [PolicyRate], { description: 'Every rate of the same code, newest first: the history' })
  history(@Root() rate: PolicyRate, @Ctx() ctx: RequestContext) {
    return loader<string, PolicyRate[]>(ctx, 'policyRateHistory', async (codes) => {
      const rows = await signedIn(ctx).em.find(PolicyRate, { code: { $in: [...codes] } }, { orderBy: { effectiveFrom: 'DESC' } });
      return codes.map((code) => rows.filter((r) => r.code === code));
    }).load(rate.code);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who revised it (none for the seeded rates)' })
  createdByName(@Root() rate: PolicyRate, @Ctx() ctx: RequestContext) {
    return rate.createdBy ? userName(ctx, rate.createdBy.id) : null;
  }
}

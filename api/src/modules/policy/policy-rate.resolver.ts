import { IsOptional, MaxLength } from 'class-validator';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { signedIn, type RequestContext } from '../../common/context';
import { notFound } from '../../common/errors';
import { IdsFilter, listArgsOf, ListMetadata, pageOptions, parseId } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { PolicyRate } from './policy-rate.entity';

@InputType({ description: 'Filters of the policy rates; all optional, combined with AND' })
export class PolicyRateFilter extends IdsFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  code?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Rates in force on this date' })
  @IsOptional()
  inForceOn?: string;
}

export const { PageArgs: PolicyRateListArgs, FilterArgs: PolicyRateFilterArgs } = listArgsOf(PolicyRateFilter);
export type PolicyRateListArgs = InstanceType<typeof PolicyRateListArgs>;
export type PolicyRateFilterArgs = InstanceType<typeof PolicyRateFilterArgs>;

const sortable = { id: 'id', code: 'code', amount: 'amount', effectiveFrom: 'effectiveFrom' };

function where(filter: PolicyRateFilter = {}): FilterQuery<PolicyRate> {
  const conditions: FilterQuery<PolicyRate>[] = [];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Policy rate')) } });
  if (filter.code) conditions.push({ code: filter.code });
  if (filter.inForceOn) conditions.push({ effectiveFrom: { $lte: filter.inForceOn }, $or: [{ effectiveTo: null }, { effectiveTo: { $gte: filter.inForceOn } }] });
  return { $and: conditions };
}

/** Policy rates are national law: the same for every unit, readable by every signed-in user. */
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
}

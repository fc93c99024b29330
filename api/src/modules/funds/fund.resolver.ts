import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loader, signedIn, type RequestContext } from '../../common/context';
import { todayVn } from '../../common/dates';
import { Money } from '../../common/money';
import { ListMetadata } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { fundBalances, fundFlows, type FundBalances, type FundFlows } from '../ledger/ledger.queries';
import { AdministrativeUnit } from '../units/unit.entity';
import { Fund } from './fund.entity';
import { unitsById, type FundView, type UnitView } from './fund.loaders';
import { FundFilterArgs, FundListArgs, LockFundPeriodArgs } from './fund.inputs';
import { fundService } from './fund.service';
import { EarmarkedBalance } from './fund.types';

const balances = (ctx: RequestContext, fund: FundView) =>
  loader<number, FundBalances>(ctx, 'fundBalances', (ids) => fundBalances(ctx.em, ids)).load(fund.id);

const flowsThisYear = (ctx: RequestContext, fund: FundView) => {
  const year = Number(todayVn().slice(0, 4));
  return loader<number, FundFlows>(ctx, 'fundFlowsThisYear', (ids) => fundFlows(ctx.em, ids, `${year}-01-01`, `${year + 1}-01-01`)).load(fund.id);
};

@Resolver(() => Fund)
export class FundResolver {
  @Authorized(Permission.FundRead)
  @Query(() => [Fund], { description: 'Funds of your unit and the units below it' })
  allFunds(@Ctx() ctx: RequestContext, @Args(() => FundListArgs) args: FundListArgs) {
    return fundService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.FundRead)
  @Query(() => ListMetadata)
  async _allFundsMeta(@Ctx() ctx: RequestContext, @Args(() => FundFilterArgs) args: FundFilterArgs): Promise<ListMetadata> {
    return { count: await fundService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.FundRead)
  @Query(() => Fund)
  Fund(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return fundService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.FundLock)
  @Mutation(() => Fund, { description: 'Closes the books up to a date (khoá sổ): nothing may be posted or voided on or before it afterwards' })
  lockFundPeriod(@Ctx() ctx: RequestContext, @Args(() => LockFundPeriodArgs) args: LockFundPeriodArgs) {
    return fundService.lockPeriod(signedIn(ctx), args);
  }

  @FieldResolver(() => ID)
  unitId(@Root() fund: FundView): number {
    return fund.unit.id;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The fund that received the balances when this one closed' })
  successorId(@Root() fund: FundView): number | undefined {
    return fund.successor?.id;
  }

  @FieldResolver(() => Money, { description: 'Cash held: the free part plus the earmarked parts' })
  async balance(@Root() fund: FundView, @Ctx() ctx: RequestContext): Promise<number> {
    return (await balances(ctx, fund)).cash;
  }

  @FieldResolver(() => Money, { description: 'Cash not restricted to a purpose' })
  async freeBalance(@Root() fund: FundView, @Ctx() ctx: RequestContext): Promise<number> {
    return (await balances(ctx, fund)).free;
  }

  @FieldResolver(() => [EarmarkedBalance], { description: 'Cash restricted to a purpose, by purpose' })
  async earmarked(@Root() fund: FundView, @Ctx() ctx: RequestContext): Promise<EarmarkedBalance[]> {
    return (await balances(ctx, fund)).earmarked;
  }

  @FieldResolver(() => Money, { description: 'In-kind goods held, at their valuation (not cash)' })
  async inKindHeld(@Root() fund: FundView, @Ctx() ctx: RequestContext): Promise<number> {
    return (await balances(ctx, fund)).inKind;
  }

  @FieldResolver(() => Money, { description: 'Donations received this calendar year, in cash and in kind, net of voids' })
  async receiptsThisYear(@Root() fund: FundView, @Ctx() ctx: RequestContext): Promise<number> {
    return (await flowsThisYear(ctx, fund)).receipts;
  }

  @FieldResolver(() => Money, { description: 'Disbursements paid this calendar year, transfers to other funds included' })
  async spendingThisYear(@Root() fund: FundView, @Ctx() ctx: RequestContext): Promise<number> {
    return (await flowsThisYear(ctx, fund)).spending;
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The unit holding the fund (in your scope, as the fund is)' })
  unit(@Root() fund: FundView, @Ctx() ctx: RequestContext): Promise<UnitView> {
    return unitsById(ctx).load(fund.unit.id);
  }
}

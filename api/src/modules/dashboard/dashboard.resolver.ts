import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { signedIn, type RequestContext } from '../../common/context';
import { Permission } from '../../common/permissions';
import { AuditEvent } from '../audit/audit.entity';
import { dashboardService, dashboardYear } from './dashboard.service';
import {
  ChildSupportSummary,
  Dashboard,
  FundKindBalance,
  HousingStatusCount,
  MemorialSummary,
  MonthFlow,
  PendingApprovals,
  RecentTransaction,
  TopDonor,
} from './dashboard.types';

/** The home page. Sections are field resolvers: only those asked for are computed, each null when not allowed. */
@Resolver(() => Dashboard)
export class DashboardResolver {
  @Authorized(Permission.Authenticated)
  @Query(() => Dashboard, { description: "The home page's figures for the current user (year: default this year in Việt Nam)" })
  dashboard(@Ctx() ctx: RequestContext, @Arg('year', () => Int, { nullable: true }) year?: number): Dashboard {
    signedIn(ctx);
    return { year: dashboardYear(year) };
  }

  @FieldResolver(() => [FundKindBalance], { nullable: true, description: 'Balances by fund kind (FundRead)' })
  balances(@Ctx() ctx: RequestContext) {
    return dashboardService.balances(signedIn(ctx));
  }

  @FieldResolver(() => [MonthFlow], { nullable: true, description: 'Receipts against disbursements per month of the year, by ledger date (LedgerRead)' })
  monthly(@Root() d: Dashboard, @Ctx() ctx: RequestContext) {
    return dashboardService.monthly(signedIn(ctx), d.year);
  }

  @FieldResolver(() => [HousingStatusCount], { nullable: true, description: 'Housing grants by status (HousingRead)' })
  housing(@Ctx() ctx: RequestContext) {
    return dashboardService.housing(signedIn(ctx));
  }

  @FieldResolver(() => MemorialSummary, { nullable: true, description: 'Memorial works by status and progress (MemorialRead)' })
  memorial(@Ctx() ctx: RequestContext) {
    return dashboardService.memorial(signedIn(ctx));
  }

  @FieldResolver(() => ChildSupportSummary, { nullable: true, description: 'Child support of the year by type (ChildRead)' })
  childSupport(@Root() d: Dashboard, @Ctx() ctx: RequestContext) {
    return dashboardService.childSupport(signedIn(ctx), d.year);
  }

  @FieldResolver(() => [TopDonor], { nullable: true, description: 'The ten largest givers of the year (DonationRead); anonymous ones stay anonymous' })
  topDonors(@Root() d: Dashboard, @Ctx() ctx: RequestContext) {
    return dashboardService.topDonors(signedIn(ctx), d.year);
  }

  @FieldResolver(() => PendingApprovals, { description: 'The steps waiting for you' })
  pendingApprovals(@Ctx() ctx: RequestContext) {
    return dashboardService.pending(signedIn(ctx));
  }

  @FieldResolver(() => [RecentTransaction], { nullable: true, description: 'The latest ten ledger transactions (LedgerRead)' })
  recentTransactions(@Ctx() ctx: RequestContext) {
    return dashboardService.recentTransactions(signedIn(ctx));
  }

  @FieldResolver(() => [AuditEvent], { nullable: true, description: 'The latest ten audit events (AuditRead)' })
  auditEvents(@Ctx() ctx: RequestContext) {
    return dashboardService.auditEvents(signedIn(ctx));
  }
}

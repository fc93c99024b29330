import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loader, signedIn, type RequestContext } from '../../common/context';
import { todayVn } from '../../common/dates';
import { Money } from '../../common/money';
import { ListMetadata } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { Campaign, Pledge } from './campaign.entity';
import {
  CampaignFilterArgs,
  CampaignListArgs,
  CreateCampaignArgs,
  CreatePledgeArgs,
  PledgeFilterArgs,
  PledgeListArgs,
  UpdateCampaignArgs,
} from './campaign.inputs';
import { campaignProgress, campaignService, pledgePaid, type CampaignProgress } from './campaign.service';

const progress = (ctx: RequestContext, campaign: Campaign) =>
  loader<number, CampaignProgress>(ctx, 'campaignProgress', (ids) => campaignProgress(ctx.em, ids)).load(campaign.id);
const paid = (ctx: RequestContext, pledge: Pledge) => loader<number, number>(ctx, 'pledgePaid', (ids) => pledgePaid(ctx.em, ids)).load(pledge.id);

@Resolver(() => Campaign)
export class CampaignResolver {
  @Authorized(Permission.CampaignRead)
  @Query(() => [Campaign])
  allCampaigns(@Ctx() ctx: RequestContext, @Args(() => CampaignListArgs) args: CampaignListArgs) {
    return campaignService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.CampaignRead)
  @Query(() => ListMetadata)
  async _allCampaignsMeta(@Ctx() ctx: RequestContext, @Args(() => CampaignFilterArgs) args: CampaignFilterArgs): Promise<ListMetadata> {
    return { count: await campaignService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.CampaignRead)
  @Query(() => Campaign)
  Campaign(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return campaignService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.CampaignWrite)
  @Mutation(() => Campaign)
  createCampaign(@Ctx() ctx: RequestContext, @Args(() => CreateCampaignArgs) args: CreateCampaignArgs) {
    return campaignService.create(signedIn(ctx), args);
  }

  @Authorized(Permission.CampaignWrite)
  @Mutation(() => Campaign)
  updateCampaign(@Ctx() ctx: RequestContext, @Args(() => UpdateCampaignArgs) args: UpdateCampaignArgs) {
    return campaignService.update(signedIn(ctx), args);
  }

  @Authorized(Permission.CampaignWrite)
  @Mutation(() => Campaign, { description: 'Opens the public page /public/campaigns/<publicSlug> of the campaign (no sign-in needed to read it)' })
  publishCampaign(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return campaignService.publish(signedIn(ctx), id);
  }

  @Authorized(Permission.CampaignWrite)
  @Mutation(() => Campaign, { description: 'Takes the public page down; the address is kept for a later publication' })
  unpublishCampaign(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return campaignService.unpublish(signedIn(ctx), id);
  }

  @FieldResolver(() => Money, { description: 'Posted donations of the campaign, net of voids' })
  async received(@Root() campaign: Campaign, @Ctx() ctx: RequestContext): Promise<number> {
    return (await progress(ctx, campaign)).received;
  }

  @FieldResolver(() => Int, { description: 'received / target, in whole percent (may exceed 100)' })
  async progressPercent(@Root() campaign: Campaign, @Ctx() ctx: RequestContext): Promise<number> {
    return Math.floor(((await progress(ctx, campaign)).received * 100) / campaign.target);
  }

  @FieldResolver(() => Money, { description: 'Amounts pledged (đăng ký ủng hộ)' })
  async pledged(@Root() campaign: Campaign, @Ctx() ctx: RequestContext): Promise<number> {
    return (await progress(ctx, campaign)).pledged;
  }

  @FieldResolver(() => Int, { description: 'Pledges past their due date and not fully paid' })
  async overduePledges(@Root() campaign: Campaign, @Ctx() ctx: RequestContext): Promise<number> {
    return (await progress(ctx, campaign)).overdueCount;
  }

  @FieldResolver(() => Money, { description: 'What the overdue pledges still owe' })
  async overdueAmount(@Root() campaign: Campaign, @Ctx() ctx: RequestContext): Promise<number> {
    return (await progress(ctx, campaign)).overdueAmount;
  }
}

@Resolver(() => Pledge)
export class PledgeResolver {
  @Authorized(Permission.CampaignRead)
  @Query(() => [Pledge])
  allPledges(@Ctx() ctx: RequestContext, @Args(() => PledgeListArgs) args: PledgeListArgs) {
    return campaignService.listPledges(signedIn(ctx), args);
  }

  @Authorized(Permission.CampaignRead)
  @Query(() => ListMetadata)
  async _allPledgesMeta(@Ctx() ctx: RequestContext, @Args(() => PledgeFilterArgs) args: PledgeFilterArgs): Promise<ListMetadata> {
    return { count: await campaignService.countPledges(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.CampaignRead)
  @Query(() => Pledge)
  Pledge(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return campaignService.getPledge(signedIn(ctx), id);
  }

  @Authorized(Permission.CampaignWrite)
  @Mutation(() => Pledge)
  createPledge(@Ctx() ctx: RequestContext, @Args(() => CreatePledgeArgs) args: CreatePledgeArgs) {
    return campaignService.createPledge(signedIn(ctx), args);
  }

  @FieldResolver(() => Money, { description: 'Posted donations matched to the pledge' })
  paid(@Root() pledge: Pledge, @Ctx() ctx: RequestContext): Promise<number> {
    return paid(ctx, pledge);
  }

  @FieldResolver(() => Boolean, { description: 'Past its due date and not fully paid' })
  async overdue(@Root() pledge: Pledge, @Ctx() ctx: RequestContext): Promise<boolean> {
    return pledge.dueOn < todayVn() && (await paid(ctx, pledge)) < pledge.amount;
  }
}

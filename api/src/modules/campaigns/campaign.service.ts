import { raw, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { todayVn } from '../../common/dates';
import { AppError, badInput, conflict, ErrorCode } from '../../common/errors';
import { pageOptions, parseId } from '../../common/pagination';
import { findInScope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { donorService } from '../donors/donor.service';
import { fundService } from '../funds/fund.service';
import { User } from '../users/user.entity';
import { assertFundOpen } from '../ledger/ledger.service';
import { Campaign, Pledge } from './campaign.entity';
import { publicSlugBase } from './campaign.public';
import type { CampaignFilter, CampaignListArgs, CreateCampaignArgs, CreatePledgeArgs, PledgeFilter, PledgeListArgs, UpdateCampaignArgs } from './campaign.inputs';

const campaignSortable = { id: 'id', name: 'name', startsOn: 'startsOn', endsOn: 'endsOn', target: 'target', fundId: 'fund' };
const pledgeSortable = { id: 'id', amount: 'amount', dueOn: 'dueOn', campaignId: 'campaign', donorId: 'donor' };

function campaignWhere(ctx: SignedInContext, filter: CampaignFilter = {}): FilterQuery<Campaign> {
  const conditions: FilterQuery<Campaign>[] = [ctx.scope.through<Campaign>('fund.unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Campaign')) } });
  if (filter.fundId) conditions.push({ fund: parseId(filter.fundId, 'Fund') });
  if (filter.activeOn) conditions.push({ startsOn: { $lte: filter.activeOn }, endsOn: { $gte: filter.activeOn } });
  const q = filter.q ? viFold(filter.q) : '';
  if (q) conditions.push({ [raw((alias) => `vi_fold(${alias}.name)`)]: { $like: `%${likeEscape(q)}%` } });
  return { $and: conditions };
}

const PAID = "coalesce((select sum(d.amount) from donation d where d.pledge_id = p.id and d.status = 'POSTED'), 0)";

async function pledgeWhere(ctx: SignedInContext, filter: PledgeFilter = {}): Promise<FilterQuery<Pledge>> {
  const conditions: FilterQuery<Pledge>[] = [ctx.scope.through<Pledge>('campaign.fund.unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Pledge')) } });
  if (filter.campaignId) conditions.push({ campaign: parseId(filter.campaignId, 'Campaign') });
  if (filter.donorId) conditions.push({ donor: parseId(filter.donorId, 'Donor') });
  if (filter.overdue) {
    const rows = await ctx.em.execute<{ id: number }[]>(`select p.id from pledge p where p.due_on < ? and p.amount > ${PAID}`, [todayVn()]);
    conditions.push({ id: { $in: rows.map((r) => r.id) } });
  }
  return { $and: conditions };
}

function assertPeriod(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw badInput('endsOn must be on or after startsOn', 'endsOn');
}

/** A free public address for the campaign: its base slug, or with "-2", "-3"… when another campaign holds it. */
export async function freePublicSlug(em: EntityManager, campaign: Campaign): Promise<string> {
  const base = publicSlugBase(campaign.name, campaign.startsOn);
  const taken = new Set(
    // The base is [a-z0-9-] only: no LIKE wildcard in it.
    (await em.execute<{ public_slug: string }[]>('select public_slug from campaign where public_slug = ? or public_slug like ?', [base, `${base}-%`])).map(
      (r) => r.public_slug,
    ),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  return slug;
}

export interface CampaignProgress {
  received: number;
  pledged: number;
  overdueCount: number;
  overdueAmount: number;
}

/** Received, pledged and overdue amounts of many campaigns in one query. */
export async function campaignProgress(em: EntityManager, ids: readonly number[]): Promise<CampaignProgress[]> {
  const rows = await em.execute<{ id: number; received: string; pledged: string; overdue_count: string; overdue_amount: string }[]>(
    `select c.id,
            coalesce((select sum(d.amount) from donation d where d.campaign_id = c.id and d.status = 'POSTED'), 0) as received,
            coalesce((select sum(p.amount) from pledge p where p.campaign_id = c.id), 0) as pledged,
            (select count(*) from pledge p where p.campaign_id = c.id and p.due_on < ? and p.amount > coalesce((select sum(d.amount) from donation d where d.pledge_id = p.id and d.status = 'POSTED'), 0)) as overdue_count,
            coalesce((select sum(p.amount - coalesce((select sum(d.amount) from donation d where d.pledge_id = p.id and d.status = 'POSTED'), 0))
                        from pledge p where p.campaign_id = c.id and p.due_on < ?
                         and p.amount > coalesce((select sum(d.amount) from donation d where d.pledge_id = p.id and d.status = 'POSTED'), 0)), 0) as overdue_amount
       from campaign c where c.id in (?)`,
    [todayVn(), todayVn(), ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    return { received: Number(r?.received ?? 0), pledged: Number(r?.pledged ?? 0), overdueCount: Number(r?.overdue_count ?? 0), overdueAmount: Number(r?.overdue_amount ?? 0) };
  });
}

/** Paid amounts of many pledges (posted donations matched to them) in one query. */
export async function pledgePaid(em: EntityManager, ids: readonly number[]): Promise<number[]> {
  const rows = await em.execute<{ pledge_id: number; paid: string }[]>(
    "select pledge_id, sum(amount) as paid from donation where pledge_id in (?) and status = 'POSTED' group by pledge_id",
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.pledge_id, Number(r.paid)]));
  return ids.map((id) => byId.get(id) ?? 0);
}

export const campaignService = {
  list(ctx: SignedInContext, args: CampaignListArgs): Promise<Campaign[]> {
    const { limit, offset, orderBy } = pageOptions(args, campaignSortable, 'startsOn', args.filter?.ids?.length);
    return ctx.em.find(Campaign, campaignWhere(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: CampaignFilter): Promise<number> {
    return ctx.em.count(Campaign, campaignWhere(ctx, filter));
  },

  get(ctx: SignedInContext, id: string | number): Promise<Campaign> {
    return findInScope(ctx.em, Campaign, 'Campaign', parseId(id, 'Campaign'), ctx.scope.through<Campaign>('fund.unit'));
  },

  async create(ctx: SignedInContext, args: CreateCampaignArgs): Promise<Campaign> {
    assertPeriod(args.startsOn, args.endsOn);
    const fund = await fundService.get(ctx, args.fundId);
    assertFundOpen(fund);
    const campaign = ctx.em.create(Campaign, { fund, name: args.name.trim(), startsOn: args.startsOn, endsOn: args.endsOn, target: args.target });
    await ctx.em.flush();
    return campaign;
  },

  async update(ctx: SignedInContext, args: UpdateCampaignArgs): Promise<Campaign> {
    const campaign = await this.get(ctx, args.id);
    if (args.name) campaign.name = args.name.trim();
    if (args.startsOn) campaign.startsOn = args.startsOn;
    if (args.endsOn) campaign.endsOn = args.endsOn;
    if (args.target) campaign.target = args.target;
    assertPeriod(campaign.startsOn, campaign.endsOn);
    await ctx.em.flush();
    return campaign;
  },

  /**
   * Makes the campaign's public page visible (opt-in). The first publication gives it its address,
   * kept afterwards (a rename does not move it). Publishing a published campaign is refused.
   */
  async publish(ctx: SignedInContext, id: string): Promise<Campaign> {
    const campaign = await findInScope(ctx.em, Campaign, 'Campaign', parseId(id, 'Campaign'), ctx.scope.through<Campaign>('fund.unit'), { lockMode: 'pessimistic_write' });
    if (campaign.publishedAt) throw new AppError(ErrorCode.INVALID_TRANSITION, `Campaign "${campaign.name}" is already public at /public/campaigns/${campaign.publicSlug}`);
    campaign.publicSlug ??= await freePublicSlug(ctx.em, campaign);
    campaign.publishedAt = new Date();
    campaign.publishedBy = ctx.em.getReference(User, ctx.user.id, { wrapped: true });
    try {
      await ctx.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw conflict('Another campaign was published with the same address at the same moment: publish again', { field: 'id' });
      throw error;
    }
    return campaign;
  },

  /** Takes the public page down; its address is kept for a later publication. */
  async unpublish(ctx: SignedInContext, id: string): Promise<Campaign> {
    const campaign = await findInScope(ctx.em, Campaign, 'Campaign', parseId(id, 'Campaign'), ctx.scope.through<Campaign>('fund.unit'), { lockMode: 'pessimistic_write' });
    if (!campaign.publishedAt) throw new AppError(ErrorCode.INVALID_TRANSITION, `Campaign "${campaign.name}" is not public`);
    campaign.publishedAt = undefined;
    campaign.publishedBy = undefined;
    await ctx.em.flush();
    return campaign;
  },

  async listPledges(ctx: SignedInContext, args: PledgeListArgs): Promise<Pledge[]> {
    const { limit, offset, orderBy } = pageOptions(args, pledgeSortable, 'dueOn', args.filter?.ids?.length);
    return ctx.em.find(Pledge, await pledgeWhere(ctx, args.filter), { limit, offset, orderBy });
  },

  async countPledges(ctx: SignedInContext, filter?: PledgeFilter): Promise<number> {
    return ctx.em.count(Pledge, await pledgeWhere(ctx, filter));
  },

  getPledge(ctx: SignedInContext, id: string | number): Promise<Pledge> {
    return findInScope(ctx.em, Pledge, 'Pledge', parseId(id, 'Pledge'), ctx.scope.through<Pledge>('campaign.fund.unit'));
  },

  async createPledge(ctx: SignedInContext, args: CreatePledgeArgs): Promise<Pledge> {
    const campaign = await this.get(ctx, args.campaignId);
    const donor = await donorService.get(ctx, args.donorId);
    const pledge = ctx.em.create(Pledge, { campaign, donor, amount: args.amount, dueOn: args.dueOn, note: args.note?.trim() || undefined });
    await ctx.em.flush();
    return pledge;
  },
};

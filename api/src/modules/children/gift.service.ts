import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { assertDate, assertPastDate, formatDateVi } from '../../common/dates';
import { AppError, badInput, conflict, ErrorCode } from '../../common/errors';
import { assertAmount } from '../../common/money';
import { pageOptions, parseId } from '../../common/pagination';
import { findInScope } from '../../common/scope';
import { Disbursement, DisbursementCategory as C, DisbursementStatus as D, ProjectType } from '../disbursements/disbursement.entity';
import { Fund } from '../funds/fund.entity';
import { AccountCode, LedgerTransaction } from '../ledger/ledger.entities';
import { insertRows } from '../ledger/ledger.bulk';
import { assertOpenPeriod, post } from '../ledger/ledger.service';
import { rateOn, RateCode, vnd } from '../policy/policy-rate.service';
import { User } from '../users/user.entity';
import { AdministrativeUnit } from '../units/unit.entity';
import { Child, ChildCircumstance } from './child.entity';
import { childProtectionFund, childWhere } from './child.service';
import { MAX_GIFT_BATCH, type AddGiftRecipientsArgs, type CreateGiftCampaignArgs, type GiftCriteria, type GiftCampaignFilter, type GiftCampaignListArgs, type GiftPreviewArgs, type HandOverGiftsArgs, type ReturnGiftsArgs } from './children.inputs';
import { GiftCampaign, GiftForm, GiftRecipient, GiftRecipientStatus as R } from './gift.entity';

export interface GiftPreview {
  count: number;
  total: number;
  /** What the fund holds that gifts may use: free money (or goods) and what is earmarked for gifts. */
  available: number;
  /** Gift batches of this fund drafted, submitted or approved, not yet paid. */
  pending: number;
  enough: boolean;
  byUnit: { unitId: number; unitName: string; count: number; total: number }[];
}

/** The children a campaign picks: in scope, under 16 on the gift date, of the units, circumstances and age given. */
function eligibleWhere(ctx: SignedInContext, criteria: GiftCriteria, giftDate: string) {
  return childWhere(ctx, { unitIds: criteria.unitIds, circumstances: criteria.circumstances, maxAge: criteria.maxAge, ageOn: giftDate });
}

/**
 * Checks a campaign's criteria before they pick anyone or are kept: units that exist in the user's
 * scope and known circumstance codes, each once (an odd code would otherwise match no child, and be
 * kept with the campaign). BAD_USER_INPUT naming the field.
 */
async function assertCriteria(ctx: SignedInContext, criteria: GiftCriteria): Promise<void> {
  const unitIds = criteria.unitIds.map((id) => parseId(id, 'Unit'));
  const twinUnit = unitIds.find((id, i) => unitIds.indexOf(id) !== i);
  if (twinUnit !== undefined) throw badInput(`Unit ${twinUnit} appears twice in criteria.unitIds: give each unit once`, 'criteria.unitIds');
  const units = await ctx.em.find(AdministrativeUnit, { $and: [{ id: { $in: unitIds } }, ctx.scope.units()] }, { fields: ['id'] });
  const missing = unitIds.find((id) => !units.some((u) => u.id === id));
  if (missing !== undefined) throw badInput(`Administrative unit ${missing} does not exist or is outside your scope`, 'criteria.unitIds');
  const codes = criteria.circumstances ?? [];
  const twinCode = codes.find((code, i) => codes.indexOf(code) !== i);
  if (twinCode !== undefined) throw badInput(`${twinCode} appears twice in criteria.circumstances: give each circumstance once`, 'criteria.circumstances');
  if (codes.length === 0) return;
  const known = await ctx.em.find(ChildCircumstance, { code: { $in: codes } }, { fields: ['code'] });
  const unknown = codes.find((code) => !known.some((c) => c.code === code));
  if (unknown !== undefined) throw badInput(`"${unknown.slice(0, 40)}" is not a circumstance: see allChildCircumstances`, 'criteria.circumstances');
}

/** The fund's balance that a gift in this form may use. */
async function availableFor(em: EntityManager, fundId: number, form: GiftForm): Promise<{ available: number; pending: number }> {
  const code = form === GiftForm.IN_KIND ? AccountCode.GOODS : AccountCode.CASH;
  const [row] = await em.execute<{ available: string; pending: string }[]>(
    `select (select coalesce(sum(balance), 0) from ledger_account where fund_id = ? and code = ? and (purpose is null or purpose = 'CHILD_GIFT')) as available,
            (select coalesce(sum(amount), 0) from disbursement where fund_id = ? and category = 'CHILD_GIFT' and in_kind = ? and status in ('DRAFT', 'SUBMITTED', 'APPROVED')) as pending`,
    [fundId, code, fundId, form === GiftForm.IN_KIND],
  );
  return { available: Number(row?.available ?? 0), pending: Number(row?.pending ?? 0) };
}

async function assertGiftRate(em: EntityManager, amountPerChild: number, giftDate: string): Promise<void> {
  const rate = await rateOn(em, RateCode.CHILD_GIFT_PER_CHILD, giftDate);
  if (amountPerChild > rate.amount!) {
    throw new AppError(ErrorCode.POLICY_LIMIT, `A gift of ${vnd(amountPerChild)} a child is above the fund's rate of ${vnd(rate.amount!)} on ${formatDateVi(giftDate)}. ${rate.legalBasis}`, {
      rule: rate.code,
      basis: rate.legalBasis,
      limit: rate.amount,
      field: 'amountPerChild',
    });
  }
}

function giftCampaignWhere(ctx: SignedInContext, filter: GiftCampaignFilter = {}): FilterQuery<GiftCampaign> {
  const conditions: FilterQuery<GiftCampaign>[] = [ctx.scope.through<GiftCampaign>('fund.unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Gift campaign')) } });
  if (filter.fundId) conditions.push({ fund: parseId(filter.fundId, 'Fund') });
  if (filter.occasion) conditions.push({ occasion: filter.occasion });
  if (filter.year) conditions.push({ giftDate: { $gte: `${filter.year}-01-01`, $lte: `${filter.year}-12-31` } });
  return { $and: conditions };
}

export const giftService = {
  /** The children a campaign would pick, without those already in `campaignId`; at most MAX_GIFT_BATCH + 1 (to tell "too many"). */
  async eligible(ctx: SignedInContext, criteria: GiftCriteria, giftDate: string, campaignId?: number): Promise<Child[]> {
    await assertCriteria(ctx, criteria);
    const conditions: FilterQuery<Child>[] = [eligibleWhere(ctx, criteria, giftDate)];
    if (campaignId) conditions.push({ [raw((alias) => `not exists (select 1 from gift_recipient r where r.campaign_id = ${Number(campaignId)} and r.child_id = ${alias}.id)`)]: true } as FilterQuery<Child>);
    return ctx.em.find(Child, { $and: conditions }, { orderBy: { unit: 'ASC', id: 'ASC' }, limit: MAX_GIFT_BATCH + 1 });
  },

  /** Counts and totals of a campaign before it is created, against what the fund holds. */
  async preview(ctx: SignedInContext, args: GiftPreviewArgs): Promise<GiftPreview> {
    assertDate(args.giftDate, 'giftDate');
    assertAmount(args.amountPerChild, 'amountPerChild', ctx.config.limits.maxAmount);
    const fund = await childProtectionFund(ctx, args.fundId);
    const children = await this.eligible(ctx, args.criteria, args.giftDate, args.campaignId ? parseId(args.campaignId, 'Gift campaign') : undefined);
    const units = new Map((await ctx.em.execute<{ id: number; name_with_type: string }[]>('select id, name_with_type from administrative_unit where id in (?)', [[0, ...new Set(children.map((c) => c.unit.id))]])).map((u) => [u.id, u.name_with_type]));
    const byUnit = new Map<number, { unitId: number; unitName: string; count: number; total: number }>();
    for (const child of children) {
      const line = byUnit.get(child.unit.id) ?? { unitId: child.unit.id, unitName: units.get(child.unit.id) ?? '', count: 0, total: 0 };
      line.count += 1;
      line.total += args.amountPerChild;
      byUnit.set(child.unit.id, line);
    }
    const { available, pending } = await availableFor(ctx.em, fund.id, args.form);
    const total = children.length * args.amountPerChild;
    return { count: children.length, total, available, pending, enough: total <= available - pending, byUnit: [...byUnit.values()] };
  },

  list(ctx: SignedInContext, args: GiftCampaignListArgs): Promise<GiftCampaign[]> {
    const { limit, offset, orderBy } = pageOptions(args, { id: 'id', giftDate: 'giftDate', name: 'name', occasion: 'occasion', createdAt: 'createdAt' }, 'giftDate', args.filter?.ids?.length);
    return ctx.em.find(GiftCampaign, giftCampaignWhere(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: GiftCampaignFilter): Promise<number> {
    return ctx.em.count(GiftCampaign, giftCampaignWhere(ctx, filter));
  },

  get(ctx: SignedInContext, id: string | number): Promise<GiftCampaign> {
    return findInScope(ctx.em, GiftCampaign, 'Gift campaign', parseId(id, 'Gift campaign'), ctx.scope.through<GiftCampaign>('fund.unit'));
  },

  /**
   * Creates a campaign and its first batch: the distribution list (one line per child, never twice)
   * and one disbursement (phiếu chi, DRAFT) for the whole amount, which then goes through the
   * four-eyes workflow and moves the money once. The fund's balance is checked before anything is
   * written (INSUFFICIENT_FUNDS). Idempotent by key.
   */
  async create(ctx: SignedInContext, args: CreateGiftCampaignArgs): Promise<GiftCampaign> {
    const existing = await ctx.em.findOne(GiftCampaign, { idempotencyKey: args.idempotencyKey });
    if (existing) {
      if (existing.createdBy.id !== ctx.user.id || existing.name !== args.name.trim()) throw conflict('This idempotencyKey was already used for another campaign: use a new key', { field: 'idempotencyKey' });
      return existing;
    }
    assertDate(args.giftDate, 'giftDate');
    assertAmount(args.amountPerChild, 'amountPerChild', ctx.config.limits.maxAmount);
    if ((args.form === GiftForm.IN_KIND) !== Boolean(args.packageDescription?.trim())) {
      throw badInput(args.form === GiftForm.IN_KIND ? 'An in-kind gift describes its package: give packageDescription' : 'packageDescription is only for an in-kind gift', 'packageDescription');
    }
    const fund = await childProtectionFund(ctx, args.fundId);
    await assertGiftRate(ctx.em, args.amountPerChild, args.giftDate);
    await assertCriteria(ctx, args.criteria);
    const campaign = ctx.em.create(GiftCampaign, {
      fund,
      name: args.name.trim(),
      occasion: args.occasion,
      giftDate: args.giftDate,
      form: args.form,
      amountPerChild: args.amountPerChild,
      packageDescription: args.packageDescription?.trim() || undefined,
      unitIds: args.criteria.unitIds,
      circumstances: args.criteria.circumstances ?? [],
      maxAge: args.criteria.maxAge ?? undefined,
      idempotencyKey: args.idempotencyKey,
      createdBy: ctx.em.getReference(User, ctx.user.id),
    });
    await ctx.em.flush();
    await this.batch(ctx, campaign, args.childIds, args.idempotencyKey);
    return campaign;
  },

  /** Adds children to a campaign in a new batch; a child already in it is a CONFLICT naming them. */
  async addRecipients(ctx: SignedInContext, args: AddGiftRecipientsArgs): Promise<GiftCampaign> {
    const campaign = await this.get(ctx, args.campaignId);
    await ctx.em.execute('select id from gift_campaign where id = ? for update', [campaign.id]);
    const replay = await ctx.em.findOne(Disbursement, { idempotencyKey: `gift:${args.idempotencyKey}` });
    if (replay) return campaign;
    await this.batch(ctx, campaign, args.childIds, args.idempotencyKey);
    return campaign;
  },

  /** One batch: checks the children and the balance first, then writes the list and the disbursement. */
  async batch(ctx: SignedInContext, campaign: GiftCampaign, childIdArgs: string[], key: string): Promise<Disbursement> {
    const childIds = childIdArgs.map((id) => parseId(id, 'Child'));
    const seen = new Set<number>();
    for (const id of childIds) {
      if (seen.has(id)) throw conflict(`Child ${id} appears twice: one gift per child in a campaign`, { rule: 'DUPLICATE_GIFT', childId: String(id) });
      seen.add(id);
    }
    const already = await ctx.em.execute<{ child_id: number; id: string }[]>('select child_id, id from gift_recipient where campaign_id = ? and child_id in (?)', [campaign.id, childIds]);
    if (already.length) {
      throw conflict(`Child ${already[0]!.child_id} already has a gift in this campaign (${already.length} of the children do): one gift per child in a campaign`, {
        rule: 'DUPLICATE_GIFT',
        childId: String(already[0]!.child_id),
        existingId: String(already[0]!.id),
      });
    }
    const criteria = { unitIds: campaign.unitIds, circumstances: campaign.circumstances, maxAge: campaign.maxAge };
    const eligible = await ctx.em.find(Child, { $and: [{ id: { $in: childIds } }, eligibleWhere(ctx, criteria, campaign.giftDate)] }, { fields: ['id', 'unit'] });
    if (eligible.length !== childIds.length) {
      const ok = new Set(eligible.map((c) => c.id));
      const outside = childIds.filter((id) => !ok.has(id));
      throw badInput(`${outside.length} of the children are not eligible (outside your scope or the campaign's units, circumstances or age, or 16 or older on ${formatDateVi(campaign.giftDate)}): ${outside.slice(0, 10).join(', ')}`, 'childIds');
    }
    const total = childIds.length * campaign.amountPerChild;
    // Balance first: nothing is written for a batch the fund cannot pay.
    await ctx.em.execute('select id from fund where id = ? for update', [campaign.fund.id]);
    const { available, pending } = await availableFor(ctx.em, campaign.fund.id, campaign.form);
    if (total > available - pending) {
      throw new AppError(
        ErrorCode.INSUFFICIENT_FUNDS,
        `${childIds.length} gifts of ${vnd(campaign.amountPerChild)} make ${vnd(total)}; the fund holds ${vnd(available)} that gifts may use${pending ? `, ${vnd(pending)} of it already in gift batches not yet paid` : ''}`,
        { available: available - pending, needed: total },
      );
    }
    const disbursement = ctx.em.create(Disbursement, {
      fund: campaign.fund,
      amount: total,
      category: C.CHILD_GIFT,
      inKind: campaign.form === GiftForm.IN_KIND,
      payeeName: `Danh sách ${childIds.length} trẻ em nhận quà`,
      purpose: `${campaign.name}: ${childIds.length} suất × ${vnd(campaign.amountPerChild)}${campaign.packageDescription ? ` (${campaign.packageDescription})` : ''}`.slice(0, 500),
      projectType: ProjectType.GIFT_CAMPAIGN,
      projectId: campaign.id,
      documents: [],
      idempotencyKey: `gift:${key}`,
      createdBy: ctx.em.getReference(User, ctx.user.id),
    });
    await ctx.em.flush();
    const units = new Map(eligible.map((c) => [c.id, c.unit.id]));
    await insertRows(
      ctx.em,
      'gift_recipient',
      ['campaign_id', 'child_id', 'unit_id', 'amount', 'disbursement_id'],
      childIds.map((id) => [campaign.id, id, units.get(id), campaign.amountPerChild, disbursement.id]),
      5000,
    );
    return disbursement;
  },

  /** Lines of the list handed over against a signature (đã ký nhận). */
  async handOver(ctx: SignedInContext, args: HandOverGiftsArgs): Promise<GiftRecipient[]> {
    assertPastDate(args.occurredOn, 'occurredOn');
    const { recipients } = await this.pendingPaid(ctx, args);
    const early = recipients.find((r) => args.occurredOn < r.paidOn);
    if (early) throw badInput(`occurredOn ${formatDateVi(args.occurredOn)} comes before the batch was paid (${formatDateVi(early.paidOn)})`, 'occurredOn');
    for (const r of recipients) {
      r.recipient.status = R.HANDED_OVER;
      r.recipient.closedOn = args.occurredOn;
    }
    await ctx.em.flush();
    return recipients.map((r) => r.recipient);
  },

  /**
   * Returns gifts not handed over to the fund: per batch, one ledger transaction giving the money
   * (or goods) back, to the gift earmark if the batch drew on it (never freeing restricted money),
   * else to the free part.
   */
  async returnGifts(ctx: SignedInContext, args: ReturnGiftsArgs): Promise<GiftRecipient[]> {
    assertPastDate(args.occurredOn, 'occurredOn');
    const { campaign, recipients } = await this.pendingPaid(ctx, args);
    const fund = await ctx.em.findOneOrFail(Fund, campaign.fund.id);
    await ctx.em.execute('select id from fund where id = ? for update', [fund.id]);
    await ctx.em.refresh(fund);
    assertOpenPeriod(fund.lockedUntil, args.occurredOn, fund.name);
    const byBatch = new Map<number, typeof recipients>();
    for (const r of recipients) byBatch.set(r.batchId, [...(byBatch.get(r.batchId) ?? []), r]);
    for (const [batchId, lines] of byBatch) {
      const paidOn = lines[0]!.paidOn;
      if (args.occurredOn < paidOn) throw badInput(`occurredOn ${formatDateVi(args.occurredOn)} comes before the batch was paid (${formatDateVi(paidOn)})`, 'occurredOn');
      const amount = lines.reduce((s, l) => s + l.recipient.amount, 0);
      const [drew] = await ctx.em.execute<{ earmarked: string }[]>(
        `select coalesce(-sum(e.amount), 0) as earmarked from disbursement d join ledger_entry e on e.transaction_id = d.transaction_id join ledger_account a on a.id = e.account_id
          where d.id = ? and a.code in ('CASH', 'GOODS') and a.purpose is not null`,
        [batchId],
      );
      const code = campaign.form === GiftForm.IN_KIND ? AccountCode.GOODS : AccountCode.CASH;
      const posted = await post(ctx.em, {
        fundId: fund.id,
        kind: 'GIFT_RETURN',
        occurredOn: args.occurredOn,
        description: `Hoàn quỹ ${lines.length} suất quà không trao được, ${campaign.name}: ${args.reason.trim()}`.slice(0, 500),
        sourceType: 'gift_campaign',
        sourceId: campaign.id,
        createdById: ctx.user.id,
        lines: [
          { code, purpose: Number(drew?.earmarked ?? 0) > 0 ? C.CHILD_GIFT : null, amount },
          { code: AccountCode.EXPENSE, purpose: C.CHILD_GIFT, amount: -amount },
        ],
      });
      for (const l of lines) {
        l.recipient.status = R.RETURNED;
        l.recipient.closedOn = args.occurredOn;
        l.recipient.returnReason = args.reason.trim();
        l.recipient.returnTransaction = ctx.em.getReference(LedgerTransaction, posted.transactionId, { wrapped: true });
      }
    }
    await ctx.em.flush();
    return recipients.map((r) => r.recipient);
  },

  /** The lines asked for, locked, each still PENDING and in a batch already paid. */
  async pendingPaid(ctx: SignedInContext, args: HandOverGiftsArgs) {
    const campaign = await this.get(ctx, args.campaignId);
    const ids = [...new Set(args.recipientIds.map((id) => parseId(id, 'Gift recipient')))];
    const rows = await ctx.em.execute<{ id: string; status: string; batch_id: string; batch_status: string; paid_on: string | null }[]>(
      `select r.id, r.status, r.disbursement_id as batch_id, d.status as batch_status, d.paid_on::text as paid_on
         from gift_recipient r join disbursement d on d.id = r.disbursement_id
        where r.campaign_id = ? and r.id in (?) order by r.id for update of r`,
      [campaign.id, ids],
    );
    if (rows.length !== ids.length) throw badInput(`${ids.length - rows.length} of the lines are not in this campaign`, 'recipientIds');
    const notPending = rows.find((r) => r.status !== R.PENDING);
    if (notPending) throw new AppError(ErrorCode.INVALID_TRANSITION, `Line ${notPending.id} is ${notPending.status}: only a PENDING gift can be handed over or returned`, { status: notPending.status });
    const unpaid = rows.find((r) => r.batch_status !== D.PAID);
    if (unpaid) throw new AppError(ErrorCode.INVALID_TRANSITION, `The batch of line ${unpaid.id} is ${unpaid.batch_status}: gifts are handed over or returned once their disbursement is paid`, { status: unpaid.batch_status, rule: 'BATCH_NOT_PAID' });
    const entities = await ctx.em.find(GiftRecipient, { id: { $in: ids } });
    const byId = new Map(entities.map((e) => [e.id, e]));
    return {
      campaign,
      recipients: rows.map((r) => ({ recipient: byId.get(Number(r.id))!, batchId: Number(r.batch_id), paidOn: r.paid_on! })),
    };
  },
};

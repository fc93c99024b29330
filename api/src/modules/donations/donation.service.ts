import { raw, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/postgresql';
import { sumAmount } from '../../common/aggregates';
import type { SignedInContext } from '../../common/context';
import { assertPastDate, todayVn } from '../../common/dates';
import { badInput, conflict, AppError, ErrorCode } from '../../common/errors';
import { assertAmount } from '../../common/money';
import { amountRange, pageOptions, parseId } from '../../common/pagination';
import { findInScope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { campaignService } from '../campaigns/campaign.service';
import { Donor, DonorType } from '../donors/donor.entity';
import { ANONYMOUS_NAME, donorService } from '../donors/donor.service';
import { Fund } from '../funds/fund.entity';
import { fundService } from '../funds/fund.service';
import { AccountCode, LedgerTransaction } from '../ledger/ledger.entities';
import { assertFundOpen, assertOpenPeriod, nextDocumentNumber, post, type PostingLine } from '../ledger/ledger.service';
import { User } from '../users/user.entity';
import { Donation, DonationMethod, DonationStatus } from './donation.entity';
import type { CreateDonationArgs, DonationFilter, DonationListArgs } from './donation.inputs';

const sortable = { id: 'id', receiptNumber: 'id', receivedOn: 'receivedOn', amount: 'amount', donorName: 'donorName', method: 'method', status: 'status', fundId: 'fund', createdAt: 'createdAt' };

function where(ctx: SignedInContext, filter: DonationFilter = {}): FilterQuery<Donation> {
  const conditions: FilterQuery<Donation>[] = [ctx.scope.through<Donation>('fund.unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Donation')) } });
  if (filter.fundId) conditions.push({ fund: parseId(filter.fundId, 'Fund') });
  if (filter.unitId) conditions.push({ fund: { unit: { path: { $like: `%/${parseId(filter.unitId, 'Unit')}/%` } } } });
  if (filter.receivedFrom) conditions.push({ receivedOn: { $gte: filter.receivedFrom } });
  if (filter.receivedTo) conditions.push({ receivedOn: { $lte: filter.receivedTo } });
  if (filter.method) conditions.push({ method: filter.method });
  if (filter.donorId) conditions.push({ donor: parseId(filter.donorId, 'Donor') });
  if (filter.campaignId) conditions.push({ campaign: parseId(filter.campaignId, 'Campaign') });
  if (filter.pledgeId) conditions.push({ pledge: parseId(filter.pledgeId, 'Pledge') });
  conditions.push(...amountRange(filter));
  if (filter.status) conditions.push({ status: filter.status });
  if (filter.earmark) conditions.push({ earmark: filter.earmark });
  const q = filter.q ? viFold(filter.q) : '';
  if (q) {
    const like = `%${likeEscape(q)}%`;
    conditions.push({ $or: [{ [raw((alias) => `lower(${alias}.receipt_number)`)]: { $like: like } }, { [raw((alias) => `vi_fold(${alias}.donor_name)`)]: { $like: like } }] });
  }
  return { $and: conditions };
}

/** The ledger lines of a donation: cash (or goods) in, income out; earmarked to a purpose if any. */
function donationLines(donation: { method: DonationMethod; amount: number; earmark?: string | null }): PostingLine[] {
  const inKind = donation.method === DonationMethod.IN_KIND;
  return [
    { code: inKind ? AccountCode.GOODS : AccountCode.CASH, purpose: donation.earmark ?? null, amount: donation.amount },
    { code: inKind ? AccountCode.IN_KIND_INCOME : AccountCode.DONATION_INCOME, amount: -donation.amount },
  ];
}

const reversed = (lines: PostingLine[]) => lines.map((l) => ({ ...l, amount: -l.amount }));

function samePayload(donation: Donation, args: CreateDonationArgs): boolean {
  return (
    donation.fund.id === Number(args.fundId) &&
    donation.amount === args.amount &&
    donation.receivedOn === args.receivedOn &&
    donation.method === args.method &&
    donation.publicAnonymous === (args.publicAnonymous === true) &&
    (donation.donor?.id ?? null) === (args.donorId ? Number(args.donorId) : null)
  );
}

export const donationService = {
  list(ctx: SignedInContext, args: DonationListArgs): Promise<Donation[]> {
    const { limit, offset, orderBy } = pageOptions(args, sortable, 'receivedOn', args.filter?.ids?.length);
    return ctx.em.find(Donation, where(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: DonationFilter): Promise<number> {
    return ctx.em.count(Donation, where(ctx, filter));
  },

  total(ctx: SignedInContext, filter?: DonationFilter): Promise<number> {
    return sumAmount(ctx.em, Donation, where(ctx, filter));
  },

  get(ctx: SignedInContext, id: string | number): Promise<Donation> {
    return findInScope(ctx.em, Donation, 'Donation', parseId(id, 'Donation'), ctx.scope.through<Donation>('fund.unit'));
  },

  /**
   * Records a donation (phiếu thu) and posts it to the fund's ledger in one transaction, with the
   * next gapless receipt number. The same idempotency key answers the same donation, even when
   * sent concurrently: the second writer fails on the key's unique index and reads the first.
   */
  async create(ctx: SignedInContext, args: CreateDonationArgs): Promise<Donation> {
    const replay = await this.byIdempotencyKey(ctx, args);
    if (replay) return replay;

    assertAmount(args.amount, 'amount', ctx.config.limits.maxAmount);
    assertPastDate(args.receivedOn, 'receivedOn');
    const inKind = args.method === DonationMethod.IN_KIND;
    if (inKind && !args.inKindDescription?.trim()) throw badInput('inKindDescription is required for an in-kind donation: say what was given', 'inKindDescription');
    if (!inKind && args.inKindDescription) throw badInput('inKindDescription is only for in-kind donations', 'inKindDescription');
    const fund = await fundService.get(ctx, args.fundId);
    assertFundOpen(fund);
    assertOpenPeriod(fund.lockedUntil, args.receivedOn, fund.name);

    let donor: Donor | undefined;
    let donorName: string;
    if (args.donorId) {
      donor = await donorService.get(ctx, args.donorId);
      donorName = donor.type === DonorType.ANONYMOUS ? ANONYMOUS_NAME : donor.name;
    } else {
      if (!args.donorName?.trim()) throw badInput('Give a donor (donorId) or, for a walk-in, the donor’s name (donorName)', 'donorName');
      donorName = args.donorName.trim();
    }
    const campaign = args.campaignId ? await campaignService.get(ctx, args.campaignId) : undefined;
    if (campaign && campaign.fund.id !== fund.id) throw badInput(`Campaign "${campaign.name}" belongs to another fund`, 'campaignId');
    const pledge = args.pledgeId ? await campaignService.getPledge(ctx, args.pledgeId) : undefined;
    if (pledge) {
      if (!donor || pledge.donor.id !== donor.id) throw badInput('The pledge was made by another donor: choose that donor, or no pledge', 'pledgeId');
      if (campaign && pledge.campaign.id !== campaign.id) throw badInput('The pledge belongs to another campaign', 'pledgeId');
      const pledgeCampaign = await campaignService.get(ctx, pledge.campaign.id);
      if (pledgeCampaign.fund.id !== fund.id) throw badInput('The pledge was made to another fund', 'pledgeId');
    }

    try {
      return await ctx.em.transactional(async (em) => {
        const year = Number(args.receivedOn.slice(0, 4));
        const [{ id }] = (await em.execute<{ id: string }[]>("select nextval('donation_id_seq') as id")) as [{ id: string }];
        const donationId = Number(id);
        const receipt = await nextDocumentNumber(em, fund.id, 'PT', year);
        const posted = await post(em, {
          fundId: fund.id,
          kind: 'DONATION',
          occurredOn: args.receivedOn,
          description: `${receipt.number} ${donorName}`,
          sourceType: 'donation',
          sourceId: donationId,
          createdById: ctx.user.id,
          lines: donationLines(args),
        });
        const donation = em.create(Donation, {
          id: donationId,
          fund: em.getReference(Fund, fund.id),
          receiptNumber: receipt.number,
          receiptYear: year,
          receiptSeq: receipt.seq,
          donor,
          donorName,
          amount: args.amount,
          receivedOn: args.receivedOn,
          method: args.method,
          inKindDescription: inKind ? args.inKindDescription!.trim() : undefined,
          earmark: args.earmark,
          campaign: campaign ?? (pledge ? pledge.campaign : undefined),
          pledge,
          note: args.note?.trim() || undefined,
          publicAnonymous: args.publicAnonymous === true,
          idempotencyKey: args.idempotencyKey,
          createdBy: em.getReference(User, ctx.user.id),
          transaction: em.getReference(LedgerTransaction, posted.transactionId),
        });
        await em.flush();
        return donation;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && String(error.message).includes('idempotency_key')) {
        ctx.em.clear();
        const first = await this.byIdempotencyKey(ctx, args);
        if (first) return first;
      }
      throw error;
    }
  },

  async byIdempotencyKey(ctx: SignedInContext, args: CreateDonationArgs): Promise<Donation | null> {
    const existing = await ctx.em.findOne(Donation, { idempotencyKey: args.idempotencyKey });
    if (!existing) return null;
    if (existing.createdBy.id !== ctx.user.id || !samePayload(existing, args)) {
      throw conflict('This idempotencyKey was already used for a different donation: use a new key for a new donation', { field: 'idempotencyKey' });
    }
    return existing;
  },

  /** Voids a donation by a reversing transaction dated today; refused if the money was already spent. */
  async void(ctx: SignedInContext, id: string, reason: string): Promise<Donation> {
    const text = reason?.trim() ?? '';
    if (text.length < 5 || text.length > 500) throw badInput('Give the reason for voiding in 5 to 500 characters', 'reason');
    return ctx.em.transactional(async (em) => {
      const donation = await findInScope(em, Donation, 'Donation', parseId(id, 'Donation'), ctx.scope.through<Donation>('fund.unit'), { lockMode: 'pessimistic_write' });
      if (donation.status === DonationStatus.VOIDED) {
        throw new AppError(ErrorCode.INVALID_TRANSITION, `Receipt ${donation.receiptNumber} is already voided`);
      }
      const fund = await em.findOneOrFail(Fund, donation.fund.id);
      const today = todayVn();
      assertOpenPeriod(fund.lockedUntil, donation.receivedOn, fund.name);
      const posted = await post(em, {
        fundId: fund.id,
        kind: 'DONATION_VOID',
        occurredOn: today,
        description: `Huỷ ${donation.receiptNumber}: ${text}`,
        sourceType: 'donation',
        sourceId: donation.id,
        createdById: ctx.user.id,
        lines: reversed(donationLines(donation)),
      });
      donation.status = DonationStatus.VOIDED;
      donation.voidReason = text;
      donation.voidedAt = new Date();
      donation.voidedBy = em.getReference(User, ctx.user.id, { wrapped: true });
      donation.voidTransaction = em.getReference(LedgerTransaction, posted.transactionId, { wrapped: true });
      return donation;
    });
  },
};

import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import { sumAmount } from '../../common/aggregates';
import type { SignedInContext } from '../../common/context';
import { assertPastDate, todayVn } from '../../common/dates';
import { badInput, conflict, notFound, AppError, ErrorCode, RetryInNewTransaction } from '../../common/errors';
import { assertAmount } from '../../common/money';
import { amountRange, pageOptions, parseId } from '../../common/pagination';
import { findInScope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { recordChange } from '../audit/audit.recorder';
import { campaignService } from '../campaigns/campaign.service';
import { Donor, DonorType } from '../donors/donor.entity';
import { ANONYMOUS_NAME, donorService } from '../donors/donor.service';
import { Fund } from '../funds/fund.entity';
import { AccountCode, LedgerTransaction } from '../ledger/ledger.entities';
import { assertFundOpen, assertOpenPeriod, post, type PostingLine } from '../ledger/ledger.service';
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

/**
 * A Donation just written with plain SQL, for the answer: its fields as own properties on the
 * entity's prototype (its getters, e.g. `fundId`, work) without hydrating a managed entity, whose
 * cost and flush check would be the larger part of the request's own work. Relations are `{ id }`:
 * field resolvers read `donation.fund.id`, never load through them.
 */
function storedDonation(fields: Record<string, unknown>): Donation {
  const donation = Object.create(Donation.prototype) as Donation;
  for (const [name, value] of Object.entries(fields)) Object.defineProperty(donation, name, { value, writable: true, enumerable: true, configurable: true });
  return donation;
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
   * Records a donation (phiếu thu) and posts it to the fund's ledger in the mutation's transaction,
   * with the next gapless receipt number. The same idempotency key answers the same donation, even
   * when sent concurrently: a replay of a committed key is seen by the first statement, which then
   * writes nothing; a concurrent one waits on the key's unique index, finds it taken, and has the
   * mutation run again in a new transaction, which sees the first donation (no savepoints).
   */
  async create(ctx: SignedInContext, args: CreateDonationArgs): Promise<Donation> {
    if (!ctx.em.isInTransaction()) return ctx.em.transactional((em) => this.create({ ...ctx, em }, args));
    const em = ctx.em;
    // Checks of the input alone; a replay of the key is answered first, whatever they say.
    let invalid: unknown;
    let fundId: number | null = null;
    const inKind = args.method === DonationMethod.IN_KIND;
    try {
      assertAmount(args.amount, 'amount', ctx.config.limits.maxAmount);
      assertPastDate(args.receivedOn, 'receivedOn');
      if (inKind && !args.inKindDescription?.trim()) throw badInput('inKindDescription is required for an in-kind donation: say what was given', 'inKindDescription');
      if (!inKind && args.inKindDescription) throw badInput('inKindDescription is only for in-kind donations', 'inKindDescription');
      fundId = parseId(args.fundId, 'Fund');
    } catch (error) {
      invalid = error;
    }
    const year = Number(args.receivedOn.slice(0, 4));

    // One statement: an earlier donation with this key, the fund in the user's scope, and, when the
    // input is valid and the fund takes it, the next receipt number and the donation's id.
    const [found] = await em.execute<{ replay: boolean; id: number | null; name: string; closed_on: string | null; locked_until: string | null; successor_id: number | null; seq: number | null; donation_id: string | null }[]>(
      `with fund as (
         select f.id, f.name, f.closed_on, f.locked_until, f.successor_id
           from fund f join administrative_unit u on u.id = f.unit_id
          where f.id = ?::int and u.path like ?
       ), replay as (
         select exists (select 1 from donation where idempotency_key = ?) as replay
       ), counter as (
         insert into document_counter (fund_id, doc_type, year, last_number)
         select fund.id, 'PT', ?, 1 from fund, replay
          where ?::boolean and not replay.replay and fund.closed_on is null and (fund.locked_until is null or fund.locked_until < ?::date)
         on conflict (fund_id, doc_type, year) do update set last_number = document_counter.last_number + 1
         returning last_number
       )
       select replay.replay, fund.id, fund.name, fund.closed_on::text, fund.locked_until::text, fund.successor_id,
              counter.last_number as seq, case when counter.last_number is not null then nextval('donation_id_seq') end as donation_id
         from replay left join fund on true left join counter on true`,
      [
        fundId !== null && fundId <= 2_147_483_647 ? fundId : null,
        `${likeEscape(ctx.scope.unitPath)}%`,
        args.idempotencyKey,
        invalid === undefined ? year : null,
        invalid === undefined,
        invalid === undefined ? args.receivedOn : null,
      ],
    );
    if (found!.replay) {
      const replay = await this.byIdempotencyKey(ctx, args);
      if (replay) return replay;
    }
    if (invalid !== undefined) throw invalid;
    if (found!.id === null) throw notFound('Fund', fundId!);
    const fund = { id: found!.id, name: found!.name, closedOn: found!.closed_on, successor: found!.successor_id === null ? null : { id: found!.successor_id } };
    assertFundOpen(fund);
    assertOpenPeriod(found!.locked_until, args.receivedOn, fund.name);

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

    // Valid input, no replay, the fund in scope and open: the statement took a number and an id.
    if (found!.seq === null || found!.donation_id === null) throw new Error(`createDonation: no receipt number taken for fund ${fund.id}`);
    const donationId = Number(found!.donation_id);
    const seq = found!.seq;
    const receiptNumber = `PT-${year}-${String(seq).padStart(6, '0')}`;
    const posted = await post(em, {
      fundId: fund.id,
      kind: 'DONATION',
      occurredOn: args.receivedOn,
      description: `${receiptNumber} ${donorName}`,
      sourceType: 'donation',
      sourceId: donationId,
      createdById: ctx.user.id,
      lines: donationLines(args),
    });

    // The row, written directly (no unit-of-work flush); a key taken meanwhile by a concurrent replay
    // (it waited for that one to commit) undoes all of this and runs the mutation again.
    const row = {
      donor: donor?.id,
      inKindDescription: inKind ? args.inKindDescription!.trim() : undefined,
      campaign: campaign?.id ?? pledge?.campaign.id,
      pledge: pledge?.id,
      note: args.note?.trim() || undefined,
      publicAnonymous: args.publicAnonymous === true,
      createdAt: new Date(),
    };
    const inserted = await em.execute<{ id: string }[]>(
      `insert into donation (id, fund_id, receipt_number, receipt_year, receipt_seq, donor_id, donor_name, amount, received_on, method, in_kind_description, earmark,
                             campaign_id, pledge_id, note, public_anonymous, idempotency_key, status, created_by_id, transaction_id, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'POSTED', ?, ?, ?)
       on conflict (idempotency_key) do nothing returning id`,
      [
        donationId, fund.id, receiptNumber, year, seq, row.donor ?? null, donorName, args.amount, args.receivedOn, args.method, row.inKindDescription ?? null, args.earmark ?? null,
        row.campaign ?? null, row.pledge ?? null, row.note ?? null, row.publicAnonymous, args.idempotencyKey, ctx.user.id, posted.transactionId, row.createdAt,
      ],
    );
    if (inserted.length === 0) throw new RetryInNewTransaction(`idempotency key of createDonation taken by a concurrent request`);

    // The audit event's change, as the ORM's insert payload would give it (database values; fields left out when undefined).
    const after: Record<string, unknown> = {
      id: String(donationId),
      fund: fund.id,
      receiptNumber,
      receiptYear: year,
      receiptSeq: seq,
      donorName,
      amount: String(args.amount),
      receivedOn: args.receivedOn,
      method: args.method,
      publicAnonymous: row.publicAnonymous,
      idempotencyKey: args.idempotencyKey,
      status: DonationStatus.POSTED,
      createdBy: ctx.user.id,
      transaction: String(posted.transactionId),
      createdAt: row.createdAt.toISOString(),
    };
    if (row.donor !== undefined) after.donor = row.donor;
    if (row.inKindDescription !== undefined) after.inKindDescription = row.inKindDescription;
    if (args.earmark !== undefined) after.earmark = args.earmark;
    if (row.campaign !== undefined) after.campaign = row.campaign;
    if (row.pledge !== undefined) after.pledge = row.pledge;
    if (row.note !== undefined) after.note = row.note;
    recordChange({ entity: 'Donation', record: { id: donationId }, kind: 'create', before: null, after });

    // The answer: the donation as stored, not loaded into the unit of work (nothing is left to write).
    return storedDonation({
      id: donationId,
      fund: { id: fund.id },
      receiptNumber,
      receiptYear: year,
      receiptSeq: seq,
      donor: row.donor === undefined ? undefined : { id: row.donor },
      donorName,
      amount: args.amount,
      receivedOn: args.receivedOn,
      method: args.method,
      inKindDescription: row.inKindDescription,
      earmark: args.earmark ?? undefined,
      campaign: row.campaign === undefined ? undefined : { id: row.campaign },
      pledge: row.pledge === undefined ? undefined : { id: row.pledge },
      note: row.note,
      publicAnonymous: row.publicAnonymous,
      idempotencyKey: args.idempotencyKey,
      status: DonationStatus.POSTED,
      createdBy: { id: ctx.user.id },
      transaction: { id: posted.transactionId },
      createdAt: row.createdAt,
    });
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

import { LockMode, raw, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/postgresql';
import { sumAmount } from '../../common/aggregates';
import type { SignedInContext } from '../../common/context';
import { assertPastDate, todayVn } from '../../common/dates';
import { ProgramCategory } from '../../common/categories';
import { AppError, badInput, conflict, ErrorCode, notFound } from '../../common/errors';
import { assertAmount } from '../../common/money';
import { amountRange, pageOptions, parseId } from '../../common/pagination';
import { findInScope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { Fund } from '../funds/fund.entity';
import { fundService } from '../funds/fund.service';
import { AccountCode, LedgerTransaction } from '../ledger/ledger.entities';
import { assertFundOpen, assertOpenPeriod, post, type PostingLine } from '../ledger/ledger.service';
import { assertProjectPayment } from '../projects/project-payments';
import { User } from '../users/user.entity';
import { Disbursement, DisbursementCategory as C, DisbursementStatus as S } from './disbursement.entity';
import type { CreateDisbursementArgs, DisbursementFilter, DisbursementListArgs } from './disbursement.inputs';
import { assertAdministrationCap } from './disbursement.policy';
import { disbursementRows, type DisbursementRow, type DisbursementView } from './disbursement.rows';
import { assertAllowed, refusal, transitions, type DisbursementAction } from './disbursement.state';

const sortable = {
  id: 'id', voucherNumber: 'voucherNumber', amount: 'amount', category: 'category', status: 'status', payeeName: 'payeeName',
  createdAt: 'createdAt', approvedAt: 'approvedAt', paidOn: 'paidOn', fundId: 'fund', createdById: 'createdBy', approvedById: 'approvedBy',
};

/** Categories that may spend money earmarked to them; TRANSFER and ADMINISTRATION spend only the free part. */
const earmarkable = new Set<C>(Object.values(ProgramCategory));

export const projectPurpose = (type: string, id: number) => `project:${type}:${id}`;

/** The conditions of the inspectors' filters, within the user's scope (also used by the exports). */
export function disbursementWhere(ctx: SignedInContext, filter: DisbursementFilter = {}): FilterQuery<Disbursement> {
  const conditions: FilterQuery<Disbursement>[] = [ctx.scope.through<Disbursement>('fund.unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Disbursement')) } });
  if (filter.fundIds?.length) conditions.push({ fund: { $in: filter.fundIds.map((id) => parseId(id, 'Fund')) } });
  if (filter.unitId) conditions.push({ fund: { unit: { path: { $like: `%/${parseId(filter.unitId, 'Unit')}/%` } } } });
  if (filter.status?.length) conditions.push({ status: { $in: filter.status } });
  if (filter.category?.length) conditions.push({ category: { $in: filter.category } });
  if (filter.dateFrom) conditions.push({ [raw((alias) => `coalesce(${alias}.paid_on, ${alias}.created_at::date)`)]: { $gte: filter.dateFrom } });
  if (filter.dateTo) conditions.push({ [raw((alias) => `coalesce(${alias}.paid_on, ${alias}.created_at::date)`)]: { $lte: filter.dateTo } });
  conditions.push(...amountRange(filter));
  if (filter.createdById) conditions.push({ createdBy: parseId(filter.createdById, 'User') });
  if (filter.approvedById) conditions.push({ approvedBy: parseId(filter.approvedById, 'User') });
  if (filter.projectType) conditions.push({ projectType: filter.projectType });
  if (filter.projectId) conditions.push({ projectId: parseId(filter.projectId, 'Project') });
  const payee = filter.payee ? viFold(filter.payee) : '';
  if (payee) {
    const like = `%${likeEscape(payee)}%`;
    conditions.push({ $or: [{ [raw((alias) => `vi_fold(${alias}.payee_name)`)]: { $like: like } }, { payeeIdNumber: { $like: like } }, { payeeBankAccount: { $like: like } }] });
  }
  const q = filter.q ? viFold(filter.q) : '';
  if (q) {
    const like = `%${likeEscape(q)}%`;
    conditions.push({ $or: [{ [raw((alias) => `lower(coalesce(${alias}.voucher_number, ''))`)]: { $like: like } }, { [raw((alias) => `vi_fold(${alias}.payee_name)`)]: { $like: like } }, { [raw((alias) => `vi_fold(${alias}.purpose)`)]: { $like: like } }] });
  }
  return { $and: conditions };
}

/**
 * Where a payment's money comes from: the project's earmark, then the category's, then the free
 * part. One spending line that the ledger splits over those sub-balances from the balances it reads
 * under the fund's lock (`ledger_post`), so the split is the one the balances allow at that moment.
 */
function spendingLines(d: Disbursement): PostingLine[] {
  const purposes: (string | null)[] = [];
  if (earmarkable.has(d.category)) {
    if (d.projectType && d.projectId) purposes.push(projectPurpose(d.projectType, d.projectId));
    purposes.push(d.category);
  }
  purposes.push(null);
  // An in-kind gift batch hands out goods: it spends the fund's goods, not its money.
  const code = d.inKind ? AccountCode.GOODS : AccountCode.CASH;
  const spend: PostingLine = { code, spendFrom: purposes, amount: -d.amount };
  if (d.category === C.TRANSFER) return [spend, { code: AccountCode.TRANSFER_OUT, amount: d.amount }];
  return [spend, { code: AccountCode.EXPENSE, purpose: d.category, amount: d.amount }];
}

/** The ledger's "short of money" answer, in a payment's words. */
function shortOfMoney(error: unknown, d: Disbursement): unknown {
  const available = error instanceof AppError ? error.extensions.available : undefined;
  if (!(error instanceof AppError) || error.extensions.code !== ErrorCode.INSUFFICIENT_FUNDS || typeof available !== 'number') return error;
  const earmarked = earmarkable.has(d.category);
  return new AppError(
    ErrorCode.INSUFFICIENT_FUNDS,
    `The fund holds ${available.toLocaleString('vi-VN')} đồng${d.inKind ? ' of goods' : ''} that a ${d.category} payment may use (free money${earmarked ? ' and money earmarked for it' : ''}), less than ${d.amount.toLocaleString('vi-VN')} đồng`,
    { available },
  );
}

function samePayload(d: Disbursement, args: CreateDisbursementArgs): boolean {
  return d.fund.id === Number(args.fundId) && d.amount === args.amount && d.category === args.category && d.payeeName === args.payeeName.trim();
}

export const disbursementService = {
  /** A page of the list as plain rows (no entities): the inspectors' list reads thousands a minute. */
  list(ctx: SignedInContext, args: DisbursementListArgs): Promise<DisbursementRow[]> {
    return disbursementRows(ctx.em, disbursementWhere(ctx, args.filter), pageOptions(args, sortable, 'createdAt', args.filter?.ids?.length));
  },

  count(ctx: SignedInContext, filter?: DisbursementFilter): Promise<number> {
    return ctx.em.count(Disbursement, disbursementWhere(ctx, filter));
  },

  total(ctx: SignedInContext, filter?: DisbursementFilter): Promise<number> {
    return sumAmount(ctx.em, Disbursement, disbursementWhere(ctx, filter));
  },

  get(ctx: SignedInContext, id: string | number): Promise<Disbursement> {
    return findInScope(ctx.em, Disbursement, 'Disbursement', parseId(id, 'Disbursement'), ctx.scope.through<Disbursement>('fund.unit'));
  },

  /** What the current user may do with a disbursement (the console shows only these buttons). */
  permissions(ctx: SignedInContext, d: DisbursementView): Record<DisbursementAction, boolean> {
    const actor = { id: ctx.user.id, role: ctx.user.role };
    const may = (action: DisbursementAction) => refusal(action, d.status, d.createdBy.id, actor) === null;
    return { submit: may('submit'), approve: may('approve'), reject: may('reject'), pay: may('pay'), cancel: may('cancel') };
  },

  /** Drafts a disbursement (phiếu chi); idempotent by key, like donations. */
  async create(ctx: SignedInContext, args: CreateDisbursementArgs): Promise<Disbursement> {
    const existing = await ctx.em.findOne(Disbursement, { idempotencyKey: args.idempotencyKey });
    if (existing) {
      if (existing.createdBy.id !== ctx.user.id || !samePayload(existing, args)) {
        throw conflict('This idempotencyKey was already used for a different disbursement: use a new key', { field: 'idempotencyKey' });
      }
      return existing;
    }
    assertAmount(args.amount, 'amount', ctx.config.limits.maxAmount);
    const fund = await fundService.get(ctx, args.fundId);
    assertFundOpen(fund);
    let targetFund: Fund | undefined;
    if (args.category === C.TRANSFER) {
      if (!args.targetFundId) throw badInput('A TRANSFER needs targetFundId: the fund receiving the money', 'targetFundId');
      targetFund = (await ctx.em.findOne(Fund, { id: parseId(args.targetFundId, 'Fund') })) ?? undefined;
      if (!targetFund) throw badInput(`Fund ${args.targetFundId} does not exist`, 'targetFundId');
      assertFundOpen(targetFund, 'targetFundId');
      if (targetFund.id === fund.id) throw badInput('A fund cannot transfer to itself', 'targetFundId');
      if (targetFund.kind !== fund.kind) throw badInput('Money moves only between funds of the same kind', 'targetFundId');
    } else if (args.targetFundId) {
      throw badInput('targetFundId is only for a TRANSFER', 'targetFundId');
    }
    if (Boolean(args.projectType) !== Boolean(args.projectId)) throw badInput('Give both projectType and projectId, or neither', 'projectId');
    if (args.projectType && args.projectId) {
      await assertProjectPayment(ctx, { fundId: fund.id, amount: args.amount, category: args.category, projectType: args.projectType, projectId: parseId(args.projectId, 'Project') }, 'draft');
    }
    const data = {
      fund,
      amount: args.amount,
      category: args.category,
      payeeName: args.payeeName.trim(),
      payeeIdNumber: args.payeeIdNumber,
      payeeAddress: args.payeeAddress?.trim() || undefined,
      payeeBankAccount: args.payeeBankAccount?.trim() || undefined,
      purpose: args.purpose.trim(),
      projectType: args.projectType,
      projectId: args.projectId ? parseId(args.projectId, 'Project') : undefined,
      documents: (args.documents ?? []).map((x) => x.trim()).filter(Boolean),
      targetFund,
      idempotencyKey: args.idempotencyKey,
    };
    try {
      // A savepoint: if a concurrent request with the same key wins, this one reads its disbursement.
      return await ctx.em.transactional(async (em) => {
        const d = em.create(Disbursement, { ...data, createdBy: em.getReference(User, ctx.user.id) });
        await em.flush();
        return d;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && String(error.message).includes('idempotency_key')) {
        ctx.em.clear();
        const first = await ctx.em.findOne(Disbursement, { idempotencyKey: args.idempotencyKey });
        if (first && first.createdBy.id === ctx.user.id && samePayload(first, args)) return first;
        throw conflict('This idempotencyKey was already used for a different disbursement: use a new key', { field: 'idempotencyKey' });
      }
      throw error;
    }
  },

  /** Moves a disbursement through its state machine (submit, approve, reject, cancel); pay has its own method. */
  async transition(ctx: SignedInContext, id: string, action: Exclude<DisbursementAction, 'pay'>, reason?: string): Promise<Disbursement> {
    const length = reason?.trim().length ?? 0;
    if ((action === 'reject' || action === 'cancel') && (length < 5 || length > 500)) {
      throw badInput(`Give the reason to ${action} in 5 to 500 characters`, 'reason');
    }
    const d = await findInScope(ctx.em, Disbursement, 'Disbursement', parseId(id, 'Disbursement'), ctx.scope.through<Disbursement>('fund.unit'), { lockMode: 'pessimistic_write' });
    assertAllowed(action, d.status, d.createdBy.id, ctx.user);
    if (action === 'approve' && d.category === C.ADMINISTRATION) {
      await assertAdministrationCap(ctx.em, await ctx.em.findOneOrFail(Fund, d.fund.id), d.amount, todayVn(), d.id);
    }
    const me = ctx.em.getReference(User, ctx.user.id, { wrapped: true });
    d.status = transitions[action].to;
    if (action === 'submit') {
      d.submittedBy = me;
      d.submittedAt = new Date();
    } else if (action === 'approve') {
      d.approvedBy = me;
      d.approvedAt = new Date();
    } else {
      d.decidedBy = me;
      d.reason = reason!.trim();
      d.closedAt = new Date();
    }
    await ctx.em.flush();
    return d;
  },

  /**
   * Pays an approved disbursement: the voucher number, the ledger posting (and, for a transfer, the
   * receiving fund's posting) in one transaction, never taking a balance below zero.
   *
   * Payments of one fund are serial on the fund's row lock (its hash-chain head and its PC counter),
   * so a fund pays at most 1 / (time that lock is held). Everything that needs no fund lock runs
   * before it: the disbursement's own row lock (a replay waits there, then finds it PAID), the state
   * machine and four eyes, the project's rules under the project's lock (housing tranche caps), and a
   * first period check on an unlocked read. Under the fund's lock there is then ONE statement,
   * `ledger_post` (voucher number, period and closed-fund checks, the earmark split from the balances
   * under the lock, accounts, transaction, entries, hash), the disbursement's UPDATE (a flush, so the
   * audit trail records it), and the audit middleware's event and COMMIT.
   * Lock order: disbursement → project → fund(s) by id → PC counter (the same as gift batches: campaign → fund).
   * Transfers lock both funds by id first (no deadlock between opposite transfers), and administration
   * lock the fund before checking the yearly cap (two of them may not both pass it).
   */
  async pay(ctx: SignedInContext, id: string, paidOn: string): Promise<Disbursement> {
    assertPastDate(paidOn, 'paidOn');
    const em = ctx.em;
    // The disbursement in scope, locked (FOR UPDATE of its own row only, read under the lock: a replay
    // waits here and then finds it PAID) in one query, then its fund as it is now: no fund lock yet,
    // an early answer that ledger_post repeats under the lock. (Not `populate`: MikroORM would load
    // the fund in a second query that inherits FOR UPDATE and take the hot lock here.)
    const disbursementId = parseId(id, 'Disbursement');
    const d = await em.findOne(Disbursement, { $and: [{ id: disbursementId }, ctx.scope.through<Disbursement>('fund.unit')] }, {
      lockMode: LockMode.PESSIMISTIC_WRITE,
      lockTableAliases: ['d0'],
      refresh: true,
    });
    if (!d) throw notFound('Disbursement', disbursementId);
    assertAllowed('pay', d.status, d.createdBy.id, ctx.user);
    const fund = await em.findOneOrFail(Fund, d.fund.id);
    assertOpenPeriod(fund.lockedUntil, paidOn, fund.name);
    if (d.projectType && d.projectId) {
      await assertProjectPayment(ctx, { id: d.id, fundId: fund.id, amount: d.amount, category: d.category, projectType: d.projectType, projectId: d.projectId }, 'pay');
    }
    if (d.targetFund || d.category === C.ADMINISTRATION) {
      const fundIds = [d.fund.id, d.targetFund?.id].filter((x): x is number => x !== undefined).sort((a, b) => a - b);
      await em.execute('select id from fund where id in (?) order by id for update', [fundIds]);
      if (d.category === C.ADMINISTRATION) {
        await em.refresh(fund);
        await assertAdministrationCap(em, fund, d.amount, paidOn, d.id);
      }
    }
    const year = Number(paidOn.slice(0, 4));
    const posted = await post(em, {
      fundId: fund.id,
      kind: d.category === C.TRANSFER ? 'TRANSFER_OUT' : 'DISBURSEMENT',
      occurredOn: paidOn,
      description: `${d.payeeName}: ${d.purpose}`,
      sourceType: 'disbursement',
      sourceId: d.id,
      createdById: ctx.user.id,
      lines: spendingLines(d),
      document: { type: 'PC', year },
    }).catch((error: unknown) => {
      throw shortOfMoney(error, d);
    });
    const voucher = posted.document!;
    if (d.targetFund) {
      await post(em, {
        fundId: d.targetFund.id,
        kind: 'TRANSFER_IN',
        occurredOn: paidOn,
        description: `${voucher.number} from ${fund.name}: ${d.purpose}`.slice(0, 500),
        sourceType: 'disbursement',
        sourceId: d.id,
        createdById: ctx.user.id,
        lines: [
          { code: AccountCode.CASH, amount: d.amount },
          { code: AccountCode.TRANSFER_IN, amount: -d.amount },
        ],
      });
    }
    d.status = S.PAID;
    d.paidOn = paidOn;
    d.paidBy = em.getReference(User, ctx.user.id, { wrapped: true });
    d.voucherNumber = voucher.number;
    d.voucherYear = year;
    d.voucherSeq = voucher.seq;
    d.transaction = em.getReference(LedgerTransaction, posted.transactionId, { wrapped: true });
    await em.flush();
    return d;
  },
};

import { raw, ref, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { assertPastDate, formatDateVi, todayVn } from '../../common/dates';
import { AppError, badInput, conflict, ErrorCode } from '../../common/errors';
import { pageOptions, parseId } from '../../common/pagination';
import { findInScope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { ProjectType } from '../disbursements/disbursement.entity';
import { householdService } from '../households/household.service';
import { percentOf, rateOn, RateCode, vnd } from '../policy/policy-rate.service';
import { FundingLine, FundingSource } from '../projects/project.entities';
import type { ProjectStepArgs } from '../projects/project.inputs';
import { buildFundingLines, COMMITTED, heldByFund, lastEventOn, OPEN, recordEvent, sumLines } from '../projects/project.service';
import { AdministrativeUnit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { HousingGrant, HousingGrantStatus as S, HousingGrantType, HousingProgram } from './housing-grant.entity';
import type { ApplyHousingGrantArgs, ApproveHousingGrantArgs, HousingGrantFilter, HousingGrantListArgs, RejectHousingGrantArgs } from './housing-grant.inputs';
import { housingGrantMachine, type HousingGrantAction } from './housing-grant.state';

const sortable = {
  id: 'id', status: 'status', type: 'type', program: 'program', appliedOn: 'appliedOn', approvedOn: 'approvedOn', amount: 'amount',
  approvedTotal: 'approvedTotal', unitId: 'unit', householdId: 'household', updatedAt: 'updatedAt',
};

/** Public money in a grant's financing: what the policy rate caps. */
const PUBLIC_SOURCES = new Set([FundingSource.CENTRAL_BUDGET, FundingSource.LOCAL_BUDGET, FundingSource.FUND]);

const P = ProjectType.HOUSING_GRANT;

export function housingGrantWhere(ctx: SignedInContext, filter: HousingGrantFilter = {}): FilterQuery<HousingGrant> {
  const conditions: FilterQuery<HousingGrant>[] = [ctx.scope.through<HousingGrant>('unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Housing grant')) } });
  if (filter.unitId) conditions.push({ unit: { path: { $like: `%/${parseId(filter.unitId, 'Unit')}/%` } } });
  if (filter.householdId) conditions.push({ household: parseId(filter.householdId, 'Household') });
  if (filter.status?.length) conditions.push({ status: { $in: filter.status } });
  if (filter.type) conditions.push({ type: filter.type });
  if (filter.program) conditions.push({ program: filter.program });
  if (filter.year) conditions.push({ [raw((alias) => `extract(year from coalesce(${alias}.approved_on, ${alias}.applied_on))`)]: filter.year });
  const q = filter.q ? viFold(filter.q) : '';
  if (q) {
    const like = `%${likeEscape(q)}%`;
    conditions.push({ $or: [{ household: { searchText: { $like: like } } }, { [raw((alias) => `lower(coalesce(${alias}.decision_number, ''))`)]: { $like: like } }] });
  }
  return { $and: conditions };
}

const programName: Record<HousingProgram, string> = {
  [HousingProgram.DECISION_22_2013]: 'Decision 22/2013/QĐ-TTg',
  [HousingProgram.DECREE_131_2021]: 'Decree 131/2021/NĐ-CP',
  [HousingProgram.GRATITUDE_HOUSE]: 'the Gratitude Fund gift houses (nhà tình nghĩa)',
  [HousingProgram.OTHER]: 'another program',
};

export const housingGrantService = {
  list(ctx: SignedInContext, args: HousingGrantListArgs): Promise<HousingGrant[]> {
    const { limit, offset, orderBy } = pageOptions(args, sortable, 'appliedOn', args.filter?.ids?.length);
    return ctx.em.find(HousingGrant, housingGrantWhere(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: HousingGrantFilter): Promise<number> {
    return ctx.em.count(HousingGrant, housingGrantWhere(ctx, filter));
  },

  get(ctx: SignedInContext, id: string | number): Promise<HousingGrant> {
    return findInScope(ctx.em, HousingGrant, 'Housing grant', parseId(id, 'Housing grant'), ctx.scope.through<HousingGrant>('unit'));
  },

  /**
   * Records an application. One grant per household, type and program (a rejected one does not
   * count), and a household helped under Decision 22/2013 is not helped again under Decree
   * 131/2021: both are a CONFLICT naming the earlier grant.
   */
  async apply(ctx: SignedInContext, args: ApplyHousingGrantArgs): Promise<HousingGrant> {
    assertPastDate(args.appliedOn, 'appliedOn');
    const household = await householdService.get(ctx, args.householdId);
    // One application at a time per household: the checks below see every earlier grant.
    await ctx.em.execute('select id from beneficiary_household where id = ? for update', [household.id]);
    const earlier = await ctx.em.find(HousingGrant, { household, status: { $ne: S.REJECTED } }, { orderBy: { id: 'ASC' } });
    const same = earlier.find((g) => g.type === args.type && g.program === args.program);
    if (same) {
      throw conflict(`This household already has a ${args.type} grant under ${programName[args.program]} (grant ${same.id}, ${same.status}): one grant per type and program`, {
        existingId: String(same.id),
        rule: 'ONE_GRANT_PER_PROGRAM',
      });
    }
    const under22 = earlier.find((g) => g.program === HousingProgram.DECISION_22_2013);
    if (args.program === HousingProgram.DECREE_131_2021 && under22) {
      throw conflict(`This household was already helped under Decision 22/2013/QĐ-TTg (grant ${under22.id}, ${under22.status}): it is not helped again under Decree 131/2021/NĐ-CP`, {
        existingId: String(under22.id),
        rule: 'DECISION_22_ALREADY_HELPED',
      });
    }
    const grant = ctx.em.create(HousingGrant, {
      household,
      unit: ctx.em.getReference(AdministrativeUnit, household.unit.id),
      type: args.type,
      program: args.program,
      appliedOn: args.appliedOn,
      description: args.description?.trim() || undefined,
      createdBy: ctx.em.getReference(User, ctx.user.id),
    });
    try {
      await ctx.em.flush();
    } catch (error) {
      // Two applications at the same moment: the partial unique index decides (the mutation rolls back).
      if (error instanceof UniqueConstraintViolationException) throw conflict('This household already has a grant of this type under this program', { rule: 'ONE_GRANT_PER_PROGRAM' });
      throw error;
    }
    recordEvent(ctx, P, grant.id, { action: 'apply', to: S.APPLIED, occurredOn: args.appliedOn, note: args.description });
    await ctx.em.flush();
    return grant;
  },

  /** The steps after application (approve, reject have their own arguments). */
  async step(ctx: SignedInContext, action: Exclude<HousingGrantAction, 'approve' | 'reject'>, args: ProjectStepArgs): Promise<HousingGrant> {
    const grant = await this.locked(ctx, args.id);
    const to = housingGrantMachine.assert(action, grant.status, ctx.user.role);
    await this.assertStepDate(ctx, grant, args.occurredOn);
    if (action === 'start') grant.constructionStartedOn = args.occurredOn;
    if (action === 'complete') {
      if (!args.document?.trim()) throw badInput('Completion is confirmed by the handover minutes: give their number as document', 'document');
      grant.handoverNumber = args.document.trim();
      grant.handoverDate = args.occurredOn;
    }
    if (action === 'close') {
      const [open, paid] = await Promise.all([heldByFund(ctx.em, P, grant.id, OPEN), heldByFund(ctx.em, P, grant.id, ['PAID'])]);
      const pending = sum(open);
      const lines = (await this.fundLines(ctx, grant)).reduce((s, l) => s + l.amount, 0);
      const paidTotal = sum(paid);
      if (pending > 0 || paidTotal < lines) {
        throw new AppError(
          ErrorCode.INVALID_TRANSITION,
          `Grant ${grant.id} cannot be closed: its fund lines total ${vnd(lines)}, ${vnd(paidTotal)} is paid${pending ? ` and ${vnd(pending)} is in disbursements not yet paid` : ''}`,
          { status: grant.status, action, rule: 'TRANCHES_OUTSTANDING', due: lines - paidTotal, pending },
        );
      }
      grant.closedOn = args.occurredOn;
    }
    recordEvent(ctx, P, grant.id, { action, from: grant.status, to, occurredOn: args.occurredOn, document: args.document, note: args.note });
    grant.status = to;
    await ctx.em.flush();
    return grant;
  },

  /**
   * Approves a grant: the support is the policy rate in force on the approval date; the public
   * funding lines (budgets and funds) stay within it; the first-tranche limit is set from the
   * first-tranche rate in force on that date.
   */
  async approve(ctx: SignedInContext, args: ApproveHousingGrantArgs): Promise<HousingGrant> {
    const grant = await this.locked(ctx, args.id);
    const to = housingGrantMachine.assert('approve', grant.status, ctx.user.role);
    await this.assertStepDate(ctx, grant, args.approvedOn, 'approvedOn');
    const rate = await rateOn(ctx.em, grant.type === HousingGrantType.NEW_BUILD ? RateCode.HOUSING_NEW : RateCode.HOUSING_REPAIR, args.approvedOn);
    const tranche = await rateOn(ctx.em, RateCode.HOUSING_FIRST_TRANCHE, args.approvedOn);
    const unit = await ctx.em.findOneOrFail(AdministrativeUnit, grant.unit.id);
    const lines = await buildFundingLines(ctx, P, grant.id, unit, args.fundingLines);
    const publicMoney = sumLines(lines.filter((l) => PUBLIC_SOURCES.has(l.source)));
    if (publicMoney > rate.amount!) {
      throw new AppError(
        ErrorCode.POLICY_LIMIT,
        `The support for a ${grant.type} grant approved on ${formatDateVi(args.approvedOn)} is at most ${vnd(rate.amount!)}; the budget and fund lines add up to ${vnd(publicMoney)}. ${rate.legalBasis}`,
        { rule: rate.code, basis: rate.legalBasis, limit: rate.amount, field: 'fundingLines' },
      );
    }
    const fundLines = sumLines(lines.filter((l) => l.source === FundingSource.FUND));
    grant.amount = rate.amount!;
    grant.rate = ref(rate);
    grant.approvedTotal = sumLines(lines);
    grant.firstTrancheLimit = percentOf(fundLines, Number(tranche.percent));
    grant.approvedOn = args.approvedOn;
    grant.decisionNumber = args.decisionNumber.trim();
    recordEvent(ctx, P, grant.id, { action: 'approve', from: grant.status, to, occurredOn: args.approvedOn, document: args.decisionNumber, note: args.note });
    grant.status = to;
    await ctx.em.flush();
    return grant;
  },

  /** Rejects a grant nothing has been committed to yet. */
  async reject(ctx: SignedInContext, args: RejectHousingGrantArgs): Promise<HousingGrant> {
    const grant = await this.locked(ctx, args.id);
    const to = housingGrantMachine.assert('reject', grant.status, ctx.user.role);
    const occurredOn = args.occurredOn ?? todayVn();
    await this.assertStepDate(ctx, grant, occurredOn);
    const committed = sum(await heldByFund(ctx.em, P, grant.id, COMMITTED));
    if (committed > 0) {
      throw new AppError(ErrorCode.INVALID_TRANSITION, `Grant ${grant.id} has ${vnd(committed)} in tranche disbursements: cancel those first`, { status: grant.status, action: 'reject', rule: 'TRANCHES_COMMITTED' });
    }
    grant.rejectionReason = args.reason.trim();
    recordEvent(ctx, P, grant.id, { action: 'reject', from: grant.status, to, occurredOn, note: args.reason });
    grant.status = to;
    await ctx.em.flush();
    return grant;
  },

  locked(ctx: SignedInContext, id: string): Promise<HousingGrant> {
    return findInScope(ctx.em, HousingGrant, 'Housing grant', parseId(id, 'Housing grant'), ctx.scope.through<HousingGrant>('unit'), { lockMode: 'pessimistic_write' });
  },

  async assertStepDate(ctx: SignedInContext, grant: HousingGrant, date: string, field = 'occurredOn'): Promise<void> {
    assertPastDate(date, field);
    const last = (await lastEventOn(ctx.em, P, grant.id)) ?? grant.appliedOn;
    if (date < last) throw badInput(`${field} ${formatDateVi(date)} comes before the grant's previous step (${formatDateVi(last)})`, field);
  },

  fundLines(ctx: SignedInContext, grant: HousingGrant): Promise<FundingLine[]> {
    return ctx.em.find(FundingLine, { projectType: P, projectId: grant.id, source: FundingSource.FUND });
  },
};

const sum = (m: Map<number, number>) => [...m.values()].reduce((s, x) => s + x, 0);

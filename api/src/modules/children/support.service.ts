import { raw, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { assertPastDate, formatDateVi, todayVn } from '../../common/dates';
import { AppError, badInput, conflict, ErrorCode } from '../../common/errors';
import { assertAmount } from '../../common/money';
import { pageOptions, parseId } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { findInScope } from '../../common/scope';
import { StateMachine } from '../../common/state-machine';
import { likeEscape, viFold } from '../../common/text';
import { ProjectType } from '../disbursements/disbursement.entity';
import { FundKind } from '../funds/fund.entity';
import { rateOn, RateCode, vnd } from '../policy/policy-rate.service';
import { FundingSource } from '../projects/project.entities';
import { buildFundingLines, COMMITTED, heldByFund, lastEventOn, OPEN, recordEvent, sumLines } from '../projects/project.service';
import { AdministrativeUnit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { Child } from './child.entity';
import { childProtectionFund, childService, mayReadChildren } from './child.service';
import type {
  ApproveSurgeryCaseArgs,
  CreateScholarshipArgs,
  CreateSurgeryCaseArgs,
  ScholarshipFilter,
  ScholarshipListArgs,
  SurgeryCaseFilter,
  SurgeryCaseListArgs,
  SurgeryStepArgs,
} from './children.inputs';
import { Scholarship, SurgeryCase, SurgeryStatus as S } from './support.entity';

function searchChildren(ctx: SignedInContext, q: string | undefined): FilterQuery<Child> | null {
  const folded = q ? viFold(q) : '';
  if (!folded) return null;
  if (!mayReadChildren(ctx)) throw new AppError(ErrorCode.FORBIDDEN, `Your role (${ctx.user.role}) may not search children by name`);
  return { searchText: { $like: `%${likeEscape(folded)}%` } };
}

export function scholarshipWhere(ctx: SignedInContext, filter: ScholarshipFilter = {}): FilterQuery<Scholarship> {
  const conditions: FilterQuery<Scholarship>[] = [ctx.scope.through<Scholarship>('child.unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Scholarship')) } });
  if (filter.childId) conditions.push({ child: parseId(filter.childId, 'Child') });
  if (filter.schoolYear) conditions.push({ schoolYear: filter.schoolYear });
  if (filter.unitId) conditions.push({ child: { unit: { path: { $like: `%/${parseId(filter.unitId, 'Unit')}/%` } } } });
  const search = searchChildren(ctx, filter.q);
  if (search) conditions.push({ $or: [{ child: search }, { [raw((alias) => `vi_fold(${alias}.school)`)]: { $like: `%${likeEscape(viFold(filter.q!))}%` } }] });
  return { $and: conditions };
}

export function surgeryWhere(ctx: SignedInContext, filter: SurgeryCaseFilter = {}): FilterQuery<SurgeryCase> {
  const conditions: FilterQuery<SurgeryCase>[] = [ctx.scope.through<SurgeryCase>('child.unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Surgery case')) } });
  if (filter.childId) conditions.push({ child: parseId(filter.childId, 'Child') });
  if (filter.status?.length) conditions.push({ status: { $in: filter.status } });
  if (filter.condition) conditions.push({ condition: filter.condition });
  if (filter.unitId) conditions.push({ child: { unit: { path: { $like: `%/${parseId(filter.unitId, 'Unit')}/%` } } } });
  if (filter.year) conditions.push({ [raw((alias) => `extract(year from ${alias}.referred_on)`)]: filter.year });
  const search = searchChildren(ctx, filter.q);
  if (search) conditions.push({ child: search });
  return { $and: conditions };
}

export type SurgeryAction = 'approve' | 'operate' | 'followUp' | 'close' | 'cancel';

/** REFERRED → APPROVED → OPERATED → FOLLOW_UP → CLOSED, or CANCELLED before the operation. */
export const surgeryMachine = new StateMachine<S, SurgeryAction>('A surgery case', {
  approve: { from: [S.REFERRED], to: S.APPROVED, permission: Permission.ChildSupportWrite },
  operate: { from: [S.APPROVED], to: S.OPERATED, permission: Permission.ChildSupportWrite },
  followUp: { from: [S.OPERATED], to: S.FOLLOW_UP, permission: Permission.ChildSupportWrite },
  close: { from: [S.OPERATED, S.FOLLOW_UP], to: S.CLOSED, permission: Permission.ChildSupportWrite },
  cancel: { from: [S.REFERRED, S.APPROVED], to: S.CANCELLED, permission: Permission.ChildSupportWrite },
});

const P = ProjectType.SURGERY_CASE;

export const scholarshipService = {
  list(ctx: SignedInContext, args: ScholarshipListArgs): Promise<Scholarship[]> {
    const { limit, offset, orderBy } = pageOptions(args, { id: 'id', schoolYear: 'schoolYear', school: 'school', amountPerTerm: 'amountPerTerm', childId: 'child', createdAt: 'createdAt' }, 'createdAt', args.filter?.ids?.length);
    return ctx.em.find(Scholarship, scholarshipWhere(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: ScholarshipFilter): Promise<number> {
    return ctx.em.count(Scholarship, scholarshipWhere(ctx, filter));
  },

  get(ctx: SignedInContext, id: string | number): Promise<Scholarship> {
    return findInScope(ctx.em, Scholarship, 'Scholarship', parseId(id, 'Scholarship'), ctx.scope.through<Scholarship>('child.unit'));
  },

  /** Awards a scholarship for a school year; the term amount follows the fund's rate; one per child and year. */
  async create(ctx: SignedInContext, args: CreateScholarshipArgs): Promise<Scholarship> {
    assertAmount(args.amountPerTerm, 'amountPerTerm', ctx.config.limits.maxAmount);
    const [from, to] = args.schoolYear.split('-').map(Number) as [number, number];
    if (to !== from + 1) throw badInput('schoolYear is two consecutive years, e.g. 2025-2026', 'schoolYear');
    const child = await childService.get(ctx, args.childId);
    const fund = await childProtectionFund(ctx, args.fundId);
    const rate = await rateOn(ctx.em, RateCode.SCHOLARSHIP_PER_TERM, `${from}-09-05` > todayVn() ? todayVn() : `${from}-09-05`);
    if (args.amountPerTerm > rate.amount!) {
      throw new AppError(ErrorCode.POLICY_LIMIT, `A scholarship of ${vnd(args.amountPerTerm)} a term is above the fund's rate of ${vnd(rate.amount!)}. ${rate.legalBasis}`, {
        rule: rate.code,
        basis: rate.legalBasis,
        limit: rate.amount,
        field: 'amountPerTerm',
      });
    }
    const existing = await ctx.em.findOne(Scholarship, { child, schoolYear: args.schoolYear });
    if (existing) throw conflict(`This child already has a scholarship for ${args.schoolYear} (scholarship ${existing.id})`, { existingId: String(existing.id), field: 'schoolYear' });
    const scholarship = ctx.em.create(Scholarship, {
      child,
      fund,
      schoolYear: args.schoolYear,
      school: args.school.trim(),
      grade: args.grade?.trim() || undefined,
      amountPerTerm: args.amountPerTerm,
      terms: args.terms,
      decisionNumber: args.decisionNumber?.trim() || undefined,
      createdBy: ctx.em.getReference(User, ctx.user.id),
    });
    try {
      await ctx.em.flush();
    } catch (error) {
      // Awarded by someone else at the same moment: the unique index decides (the mutation rolls back).
      if (error instanceof UniqueConstraintViolationException) throw conflict(`This child already has a scholarship for ${args.schoolYear}`, { field: 'schoolYear' });
      throw error;
    }
    return scholarship;
  },
};

export const surgeryService = {
  list(ctx: SignedInContext, args: SurgeryCaseListArgs): Promise<SurgeryCase[]> {
    const { limit, offset, orderBy } = pageOptions(
      args,
      { id: 'id', status: 'status', condition: 'condition', totalCost: 'totalCost', fundSupport: 'fundSupport', referredOn: 'referredOn', operatedOn: 'operatedOn', childId: 'child' },
      'referredOn',
      args.filter?.ids?.length,
    );
    return ctx.em.find(SurgeryCase, surgeryWhere(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: SurgeryCaseFilter): Promise<number> {
    return ctx.em.count(SurgeryCase, surgeryWhere(ctx, filter));
  },

  get(ctx: SignedInContext, id: string | number): Promise<SurgeryCase> {
    return findInScope(ctx.em, SurgeryCase, 'Surgery case', parseId(id, 'Surgery case'), ctx.scope.through<SurgeryCase>('child.unit'));
  },

  async create(ctx: SignedInContext, args: CreateSurgeryCaseArgs): Promise<SurgeryCase> {
    assertAmount(args.totalCost, 'totalCost', ctx.config.limits.maxAmount);
    assertPastDate(args.referredOn, 'referredOn');
    const child = await childService.get(ctx, args.childId);
    const fund = await childProtectionFund(ctx, args.fundId);
    const surgery = ctx.em.create(SurgeryCase, {
      child,
      fund,
      condition: args.condition,
      hospital: args.hospital.trim(),
      totalCost: args.totalCost,
      referredOn: args.referredOn,
      note: args.note?.trim() || undefined,
      createdBy: ctx.em.getReference(User, ctx.user.id),
    });
    await ctx.em.flush();
    recordEvent(ctx, P, surgery.id, { action: 'refer', to: S.REFERRED, occurredOn: args.referredOn, note: args.note });
    await ctx.em.flush();
    return surgery;
  },

  /**
   * Approves the support: the funding lines (the fund's FUND line, other sponsors, the family) add
   * up to the total cost; the fund's part stays within the fund's surgery rate (POLICY_LIMIT).
   */
  async approve(ctx: SignedInContext, args: ApproveSurgeryCaseArgs): Promise<SurgeryCase> {
    const surgery = await this.locked(ctx, args.id);
    const to = surgeryMachine.assert('approve', surgery.status, ctx.user.role);
    await this.assertStepDate(ctx, surgery, args.occurredOn);
    const child = await ctx.em.findOneOrFail(Child, surgery.child.id);
    const unit = await ctx.em.findOneOrFail(AdministrativeUnit, child.unit.id);
    const lines = await buildFundingLines(ctx, P, surgery.id, unit, args.fundingLines, FundKind.CHILD_PROTECTION);
    const fundLines = lines.filter((l) => l.source === FundingSource.FUND);
    if (fundLines.some((l) => l.fund?.id !== surgery.fund.id)) throw badInput("The fund's support comes from the case's fund", 'fundingLines');
    const total = sumLines(lines);
    if (total !== surgery.totalCost) throw badInput(`The funding lines add up to ${vnd(total)}, not the total cost of ${vnd(surgery.totalCost)}`, 'fundingLines');
    const support = sumLines(fundLines);
    const rate = await rateOn(ctx.em, RateCode.SURGERY_SUPPORT, args.occurredOn);
    if (support > rate.amount!) {
      throw new AppError(ErrorCode.POLICY_LIMIT, `The fund's support of ${vnd(support)} is above its rate of ${vnd(rate.amount!)} a case on ${formatDateVi(args.occurredOn)}. ${rate.legalBasis}`, {
        rule: rate.code,
        basis: rate.legalBasis,
        limit: rate.amount,
        field: 'fundingLines',
      });
    }
    surgery.fundSupport = support;
    recordEvent(ctx, P, surgery.id, { action: 'approve', from: surgery.status, to, occurredOn: args.occurredOn, document: args.document, note: args.note });
    surgery.status = to;
    await ctx.em.flush();
    return surgery;
  },

  async step(ctx: SignedInContext, action: Exclude<SurgeryAction, 'approve'>, args: SurgeryStepArgs): Promise<SurgeryCase> {
    const surgery = await this.locked(ctx, args.id);
    const to = surgeryMachine.assert(action, surgery.status, ctx.user.role);
    await this.assertStepDate(ctx, surgery, args.occurredOn);
    if (action === 'operate') surgery.operatedOn = args.occurredOn;
    if (action === 'cancel') {
      if ((args.note?.trim().length ?? 0) < 5) throw badInput('Give the reason to cancel in 5 to 500 characters (note)', 'note');
      const committed = [...(await heldByFund(ctx.em, P, surgery.id, COMMITTED)).values()].reduce((s, x) => s + x, 0);
      if (committed > 0) throw new AppError(ErrorCode.INVALID_TRANSITION, `Case ${surgery.id} has ${vnd(committed)} in disbursements: cancel those first`, { status: surgery.status, action, rule: 'PAYMENTS_COMMITTED' });
    }
    if (action === 'close') {
      const open = [...(await heldByFund(ctx.em, P, surgery.id, OPEN)).values()].reduce((s, x) => s + x, 0);
      if (open > 0) throw new AppError(ErrorCode.INVALID_TRANSITION, `Case ${surgery.id} has ${vnd(open)} in disbursements not yet paid: pay or cancel them first`, { status: surgery.status, action, rule: 'PAYMENTS_OPEN' });
    }
    recordEvent(ctx, P, surgery.id, { action, from: surgery.status, to, occurredOn: args.occurredOn, document: args.document, note: args.note });
    surgery.status = to;
    await ctx.em.flush();
    return surgery;
  },

  locked(ctx: SignedInContext, id: string): Promise<SurgeryCase> {
    return findInScope(ctx.em, SurgeryCase, 'Surgery case', parseId(id, 'Surgery case'), ctx.scope.through<SurgeryCase>('child.unit'), { lockMode: 'pessimistic_write' });
  },

  async assertStepDate(ctx: SignedInContext, surgery: SurgeryCase, date: string): Promise<void> {
    assertPastDate(date, 'occurredOn');
    const last = (await lastEventOn(ctx.em, P, surgery.id)) ?? surgery.referredOn;
    if (date < last) throw badInput(`occurredOn ${formatDateVi(date)} comes before the case's previous step (${formatDateVi(last)})`, 'occurredOn');
  },
};

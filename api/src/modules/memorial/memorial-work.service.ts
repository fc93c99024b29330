import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { assertDate, assertPastDate, formatDateVi, todayVn } from '../../common/dates';
import { AppError, badInput, ErrorCode } from '../../common/errors';
import { assertAmount } from '../../common/money';
import { pageOptions, parseId } from '../../common/pagination';
import { findInScope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { ProjectType } from '../disbursements/disbursement.entity';
import { vnd } from '../policy/policy-rate.service';
import { FundingSource } from '../projects/project.entities';
import type { ProjectStepArgs } from '../projects/project.inputs';
import { buildFundingLines, heldByFund, OPEN, recordEvent, sumLines } from '../projects/project.service';
import { AdministrativeUnit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { assertMemorialPolicy } from './memorial-work.caps';
import { MemorialProgress, MemorialWork, MemorialWorkKind, MemorialWorkStatus as S } from './memorial-work.entity';
import type { CreateMemorialWorkArgs, MemorialWorkFilter, MemorialWorkListArgs, ReportMemorialProgressArgs } from './memorial-work.inputs';
import { memorialWorkMachine, type MemorialWorkAction } from './memorial-work.state';

const sortable = {
  id: 'id', name: 'name', kind: 'kind', scope: 'scope', status: 'status', approvedCost: 'approvedCost', supportAmount: 'supportAmount',
  progress: 'progress', approvedOn: 'approvedOn', startOn: 'startOn', plannedEndOn: 'plannedEndOn', unitId: 'unit', createdAt: 'createdAt',
};

/** The support the caps limit: the central budget and the funds. */
const SUPPORT_SOURCES = new Set([FundingSource.CENTRAL_BUDGET, FundingSource.FUND]);
const P = ProjectType.MEMORIAL_WORK;

export function memorialWorkWhere(ctx: SignedInContext, filter: MemorialWorkFilter = {}): FilterQuery<MemorialWork> {
  const conditions: FilterQuery<MemorialWork>[] = [ctx.scope.through<MemorialWork>('unit')];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Memorial work')) } });
  if (filter.unitId) conditions.push({ unit: { path: { $like: `%/${parseId(filter.unitId, 'Unit')}/%` } } });
  if (filter.status?.length) conditions.push({ status: { $in: filter.status } });
  if (filter.kind) conditions.push({ kind: filter.kind });
  if (filter.scope) conditions.push({ scope: filter.scope });
  if (filter.level) conditions.push({ unit: { level: filter.level } });
  if (filter.year) conditions.push({ [raw((alias) => `extract(year from coalesce(${alias}.approved_on, ${alias}.created_at::date))`)]: filter.year });
  const q = filter.q ? viFold(filter.q) : '';
  if (q) {
    const like = `%${likeEscape(q)}%`;
    conditions.push({ $or: [{ [raw((alias) => `vi_fold(${alias}.name || ' ' || coalesce(${alias}.location, '') || ' ' || coalesce(${alias}.contractor, ''))`)]: { $like: like } }] });
  }
  return { $and: conditions };
}

async function lastStepOn(ctx: SignedInContext, work: MemorialWork): Promise<string> {
  const [row] = await ctx.em.execute<{ last: string | null }[]>(
    `select greatest((select max(occurred_on) from project_event where project_type = 'MEMORIAL_WORK' and project_id = ?),
                     (select max(reported_on) from memorial_progress where work_id = ?))::text as last`,
    [work.id, work.id],
  );
  return row?.last ?? work.createdAt.toISOString().slice(0, 10);
}

export const memorialWorkService = {
  list(ctx: SignedInContext, args: MemorialWorkListArgs): Promise<MemorialWork[]> {
    const { limit, offset, orderBy } = pageOptions(args, sortable, 'createdAt', args.filter?.ids?.length);
    return ctx.em.find(MemorialWork, memorialWorkWhere(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: MemorialWorkFilter): Promise<number> {
    return ctx.em.count(MemorialWork, memorialWorkWhere(ctx, filter));
  },

  get(ctx: SignedInContext, id: string | number): Promise<MemorialWork> {
    return findInScope(ctx.em, MemorialWork, 'Memorial work', parseId(id, 'Memorial work'), ctx.scope.through<MemorialWork>('unit'));
  },

  /** Plans a work (PLANNED) with its financing; support above the caps in force today is refused (POLICY_LIMIT). */
  async create(ctx: SignedInContext, args: CreateMemorialWorkArgs): Promise<MemorialWork> {
    assertAmount(args.approvedCost, 'approvedCost', ctx.config.limits.maxAmount);
    const unit = await ctx.em.findOne(AdministrativeUnit, { $and: [{ id: parseId(args.unitId, 'Unit') }, ctx.scope.units()] });
    if (!unit) throw badInput(`Administrative unit ${args.unitId} does not exist or is outside your scope`, 'unitId');
    if (args.kind === MemorialWorkKind.GRAVE && !args.graveCount) throw badInput('A grave work gives graveCount: how many graves', 'graveCount');
    if (args.kind !== MemorialWorkKind.GRAVE && args.graveCount) throw badInput('graveCount is only for a GRAVE work', 'graveCount');
    if (args.startOn) assertDate(args.startOn, 'startOn');
    if (args.plannedEndOn) assertDate(args.plannedEndOn, 'plannedEndOn');
    if (args.startOn && args.plannedEndOn && args.plannedEndOn < args.startOn) throw badInput('plannedEndOn comes before startOn', 'plannedEndOn');
    const work = ctx.em.create(MemorialWork, {
      name: args.name.trim(),
      kind: args.kind,
      scope: args.scope,
      unit,
      location: args.location?.trim() || undefined,
      graveCount: args.graveCount,
      approvedCost: args.approvedCost,
      supportAmount: 0,
      projectDocumentNumber: args.projectDocumentNumber?.trim() || undefined,
      contractor: args.contractor?.trim() || undefined,
      startOn: args.startOn,
      plannedEndOn: args.plannedEndOn,
      createdBy: ctx.em.getReference(User, ctx.user.id),
    });
    // The lines need the work's id: insert it first (a refusal below rolls the whole mutation back).
    await ctx.em.flush();
    const lines = await buildFundingLines(ctx, P, work.id, unit, args.fundingLines);
    const total = sumLines(lines);
    if (total !== args.approvedCost) throw badInput(`The funding lines add up to ${vnd(total)}, not the approved cost of ${vnd(args.approvedCost)}`, 'fundingLines');
    work.supportAmount = sumLines(lines.filter((l) => SUPPORT_SOURCES.has(l.source)));
    await assertMemorialPolicy(ctx.em, { ...work, level: unit.level, support: work.supportAmount }, todayVn());
    recordEvent(ctx, P, work.id, { action: 'plan', to: S.PLANNED, occurredOn: todayVn() });
    await ctx.em.flush();
    return work;
  },

  async step(ctx: SignedInContext, action: MemorialWorkAction, args: ProjectStepArgs): Promise<MemorialWork> {
    const work = await this.locked(ctx, args.id);
    const to = memorialWorkMachine.assert(action, work.status, ctx.user.role);
    assertPastDate(args.occurredOn, 'occurredOn');
    const last = await lastStepOn(ctx, work);
    if (args.occurredOn < last) throw badInput(`occurredOn ${formatDateVi(args.occurredOn)} comes before the work's previous step (${formatDateVi(last)})`, 'occurredOn');
    if (action === 'approve') {
      if (!args.document?.trim()) throw badInput('Give the approval decision number as document', 'document');
      const unit = await ctx.em.findOneOrFail(AdministrativeUnit, work.unit.id);
      await assertMemorialPolicy(ctx.em, { ...work, level: unit.level, support: work.supportAmount }, args.occurredOn);
      work.approvedOn = args.occurredOn;
      work.decisionNumber = args.document.trim();
    } else if (action === 'start') {
      work.startOn = args.occurredOn;
    } else if (action === 'complete') {
      if (work.progress < 100) {
        ctx.em.create(MemorialProgress, { work, reportedOn: args.occurredOn, percent: 100, note: args.note?.trim() || 'Hoàn thành', createdBy: ctx.em.getReference(User, ctx.user.id) });
        work.progress = 100;
      }
      work.completedOn = args.occurredOn;
    } else {
      const pending = [...(await heldByFund(ctx.em, P, work.id, OPEN)).values()].reduce((s, x) => s + x, 0);
      if (pending > 0) {
        throw new AppError(ErrorCode.INVALID_TRANSITION, `Work ${work.id} has ${vnd(pending)} in disbursements not yet paid: pay or cancel them before settling`, {
          status: work.status,
          action,
          rule: 'PAYMENTS_OPEN',
        });
      }
      work.settledOn = args.occurredOn;
    }
    recordEvent(ctx, P, work.id, { action, from: work.status, to, occurredOn: args.occurredOn, document: args.document, note: args.note });
    work.status = to;
    await ctx.em.flush();
    return work;
  },

  /** A dated progress report while the work is under way; progress never goes back. */
  async reportProgress(ctx: SignedInContext, args: ReportMemorialProgressArgs): Promise<MemorialWork> {
    const work = await this.locked(ctx, args.id);
    if (work.status !== S.IN_PROGRESS) {
      throw new AppError(ErrorCode.INVALID_TRANSITION, `Work ${work.id} is ${work.status}: progress is reported while it is IN_PROGRESS`, { status: work.status, action: 'reportProgress' });
    }
    assertPastDate(args.reportedOn, 'reportedOn');
    const last = await lastStepOn(ctx, work);
    if (args.reportedOn < last) throw badInput(`reportedOn ${formatDateVi(args.reportedOn)} comes before the previous report or step (${formatDateVi(last)})`, 'reportedOn');
    if (args.percent < work.progress) throw badInput(`Progress was ${work.progress}%: a report does not go back (${args.percent}%)`, 'percent');
    ctx.em.create(MemorialProgress, { work, reportedOn: args.reportedOn, percent: args.percent, note: args.note?.trim() || undefined, createdBy: ctx.em.getReference(User, ctx.user.id) });
    work.progress = args.percent;
    await ctx.em.flush();
    return work;
  },

  locked(ctx: SignedInContext, id: string): Promise<MemorialWork> {
    return findInScope(ctx.em, MemorialWork, 'Memorial work', parseId(id, 'Memorial work'), ctx.scope.through<MemorialWork>('unit'), { lockMode: 'pessimistic_write' });
  },
};

import type { EntityManager } from '@mikro-orm/postgresql';
import { loader, type RequestContext, type SignedInContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { assertAmount } from '../../common/money';
import { ProjectType } from '../disbursements/disbursement.entity';
import { FundKind } from '../funds/fund.entity';
import { fundService } from '../funds/fund.service';
import { AdministrativeUnit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { FundingLine, FundingSource, ProjectEvent } from './project.entities';
import type { FundingLineInput } from './project.inputs';

/** Disbursement statuses that hold part of a funding line: everything not rejected or cancelled. */
export const COMMITTED = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PAID'] as const;
export const OPEN = ['DRAFT', 'SUBMITTED', 'APPROVED'] as const;

export interface ProjectMoney {
  /** Paid by disbursements linked to the project. */
  paid: number;
  /** Drafted, submitted or approved, not yet paid. */
  pending: number;
}

/**
 * Checks funding lines for a project of `unit` and builds them (not yet flushed): whole đồng, a
 * FUND line names a fund of `fundKind` (Gratitude by default) in scope, held by the unit or a unit
 * above it, each fund once, no line twice.
 */
export async function buildFundingLines(
  ctx: SignedInContext,
  type: ProjectType,
  projectId: number,
  unit: AdministrativeUnit,
  input: FundingLineInput[],
  fundKind: FundKind = FundKind.GRATITUDE,
): Promise<FundingLine[]> {
  if (input.length === 0) throw badInput('Give at least one funding line', 'fundingLines');
  if (input.length > 20) throw badInput('At most 20 funding lines', 'fundingLines');
  const seen = new Set<number>();
  const sources = new Map<string, number>();
  const lines: FundingLine[] = [];
  for (const [i, line] of input.entries()) {
    const field = `fundingLines.${i}`;
    assertAmount(line.amount, `${field}.amount`, ctx.config.limits.maxAmount);
    let fund;
    if (line.source === FundingSource.FUND) {
      if (!line.fundId) throw badInput(`Funding line ${i + 1} is from a fund: give fundId`, `${field}.fundId`);
      fund = await fundService.get(ctx, line.fundId);
      if (fund.kind !== fundKind) {
        throw badInput(
          fundKind === FundKind.GRATITUDE ? `${fund.name} is not a Gratitude Fund: housing and memorial works are paid from the Gratitude funds` : `${fund.name} is not a Child Protection Fund`,
          `${field}.fundId`,
        );
      }
      const fundUnit = await ctx.em.findOneOrFail(AdministrativeUnit, fund.unit.id);
      if (!unit.path.startsWith(fundUnit.path)) throw badInput(`${fund.name} is not held by ${unit.nameWithType} or a unit above it`, `${field}.fundId`);
      if (seen.has(fund.id)) throw badInput(`${fund.name} appears twice: give one line per fund`, `${field}.fundId`);
      seen.add(fund.id);
    } else if (line.fundId) {
      throw badInput(`Funding line ${i + 1} is ${line.source}: only a FUND line names a fund`, `${field}.fundId`);
    } else {
      // The same source with the same note twice is a line entered twice (two sponsors differ by their note).
      const key = `${line.source}|${line.note?.trim().toLowerCase() ?? ''}`;
      const twin = sources.get(key);
      if (twin !== undefined) throw badInput(`Funding lines ${twin + 1} and ${i + 1} are the same ${line.source} line twice: give one line per source, telling sponsors apart by the note`, field);
      sources.set(key, i);
    }
    lines.push(ctx.em.create(FundingLine, { projectType: type, projectId, source: line.source, fund, note: line.note?.trim() || undefined, amount: line.amount }));
  }
  return lines;
}

export const sumLines = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);

export function recordEvent(
  ctx: SignedInContext,
  type: ProjectType,
  projectId: number,
  step: { action: string; from?: string; to: string; occurredOn: string; document?: string; note?: string },
): ProjectEvent {
  return ctx.em.create(ProjectEvent, {
    projectType: type,
    projectId,
    action: step.action,
    fromStatus: step.from,
    toStatus: step.to,
    occurredOn: step.occurredOn,
    document: step.document?.trim() || undefined,
    note: step.note?.trim() || undefined,
    actor: ctx.em.getReference(User, ctx.user.id),
  });
}

/** The funding lines of projects, batched per request. */
export function fundingLines(ctx: RequestContext, type: ProjectType, id: number): Promise<FundingLine[]> {
  return loader<number, FundingLine[]>(ctx, `fundingLines:${type}`, async (ids) => {
    const rows = await ctx.em.find(FundingLine, { projectType: type, projectId: { $in: [...ids] } }, { orderBy: { id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.projectId === id));
  }).load(id);
}

/** The timeline of projects, batched per request. */
export function projectEvents(ctx: RequestContext, type: ProjectType, id: number): Promise<ProjectEvent[]> {
  return loader<number, ProjectEvent[]>(ctx, `projectEvents:${type}`, async (ids) => {
    const rows = await ctx.em.find(ProjectEvent, { projectType: type, projectId: { $in: [...ids] } }, { orderBy: { id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.projectId === id));
  }).load(id);
}

/** What disbursements linked to projects have paid and hold pending, batched per request. */
export function projectMoney(ctx: RequestContext, type: ProjectType, id: number): Promise<ProjectMoney> {
  return loader<number, ProjectMoney>(ctx, `projectMoney:${type}`, async (ids) => {
    const rows = await ctx.em.execute<{ project_id: string; paid: string; pending: string }[]>(
      `select project_id, coalesce(sum(amount) filter (where status = 'PAID'), 0) as paid,
              coalesce(sum(amount) filter (where status in ('DRAFT', 'SUBMITTED', 'APPROVED')), 0) as pending
         from disbursement where project_type = ? and project_id in (?) group by project_id`,
      [type, [...ids]],
    );
    const byId = new Map(rows.map((r) => [Number(r.project_id), { paid: Number(r.paid), pending: Number(r.pending) }]));
    return ids.map((id) => byId.get(id) ?? { paid: 0, pending: 0 });
  }).load(id);
}

/** Per fund: what disbursements of a project hold (statuses given), excluding one disbursement. */
export async function heldByFund(em: EntityManager, type: ProjectType, projectId: number, statuses: readonly string[], excludeId = 0): Promise<Map<number, number>> {
  const rows = await em.execute<{ fund_id: number; held: string }[]>(
    'select fund_id, sum(amount) as held from disbursement where project_type = ? and project_id = ? and status in (?) and id <> ? group by fund_id',
    [type, projectId, [...statuses], excludeId],
  );
  return new Map(rows.map((r) => [Number(r.fund_id), Number(r.held)]));
}

/** The date of a project's latest step (none yet: null); the next step may not come before it. */
export async function lastEventOn(em: EntityManager, type: ProjectType, projectId: number): Promise<string | null> {
  const [row] = await em.execute<{ last: string | null }[]>('select max(occurred_on)::text as last from project_event where project_type = ? and project_id = ?', [type, projectId]);
  return row?.last ?? null;
}

/** Paid per fund for projects, batched per request: key `${projectId}`, value fund id → paid. */
export function paidByFund(ctx: RequestContext, type: ProjectType, projectId: number): Promise<Map<number, number>> {
  return loader<number, Map<number, number>>(ctx, `paidByFund:${type}`, async (ids) => {
    const rows = await ctx.em.execute<{ project_id: string; fund_id: number; paid: string }[]>(
      "select project_id, fund_id, sum(amount) as paid from disbursement where project_type = ? and project_id in (?) and status = 'PAID' group by project_id, fund_id",
      [type, [...ids]],
    );
    return ids.map((id) => new Map(rows.filter((r) => Number(r.project_id) === id).map((r) => [Number(r.fund_id), Number(r.paid)])));
  }).load(projectId);
}

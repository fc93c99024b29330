import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { loader, signedIn, type RequestContext } from '../../common/context';
import { todayVn } from '../../common/dates';
import { badInput } from '../../common/errors';
import { Money } from '../../common/money';
import { ListMetadata, parseId } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { ProjectType } from '../disbursements/disbursement.entity';
import { FundingLine, FundingSource, ProjectEvent } from '../projects/project.entities';
import { ProjectStepArgs } from '../projects/project.inputs';
import { fundingLines, projectEvents, projectMoney } from '../projects/project.service';
import { AdministrativeUnit, UnitLevel } from '../units/unit.entity';
import { MemorialCap, memorialCaps } from './memorial-work.caps';
import { MemorialProgress, MemorialWork, MemorialWorkKind, MemorialWorkScope } from './memorial-work.entity';
import { CreateMemorialWorkArgs, MemorialWorkFilterArgs, MemorialWorkListArgs, ReportMemorialProgressArgs } from './memorial-work.inputs';
import { memorialWorkService } from './memorial-work.service';
import { memorialWorkMachine } from './memorial-work.state';

@ObjectType({ description: 'The steps the current user may take on a memorial work' })
class MemorialWorkPermissions {
  @Field(() => Boolean) approve!: boolean;
  @Field(() => Boolean) start!: boolean;
  @Field(() => Boolean) reportProgress!: boolean;
  @Field(() => Boolean) complete!: boolean;
  @Field(() => Boolean) settle!: boolean;
}

const P = ProjectType.MEMORIAL_WORK;

function unitLevel(ctx: RequestContext, id: number): Promise<UnitLevel> {
  return loader<number, UnitLevel>(ctx, 'unitLevels', async (ids) => {
    const rows = await ctx.em.execute<{ id: number; level: UnitLevel }[]>('select id, level from administrative_unit where id in (?)', [[...ids]]);
    const byId = new Map(rows.map((r) => [r.id, r.level]));
    return ids.map((id) => byId.get(id)!);
  }).load(id);
}

@Resolver(() => MemorialWork)
export class MemorialWorkResolver {
  @Authorized(Permission.MemorialRead)
  @Query(() => [MemorialWork], { description: 'Memorial works in your scope' })
  allMemorialWorks(@Ctx() ctx: RequestContext, @Args(() => MemorialWorkListArgs) args: MemorialWorkListArgs) {
    return memorialWorkService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.MemorialRead)
  @Query(() => ListMetadata)
  async _allMemorialWorksMeta(@Ctx() ctx: RequestContext, @Args(() => MemorialWorkFilterArgs) args: MemorialWorkFilterArgs): Promise<ListMetadata> {
    return { count: await memorialWorkService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.MemorialRead)
  @Query(() => MemorialWork)
  MemorialWork(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return memorialWorkService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.MemorialRead)
  @Query(() => [MemorialCap], { description: 'The caps a planned work would be held to on a date (today if not given): the support may reach the lowest' })
  async memorialWorkCaps(
    @Ctx() ctx: RequestContext,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('kind', () => MemorialWorkKind) kind: MemorialWorkKind,
    @Arg('scope', () => MemorialWorkScope) scope: MemorialWorkScope,
    @Arg('approvedCost', () => Money) approvedCost: number,
    @Arg('graveCount', () => Int, { nullable: true }) graveCount?: number,
    @Arg('date', () => GraphQLLocalDate, { nullable: true }) date?: string,
  ): Promise<MemorialCap[]> {
    const signed = signedIn(ctx);
    const unit = await signed.em.findOne(AdministrativeUnit, { $and: [{ id: parseId(unitId, 'Unit') }, signed.scope.units()] });
    if (!unit) throw badInput(`Administrative unit ${unitId} does not exist or is outside your scope`, 'unitId');
    if (!Number.isSafeInteger(approvedCost) || approvedCost <= 0) throw badInput('approvedCost must be a whole number of đồng greater than 0', 'approvedCost');
    return memorialCaps(signed.em, { kind, scope, level: unit.level, approvedCost, graveCount: graveCount ?? undefined }, date ?? todayVn());
  }

  @Authorized(Permission.MemorialWrite)
  @Mutation(() => MemorialWork, { description: 'Plans a work with its financing; support above the caps is POLICY_LIMIT naming the rule' })
  createMemorialWork(@Ctx() ctx: RequestContext, @Args(() => CreateMemorialWorkArgs) args: CreateMemorialWorkArgs) {
    return memorialWorkService.create(signedIn(ctx), args);
  }

  @Authorized(Permission.MemorialWrite)
  @Mutation(() => MemorialWork, { description: 'PLANNED → APPROVED (document = the decision); the caps in force on that date apply' })
  approveMemorialWork(@Ctx() ctx: RequestContext, @Args(() => ProjectStepArgs) args: ProjectStepArgs) {
    return memorialWorkService.step(signedIn(ctx), 'approve', args);
  }

  @Authorized(Permission.MemorialWrite)
  @Mutation(() => MemorialWork, { description: 'APPROVED → IN_PROGRESS' })
  startMemorialWork(@Ctx() ctx: RequestContext, @Args(() => ProjectStepArgs) args: ProjectStepArgs) {
    return memorialWorkService.step(signedIn(ctx), 'start', args);
  }

  @Authorized(Permission.MemorialWrite)
  @Mutation(() => MemorialWork, { description: 'A dated progress report (percent, note) while IN_PROGRESS' })
  reportMemorialProgress(@Ctx() ctx: RequestContext, @Args(() => ReportMemorialProgressArgs) args: ReportMemorialProgressArgs) {
    return memorialWorkService.reportProgress(signedIn(ctx), args);
  }

  @Authorized(Permission.MemorialWrite)
  @Mutation(() => MemorialWork, { description: 'IN_PROGRESS → COMPLETED (progress 100%)' })
  completeMemorialWork(@Ctx() ctx: RequestContext, @Args(() => ProjectStepArgs) args: ProjectStepArgs) {
    return memorialWorkService.step(signedIn(ctx), 'complete', args);
  }

  @Authorized(Permission.MemorialWrite)
  @Mutation(() => MemorialWork, { description: 'COMPLETED → SETTLED (quyết toán), once no payment is open' })
  settleMemorialWork(@Ctx() ctx: RequestContext, @Args(() => ProjectStepArgs) args: ProjectStepArgs) {
    return memorialWorkService.step(signedIn(ctx), 'settle', args);
  }

  @FieldResolver(() => UnitLevel, { description: 'The level of the owning unit: it sets the cap' })
  level(@Root() work: MemorialWork, @Ctx() ctx: RequestContext) {
    return unitLevel(ctx, work.unit.id);
  }

  @FieldResolver(() => [FundingLine])
  fundingLines(@Root() work: MemorialWork, @Ctx() ctx: RequestContext) {
    return fundingLines(ctx, P, work.id);
  }

  @FieldResolver(() => [ProjectEvent], { description: 'The timeline: every step with who and when' })
  events(@Root() work: MemorialWork, @Ctx() ctx: RequestContext) {
    return projectEvents(ctx, P, work.id);
  }

  @FieldResolver(() => [MemorialProgress], { description: 'Progress reports, oldest first' })
  progressReports(@Root() work: MemorialWork, @Ctx() ctx: RequestContext) {
    return loader<number, MemorialProgress[]>(ctx, 'memorialProgress', async (ids) => {
      const rows = await ctx.em.find(MemorialProgress, { work: { $in: [...ids] } }, { orderBy: { reportedOn: 'ASC', id: 'ASC' } });
      return ids.map((id) => rows.filter((r) => r.work.id === id));
    }).load(work.id);
  }

  @FieldResolver(() => Money, { description: 'What the FUND lines total' })
  async fundLinesTotal(@Root() work: MemorialWork, @Ctx() ctx: RequestContext) {
    return (await fundingLines(ctx, P, work.id)).filter((l) => l.source === FundingSource.FUND && !l.carriedFrom).reduce((s, l) => s + l.amount, 0);
  }

  @FieldResolver(() => Money, { description: 'Paid by disbursements linked to the work' })
  async paidAmount(@Root() work: MemorialWork, @Ctx() ctx: RequestContext) {
    return (await projectMoney(ctx, P, work.id)).paid;
  }

  @FieldResolver(() => Money, { description: 'In disbursements not yet paid' })
  async pendingAmount(@Root() work: MemorialWork, @Ctx() ctx: RequestContext) {
    return (await projectMoney(ctx, P, work.id)).pending;
  }

  @FieldResolver(() => MemorialWorkPermissions, { description: 'The steps you may take now' })
  permissions(@Root() work: MemorialWork, @Ctx() ctx: RequestContext): MemorialWorkPermissions {
    const role = signedIn(ctx).user.role;
    const allowed = memorialWorkMachine.allowed(work.status, role);
    return { ...allowed, reportProgress: work.status === 'IN_PROGRESS' && allowed.complete };
  }
}

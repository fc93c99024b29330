import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { loader, signedIn, type RequestContext } from '../../common/context';
import { Money } from '../../common/money';
import { ListMetadata } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { ProjectType } from '../disbursements/disbursement.entity';
import { PolicyRate } from '../policy/policy-rate.entity';
import { FundingLine, FundingSource, ProjectEvent } from '../projects/project.entities';
import { ProjectStepArgs } from '../projects/project.inputs';
import { fundingLines, projectEvents, projectMoney } from '../projects/project.service';
import { HousingGrant, HousingGrantStatus } from './housing-grant.entity';
import { ApplyHousingGrantArgs, ApproveHousingGrantArgs, HousingGrantFilterArgs, HousingGrantListArgs, RejectHousingGrantArgs } from './housing-grant.inputs';
import { housingGrantService } from './housing-grant.service';
import { housingGrantMachine } from './housing-grant.state';

@ObjectType({ description: 'The steps the current user may take on a housing grant' })
class HousingGrantPermissions {
  @Field(() => Boolean) verify!: boolean;
  @Field(() => Boolean) approve!: boolean;
  @Field(() => Boolean) start!: boolean;
  @Field(() => Boolean) complete!: boolean;
  @Field(() => Boolean) close!: boolean;
  @Field(() => Boolean) reject!: boolean;
}

const P = ProjectType.HOUSING_GRANT;
/** The approved FUND lines; a line carried over to a successor fund in a reorganisation is not counted twice. */
const fundTotal = async (ctx: RequestContext, id: number) =>
  (await fundingLines(ctx, P, id)).filter((l) => l.source === FundingSource.FUND && !l.carriedFrom).reduce((s, l) => s + l.amount, 0);

@Resolver(() => HousingGrant)
export class HousingGrantResolver {
  @Authorized(Permission.HousingRead)
  @Query(() => [HousingGrant], { description: 'Housing grants in your scope' })
  allHousingGrants(@Ctx() ctx: RequestContext, @Args(() => HousingGrantListArgs) args: HousingGrantListArgs) {
    return housingGrantService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.HousingRead)
  @Query(() => ListMetadata)
  async _allHousingGrantsMeta(@Ctx() ctx: RequestContext, @Args(() => HousingGrantFilterArgs) args: HousingGrantFilterArgs): Promise<ListMetadata> {
    return { count: await housingGrantService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.HousingRead)
  @Query(() => HousingGrant)
  HousingGrant(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return housingGrantService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.HousingWrite)
  @Mutation(() => HousingGrant, { description: 'Records an application (APPLIED); one grant per household, type and program' })
  applyHousingGrant(@Ctx() ctx: RequestContext, @Args(() => ApplyHousingGrantArgs) args: ApplyHousingGrantArgs) {
    return housingGrantService.apply(signedIn(ctx), args);
  }

  @Authorized(Permission.HousingWrite)
  @Mutation(() => HousingGrant, { description: 'APPLIED → VERIFIED: the commune confirms the household and its house' })
  verifyHousingGrant(@Ctx() ctx: RequestContext, @Args(() => ProjectStepArgs) args: ProjectStepArgs) {
    return housingGrantService.step(signedIn(ctx), 'verify', args);
  }

  @Authorized(Permission.HousingWrite)
  @Mutation(() => HousingGrant, { description: 'VERIFIED → APPROVED: the decision, the support from the rate in force, the funding lines' })
  approveHousingGrant(@Ctx() ctx: RequestContext, @Args(() => ApproveHousingGrantArgs) args: ApproveHousingGrantArgs) {
    return housingGrantService.approve(signedIn(ctx), args);
  }

  @Authorized(Permission.HousingWrite)
  @Mutation(() => HousingGrant, { description: 'APPROVED → UNDER_CONSTRUCTION' })
  startHousingGrant(@Ctx() ctx: RequestContext, @Args(() => ProjectStepArgs) args: ProjectStepArgs) {
    return housingGrantService.step(signedIn(ctx), 'start', args);
  }

  @Authorized(Permission.HousingWrite)
  @Mutation(() => HousingGrant, { description: 'UNDER_CONSTRUCTION → COMPLETED: the handover minutes (document = their number); the remaining tranches may then be paid' })
  completeHousingGrant(@Ctx() ctx: RequestContext, @Args(() => ProjectStepArgs) args: ProjectStepArgs) {
    return housingGrantService.step(signedIn(ctx), 'complete', args);
  }

  @Authorized(Permission.HousingWrite)
  @Mutation(() => HousingGrant, { description: 'COMPLETED → CLOSED, once every fund line is paid' })
  closeHousingGrant(@Ctx() ctx: RequestContext, @Args(() => ProjectStepArgs) args: ProjectStepArgs) {
    return housingGrantService.step(signedIn(ctx), 'close', args);
  }

  @Authorized(Permission.HousingWrite)
  @Mutation(() => HousingGrant, { description: 'APPLIED, VERIFIED or APPROVED (nothing committed) → REJECTED, with the reason' })
  rejectHousingGrant(@Ctx() ctx: RequestContext, @Args(() => RejectHousingGrantArgs) args: RejectHousingGrantArgs) {
    return housingGrantService.reject(signedIn(ctx), args);
  }

  @FieldResolver(() => String, { description: 'The person with meritorious service' })
  householdName(@Root() grant: HousingGrant, @Ctx() ctx: RequestContext) {
    return loader<number, string>(ctx, 'householdNames', async (ids) => {
      const rows = await ctx.em.execute<{ id: number; person_name: string }[]>('select id, person_name from beneficiary_household where id in (?)', [[...ids]]);
      const byId = new Map(rows.map((r) => [r.id, r.person_name]));
      return ids.map((id) => byId.get(id) ?? '');
    }).load(grant.household.id);
  }

  @FieldResolver(() => PolicyRate, { nullable: true, description: 'The policy rate the support was taken from (in force on the approval date)' })
  policyRate(@Root() grant: HousingGrant, @Ctx() ctx: RequestContext) {
    return grant.rate ? ctx.em.findOne(PolicyRate, grant.rate.id) : null;
  }

  @FieldResolver(() => [FundingLine])
  fundingLines(@Root() grant: HousingGrant, @Ctx() ctx: RequestContext) {
    return fundingLines(ctx, P, grant.id);
  }

  @FieldResolver(() => [ProjectEvent], { description: 'The timeline: every step with who and when' })
  events(@Root() grant: HousingGrant, @Ctx() ctx: RequestContext) {
    return projectEvents(ctx, P, grant.id);
  }

  @FieldResolver(() => Money, { description: 'What the FUND lines total: the money this system pays for the grant' })
  fundLinesTotal(@Root() grant: HousingGrant, @Ctx() ctx: RequestContext) {
    return fundTotal(ctx, grant.id);
  }

  @FieldResolver(() => Money, { description: 'Tranches paid' })
  async paidAmount(@Root() grant: HousingGrant, @Ctx() ctx: RequestContext) {
    return (await projectMoney(ctx, P, grant.id)).paid;
  }

  @FieldResolver(() => Money, { description: 'Tranches drafted, submitted or approved, not yet paid' })
  async pendingAmount(@Root() grant: HousingGrant, @Ctx() ctx: RequestContext) {
    return (await projectMoney(ctx, P, grant.id)).pending;
  }

  @FieldResolver(() => Money, { description: 'What may still be committed now: up to the first-tranche limit before completion, the rest after' })
  async payableNow(@Root() grant: HousingGrant, @Ctx() ctx: RequestContext) {
    if (![HousingGrantStatus.APPROVED, HousingGrantStatus.UNDER_CONSTRUCTION, HousingGrantStatus.COMPLETED].includes(grant.status)) return 0;
    const { paid, pending } = await projectMoney(ctx, P, grant.id);
    const ceiling = grant.status === HousingGrantStatus.COMPLETED ? await fundTotal(ctx, grant.id) : grant.firstTrancheLimit!;
    return Math.max(0, ceiling - paid - pending);
  }

  @FieldResolver(() => Money, { description: 'Fund lines not yet paid' })
  async dueAmount(@Root() grant: HousingGrant, @Ctx() ctx: RequestContext) {
    return Math.max(0, (await fundTotal(ctx, grant.id)) - (await projectMoney(ctx, P, grant.id)).paid);
  }

  @FieldResolver(() => HousingGrantPermissions, { description: 'The steps you may take now' })
  permissions(@Root() grant: HousingGrant, @Ctx() ctx: RequestContext): HousingGrantPermissions {
    return housingGrantMachine.allowed(grant.status, signedIn(ctx).user.role);
  }
}

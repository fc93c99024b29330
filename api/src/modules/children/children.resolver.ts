import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { loader, signedIn, type RequestContext } from '../../common/context';
import { Money } from '../../common/money';
import { ListMetadata, parseId } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { ProjectType } from '../disbursements/disbursement.entity';
import { FundingLine, ProjectEvent } from '../projects/project.entities';
import { fundingLines, projectEvents, projectMoney } from '../projects/project.service';
import { Child, ChildCircumstance } from './child.entity';
import { childService, maskName, maskPhone, mayReadChildren } from './child.service';
import {
  AddGiftRecipientsArgs,
  ApproveSurgeryCaseArgs,
  ChildFilterArgs,
  ChildListArgs,
  CreateChildArgs,
  CreateGiftCampaignArgs,
  CreateScholarshipArgs,
  CreateSurgeryCaseArgs,
  GiftCampaignFilterArgs,
  GiftCampaignListArgs,
  GiftPreviewArgs,
  GiftRecipientFilter,
  HandOverGiftsArgs,
  ReturnGiftsArgs,
  ScholarshipFilterArgs,
  ScholarshipListArgs,
  SurgeryCaseFilterArgs,
  SurgeryCaseListArgs,
  SurgeryStepArgs,
  UpdateChildArgs,
} from './children.inputs';
import { GiftCampaign, GiftRecipient } from './gift.entity';
import { giftService } from './gift.service';
import { Scholarship, SurgeryCase } from './support.entity';
import { scholarshipService, surgeryMachine, surgeryService } from './support.service';

/** What a child's personal fields show: in full for the roles that work with children, masked otherwise. */
function personal(ctx: RequestContext, full: string, masked: string): string {
  return mayReadChildren(signedIn(ctx)) ? full : masked;
}

function childOf(ctx: RequestContext, id: number): Promise<Child> {
  return loader<number, Child>(ctx, 'children', async (ids) => {
    const rows = await ctx.em.find(Child, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)!);
  }).load(id);
}

@Resolver(() => Child)
export class ChildResolver {
  @Authorized(Permission.ChildRead)
  @Query(() => [Child], { description: 'Children in your scope (names masked unless your role works with them)' })
  allChildren(@Ctx() ctx: RequestContext, @Args(() => ChildListArgs) args: ChildListArgs) {
    return childService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.ChildRead)
  @Query(() => ListMetadata)
  async _allChildrenMeta(@Ctx() ctx: RequestContext, @Args(() => ChildFilterArgs) args: ChildFilterArgs): Promise<ListMetadata> {
    return { count: await childService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.ChildRead)
  @Query(() => Child, { description: 'One child; a full profile read is written to the audit trail' })
  async Child(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const signed = signedIn(ctx);
    const child = await childService.get(signed, id);
    if (mayReadChildren(signed)) await childService.recordFullRead(signed, child);
    return child;
  }

  @Authorized(Permission.ChildRead)
  @Query(() => [ChildCircumstance], { description: 'The groups of children in special circumstances' })
  allChildCircumstances(@Ctx() ctx: RequestContext) {
    return signedIn(ctx).em.find(ChildCircumstance, {}, { orderBy: { code: 'ASC' } });
  }

  @Authorized(Permission.ChildWrite)
  @Mutation(() => Child)
  createChild(@Ctx() ctx: RequestContext, @Args(() => CreateChildArgs) args: CreateChildArgs) {
    return childService.create(signedIn(ctx), args);
  }

  @Authorized(Permission.ChildWrite)
  @Mutation(() => Child)
  updateChild(@Ctx() ctx: RequestContext, @Args(() => UpdateChildArgs) args: UpdateChildArgs) {
    return childService.update(signedIn(ctx), args);
  }

  @FieldResolver(() => String, { description: 'Masked ("N. V. A.") unless your role works with children' })
  fullName(@Root() child: Child, @Ctx() ctx: RequestContext) {
    return personal(ctx, child.fullName, maskName(child.fullName));
  }

  @FieldResolver(() => String, { description: 'YYYY-MM-DD, or only the year unless your role works with children' })
  birthDate(@Root() child: Child, @Ctx() ctx: RequestContext) {
    return personal(ctx, child.birthDate, child.birthDate.slice(0, 4));
  }

  @FieldResolver(() => String)
  guardianName(@Root() child: Child, @Ctx() ctx: RequestContext) {
    return personal(ctx, child.guardianName, maskName(child.guardianName));
  }

  @FieldResolver(() => String, { nullable: true })
  guardianPhone(@Root() child: Child, @Ctx() ctx: RequestContext) {
    return child.guardianPhone ? personal(ctx, child.guardianPhone, maskPhone(child.guardianPhone)) : null;
  }

  @FieldResolver(() => String, { description: 'The address, only the commune unless your role works with children' })
  address(@Root() child: Child, @Ctx() ctx: RequestContext) {
    return personal(ctx, child.address, '***');
  }

  @FieldResolver(() => Boolean, { description: 'Whether the personal fields are shown masked to you' })
  masked(@Ctx() ctx: RequestContext) {
    return !mayReadChildren(signedIn(ctx));
  }
}

@ObjectType({ description: 'A gift campaign before it is created: children, total, and what the fund holds' })
class GiftPreview {
  @Field(() => Int) count!: number;
  @Field(() => Money) total!: number;
  @Field(() => Money, { description: 'Free money (or goods) and money earmarked for gifts' }) available!: number;
  @Field(() => Money, { description: 'Gift batches not yet paid' }) pending!: number;
  @Field(() => Boolean) enough!: boolean;
  @Field(() => [GiftPreviewUnit]) byUnit!: GiftPreviewUnit[];
}

@ObjectType()
class GiftPreviewUnit {
  @Field(() => ID) unitId!: number;
  @Field(() => String) unitName!: string;
  @Field(() => Int) count!: number;
  @Field(() => Money) total!: number;
}

@ObjectType({ description: 'A campaign’s figures per status of its lines' })
class GiftCampaignFigures {
  @Field(() => Int) recipients!: number;
  @Field(() => Money) total!: number;
  @Field(() => Int) pending!: number;
  @Field(() => Int) handedOver!: number;
  @Field(() => Int) returned!: number;
  @Field(() => Money) returnedAmount!: number;
}

@Resolver(() => GiftCampaign)
export class GiftCampaignResolver {
  @Authorized(Permission.ChildRead)
  @Query(() => [GiftCampaign], { description: 'Gift campaigns of the funds in your scope, newest first' })
  allGiftCampaigns(@Ctx() ctx: RequestContext, @Args(() => GiftCampaignListArgs) args: GiftCampaignListArgs) {
    return giftService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.ChildRead)
  @Query(() => ListMetadata)
  async _allGiftCampaignsMeta(@Ctx() ctx: RequestContext, @Args(() => GiftCampaignFilterArgs) args: GiftCampaignFilterArgs): Promise<ListMetadata> {
    return { count: await giftService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.ChildRead)
  @Query(() => GiftCampaign)
  GiftCampaign(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return giftService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.ChildRead)
  @Query(() => [Child], { description: 'The children a campaign would pick (without those already in campaignId)' })
  giftEligibleChildren(@Ctx() ctx: RequestContext, @Args(() => GiftPreviewArgs) args: GiftPreviewArgs) {
    return giftService.eligible(signedIn(ctx), args.criteria, args.giftDate, args.campaignId ? parseId(args.campaignId, 'Gift campaign') : undefined);
  }

  @Authorized(Permission.ChildRead)
  @Query(() => GiftPreview, { description: 'Counts and totals of a campaign before it is created, against the fund' })
  giftCampaignPreview(@Ctx() ctx: RequestContext, @Args(() => GiftPreviewArgs) args: GiftPreviewArgs) {
    return giftService.preview(signedIn(ctx), args);
  }

  @Authorized(Permission.ChildRead)
  @Query(() => [GiftRecipient], { description: 'The distribution list (danh sách ký nhận) of a campaign, by commune' })
  async giftRecipients(@Ctx() ctx: RequestContext, @Arg('filter', () => GiftRecipientFilter) filter: GiftRecipientFilter) {
    const signed = signedIn(ctx);
    const campaign = await giftService.get(signed, filter.campaignId);
    return signed.em.find(
      GiftRecipient,
      {
        campaign,
        ...(filter.unitId ? { unit: { path: { $like: `%/${parseId(filter.unitId, 'Unit')}/%` } } } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      { orderBy: { unit: 'ASC', id: 'ASC' } },
    );
  }

  @Authorized(Permission.GiftWrite)
  @Mutation(() => GiftCampaign, { description: 'Creates a campaign and its first batch: the list and one disbursement (DRAFT) for the whole amount' })
  createGiftCampaign(@Ctx() ctx: RequestContext, @Args(() => CreateGiftCampaignArgs) args: CreateGiftCampaignArgs) {
    return giftService.create(signedIn(ctx), args);
  }

  @Authorized(Permission.GiftWrite)
  @Mutation(() => GiftCampaign, { description: 'Adds children in a new batch; a child already in the campaign is a CONFLICT' })
  addGiftRecipients(@Ctx() ctx: RequestContext, @Args(() => AddGiftRecipientsArgs) args: AddGiftRecipientsArgs) {
    return giftService.addRecipients(signedIn(ctx), args);
  }

  @Authorized(Permission.GiftWrite)
  @Mutation(() => [GiftRecipient], { description: 'Lines handed over against a signature' })
  handOverGifts(@Ctx() ctx: RequestContext, @Args(() => HandOverGiftsArgs) args: HandOverGiftsArgs) {
    return giftService.handOver(signedIn(ctx), args);
  }

  @Authorized(Permission.GiftWrite)
  @Mutation(() => [GiftRecipient], { description: 'Gifts not handed over, returned to the fund by a ledger entry' })
  returnGifts(@Ctx() ctx: RequestContext, @Args(() => ReturnGiftsArgs) args: ReturnGiftsArgs) {
    return giftService.returnGifts(signedIn(ctx), args);
  }

  @FieldResolver(() => GiftCampaignFigures)
  figures(@Root() campaign: GiftCampaign, @Ctx() ctx: RequestContext): Promise<GiftCampaignFigures> {
    return loader<number, GiftCampaignFigures>(ctx, 'giftCampaignFigures', async (ids) => {
      const rows = await ctx.em.execute<Record<string, string>[]>(
        `select campaign_id, count(*) as recipients, coalesce(sum(amount), 0) as total, count(*) filter (where status = 'PENDING') as pending,
                count(*) filter (where status = 'HANDED_OVER') as handed_over, count(*) filter (where status = 'RETURNED') as returned,
                coalesce(sum(amount) filter (where status = 'RETURNED'), 0) as returned_amount
           from gift_recipient where campaign_id in (?) group by campaign_id`,
        [[...ids]],
      );
      const byId = new Map(rows.map((r) => [Number(r.campaign_id), r]));
      return ids.map((id) => {
        const row = byId.get(id);
        return {
          recipients: Number(row?.recipients ?? 0),
          total: Number(row?.total ?? 0),
          pending: Number(row?.pending ?? 0),
          handedOver: Number(row?.handed_over ?? 0),
          returned: Number(row?.returned ?? 0),
          returnedAmount: Number(row?.returned_amount ?? 0),
        };
      });
    }).load(campaign.id);
  }

  @FieldResolver(() => [ID], { description: 'The batch disbursements (phiếu chi) of the campaign' })
  disbursementIds(@Root() campaign: GiftCampaign, @Ctx() ctx: RequestContext): Promise<string[]> {
    return loader<number, string[]>(ctx, 'giftCampaignBatches', async (ids) => {
      const rows = await ctx.em.execute<{ id: string; project_id: string }[]>("select id, project_id from disbursement where project_type = 'GIFT_CAMPAIGN' and project_id in (?) order by id", [[...ids]]);
      return ids.map((id) => rows.filter((r) => Number(r.project_id) === id).map((r) => String(r.id)));
    }).load(campaign.id);
  }
}

@Resolver(() => GiftRecipient)
export class GiftRecipientResolver {
  @FieldResolver(() => String, { description: "The child's name, masked unless your role works with children" })
  async childName(@Root() r: GiftRecipient, @Ctx() ctx: RequestContext) {
    const child = await childOf(ctx, r.child.id);
    return personal(ctx, child.fullName, maskName(child.fullName));
  }

  @FieldResolver(() => String, { description: "The guardian who signs, masked unless your role works with children" })
  async guardianName(@Root() r: GiftRecipient, @Ctx() ctx: RequestContext) {
    const child = await childOf(ctx, r.child.id);
    return personal(ctx, child.guardianName, maskName(child.guardianName));
  }

  @FieldResolver(() => String, { description: 'Year of birth' })
  async birthYear(@Root() r: GiftRecipient, @Ctx() ctx: RequestContext) {
    return (await childOf(ctx, r.child.id)).birthDate.slice(0, 4);
  }
}

@ObjectType({ description: 'The steps the current user may take on a surgery case' })
class SurgeryCasePermissions {
  @Field(() => Boolean) approve!: boolean;
  @Field(() => Boolean) operate!: boolean;
  @Field(() => Boolean) followUp!: boolean;
  @Field(() => Boolean) close!: boolean;
  @Field(() => Boolean) cancel!: boolean;
}

@Resolver(() => Scholarship)
export class ScholarshipResolver {
  @Authorized(Permission.ChildRead)
  @Query(() => [Scholarship])
  allScholarships(@Ctx() ctx: RequestContext, @Args(() => ScholarshipListArgs) args: ScholarshipListArgs) {
    return scholarshipService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.ChildRead)
  @Query(() => ListMetadata)
  async _allScholarshipsMeta(@Ctx() ctx: RequestContext, @Args(() => ScholarshipFilterArgs) args: ScholarshipFilterArgs): Promise<ListMetadata> {
    return { count: await scholarshipService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.ChildRead)
  @Query(() => Scholarship)
  Scholarship(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return scholarshipService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.ChildSupportWrite)
  @Mutation(() => Scholarship, { description: 'Awards a scholarship for a school year, paid per term by linked disbursements' })
  createScholarship(@Ctx() ctx: RequestContext, @Args(() => CreateScholarshipArgs) args: CreateScholarshipArgs) {
    return scholarshipService.create(signedIn(ctx), args);
  }

  @FieldResolver(() => String)
  async childName(@Root() s: Scholarship, @Ctx() ctx: RequestContext) {
    const child = await childOf(ctx, s.child.id);
    return personal(ctx, child.fullName, maskName(child.fullName));
  }

  @FieldResolver(() => ID, { description: "The child's commune" })
  async unitId(@Root() s: Scholarship, @Ctx() ctx: RequestContext) {
    return (await childOf(ctx, s.child.id)).unit.id;
  }

  @FieldResolver(() => Int, { description: 'Term payments recorded (drafted to paid), of `terms`' })
  async termsRecorded(@Root() s: Scholarship, @Ctx() ctx: RequestContext) {
    return loader<number, number>(ctx, 'scholarshipTerms', async (ids) => {
      const rows = await ctx.em.execute<{ project_id: string; n: number }[]>(
        "select project_id, count(*)::int as n from disbursement where project_type = 'SCHOLARSHIP' and project_id in (?) and status not in ('REJECTED', 'CANCELLED') group by 1",
        [[...ids]],
      );
      return ids.map((id) => rows.find((r) => Number(r.project_id) === id)?.n ?? 0);
    }).load(s.id);
  }

  @FieldResolver(() => Money, { description: 'Paid so far' })
  async paidAmount(@Root() s: Scholarship, @Ctx() ctx: RequestContext) {
    return (await projectMoney(ctx, ProjectType.SCHOLARSHIP, s.id)).paid;
  }

  @FieldResolver(() => Money, { description: 'In payments not yet made' })
  async pendingAmount(@Root() s: Scholarship, @Ctx() ctx: RequestContext) {
    return (await projectMoney(ctx, ProjectType.SCHOLARSHIP, s.id)).pending;
  }
}

@Resolver(() => SurgeryCase)
export class SurgeryCaseResolver {
  @Authorized(Permission.ChildRead)
  @Query(() => [SurgeryCase])
  allSurgeryCases(@Ctx() ctx: RequestContext, @Args(() => SurgeryCaseListArgs) args: SurgeryCaseListArgs) {
    return surgeryService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.ChildRead)
  @Query(() => ListMetadata)
  async _allSurgeryCasesMeta(@Ctx() ctx: RequestContext, @Args(() => SurgeryCaseFilterArgs) args: SurgeryCaseFilterArgs): Promise<ListMetadata> {
    return { count: await surgeryService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.ChildRead)
  @Query(() => SurgeryCase)
  SurgeryCase(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return surgeryService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.ChildSupportWrite)
  @Mutation(() => SurgeryCase, { description: 'A child referred for surgery (REFERRED)' })
  createSurgeryCase(@Ctx() ctx: RequestContext, @Args(() => CreateSurgeryCaseArgs) args: CreateSurgeryCaseArgs) {
    return surgeryService.create(signedIn(ctx), args);
  }

  @Authorized(Permission.ChildSupportWrite)
  @Mutation(() => SurgeryCase, { description: 'REFERRED → APPROVED, with the funding lines; the fund’s part within its rate' })
  approveSurgeryCase(@Ctx() ctx: RequestContext, @Args(() => ApproveSurgeryCaseArgs) args: ApproveSurgeryCaseArgs) {
    return surgeryService.approve(signedIn(ctx), args);
  }

  @Authorized(Permission.ChildSupportWrite)
  @Mutation(() => SurgeryCase, { description: 'APPROVED → OPERATED' })
  operateSurgeryCase(@Ctx() ctx: RequestContext, @Args(() => SurgeryStepArgs) args: SurgeryStepArgs) {
    return surgeryService.step(signedIn(ctx), 'operate', args);
  }

  @Authorized(Permission.ChildSupportWrite)
  @Mutation(() => SurgeryCase, { description: 'OPERATED → FOLLOW_UP' })
  followUpSurgeryCase(@Ctx() ctx: RequestContext, @Args(() => SurgeryStepArgs) args: SurgeryStepArgs) {
    return surgeryService.step(signedIn(ctx), 'followUp', args);
  }

  @Authorized(Permission.ChildSupportWrite)
  @Mutation(() => SurgeryCase, { description: 'OPERATED or FOLLOW_UP → CLOSED, once no payment is open' })
  closeSurgeryCase(@Ctx() ctx: RequestContext, @Args(() => SurgeryStepArgs) args: SurgeryStepArgs) {
    return surgeryService.step(signedIn(ctx), 'close', args);
  }

  @Authorized(Permission.ChildSupportWrite)
  @Mutation(() => SurgeryCase, { description: 'REFERRED or APPROVED (nothing committed) → CANCELLED; the reason as note' })
  cancelSurgeryCase(@Ctx() ctx: RequestContext, @Args(() => SurgeryStepArgs) args: SurgeryStepArgs) {
    return surgeryService.step(signedIn(ctx), 'cancel', args);
  }

  @FieldResolver(() => String)
  async childName(@Root() s: SurgeryCase, @Ctx() ctx: RequestContext) {
    const child = await childOf(ctx, s.child.id);
    return personal(ctx, child.fullName, maskName(child.fullName));
  }

  @FieldResolver(() => ID, { description: "The child's commune" })
  async unitId(@Root() s: SurgeryCase, @Ctx() ctx: RequestContext) {
    return (await childOf(ctx, s.child.id)).unit.id;
  }

  @FieldResolver(() => [FundingLine])
  fundingLines(@Root() s: SurgeryCase, @Ctx() ctx: RequestContext) {
    return fundingLines(ctx, ProjectType.SURGERY_CASE, s.id);
  }

  @FieldResolver(() => [ProjectEvent], { description: 'The timeline' })
  events(@Root() s: SurgeryCase, @Ctx() ctx: RequestContext) {
    return projectEvents(ctx, ProjectType.SURGERY_CASE, s.id);
  }

  @FieldResolver(() => Money)
  async paidAmount(@Root() s: SurgeryCase, @Ctx() ctx: RequestContext) {
    return (await projectMoney(ctx, ProjectType.SURGERY_CASE, s.id)).paid;
  }

  @FieldResolver(() => Money)
  async pendingAmount(@Root() s: SurgeryCase, @Ctx() ctx: RequestContext) {
    return (await projectMoney(ctx, ProjectType.SURGERY_CASE, s.id)).pending;
  }

  @FieldResolver(() => SurgeryCasePermissions)
  permissions(@Root() s: SurgeryCase, @Ctx() ctx: RequestContext): SurgeryCasePermissions {
    return surgeryMachine.allowed(s.status, signedIn(ctx).user.role);
  }
}

export const childrenResolvers = [ChildResolver, GiftCampaignResolver, GiftRecipientResolver, ScholarshipResolver, SurgeryCaseResolver] as const;

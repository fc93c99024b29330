import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { loader, signedIn, type RequestContext } from '../../common/context';
import { Money } from '../../common/money';
import { amountInWords } from '../../common/money-words';
import { ListMetadata } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { Fund } from '../funds/fund.entity';
import { fundsById, type FundView } from '../funds/fund.loaders';
import { Disbursement } from './disbursement.entity';
import { CreateDisbursementArgs, DisbursementFilterArgs, DisbursementListArgs } from './disbursement.inputs';
import { userName } from '../users/user.names';
import { DisbursementFlag, disbursementFlags } from './disbursement.flags';
import type { DisbursementView } from './disbursement.rows';
import { disbursementService } from './disbursement.service';

@ObjectType()
export class DisbursementListMetadata extends ListMetadata {
  @Field(() => Money, { description: 'Sum of the amounts of the disbursements matching the filter' })
  totalAmount!: number;
}

@ObjectType({ description: 'What the current user may do with a disbursement' })
export class DisbursementPermissions {
  @Field(() => Boolean)
  canSubmit!: boolean;

  @Field(() => Boolean)
  canApprove!: boolean;

  @Field(() => Boolean)
  canReject!: boolean;

  @Field(() => Boolean)
  canPay!: boolean;

  @Field(() => Boolean)
  canCancel!: boolean;
}

@Resolver(() => Disbursement)
export class DisbursementResolver {
  @Authorized(Permission.DisbursementRead)
  @Query(() => [Disbursement], { description: 'Disbursements of the funds of your unit and the units below it' })
  allDisbursements(@Ctx() ctx: RequestContext, @Args(() => DisbursementListArgs) args: DisbursementListArgs) {
    return disbursementService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.DisbursementRead)
  @Query(() => DisbursementListMetadata)
  async _allDisbursementsMeta(@Ctx() context: RequestContext, @Args(() => DisbursementFilterArgs) args: DisbursementFilterArgs): Promise<DisbursementListMetadata> {
    const ctx = signedIn(context);
    const [count, totalAmount] = await Promise.all([disbursementService.count(ctx, args.filter), disbursementService.total(ctx, args.filter)]);
    return { count, totalAmount };
  }

  @Authorized(Permission.DisbursementRead)
  @Query(() => Disbursement)
  Disbursement(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return disbursementService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.DisbursementCreate)
  @Mutation(() => Disbursement, { description: 'Drafts a disbursement (phiếu chi); idempotent by idempotencyKey' })
  createDisbursement(@Ctx() ctx: RequestContext, @Args(() => CreateDisbursementArgs) args: CreateDisbursementArgs) {
    return disbursementService.create(signedIn(ctx), args);
  }

  @Authorized(Permission.DisbursementCreate)
  @Mutation(() => Disbursement, { description: 'DRAFT → SUBMITTED' })
  submitDisbursement(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return disbursementService.transition(signedIn(ctx), id, 'submit');
  }

  @Authorized(Permission.DisbursementApprove)
  @Mutation(() => Disbursement, { description: 'SUBMITTED → APPROVED, by a FUND_MANAGER who did not create it' })
  approveDisbursement(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return disbursementService.transition(signedIn(ctx), id, 'approve');
  }

  @Authorized(Permission.DisbursementApprove)
  @Mutation(() => Disbursement, { description: 'SUBMITTED → REJECTED, with a reason' })
  rejectDisbursement(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string) {
    return disbursementService.transition(signedIn(ctx), id, 'reject', reason);
  }

  @Authorized(Permission.DisbursementPay)
  @Mutation(() => Disbursement, { description: 'APPROVED → PAID: gives the voucher number and posts to the ledger' })
  payDisbursement(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('paidOn', () => GraphQLLocalDate) paidOn: string) {
    return disbursementService.pay(signedIn(ctx), id, paidOn);
  }

  @Authorized(Permission.DisbursementCreate)
  @Mutation(() => Disbursement, { description: 'DRAFT, SUBMITTED or APPROVED → CANCELLED, with a reason (an approved one only by an approver)' })
  cancelDisbursement(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string) {
    return disbursementService.transition(signedIn(ctx), id, 'cancel', reason);
  }

  @FieldResolver(() => ID)
  fundId(@Root() d: DisbursementView): number {
    return d.fund.id;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'For a TRANSFER: the fund receiving the money' })
  targetFundId(@Root() d: DisbursementView): number | undefined {
    return d.targetFund?.id;
  }

  @FieldResolver(() => ID)
  createdById(@Root() d: DisbursementView): number {
    return d.createdBy.id;
  }

  @FieldResolver(() => ID, { nullable: true })
  approvedById(@Root() d: DisbursementView): number | undefined {
    return d.approvedBy?.id;
  }

  @FieldResolver(() => DisbursementPermissions)
  permissions(@Root() d: DisbursementView, @Ctx() ctx: RequestContext): DisbursementPermissions {
    const may = disbursementService.permissions(signedIn(ctx), d);
    return { canSubmit: may.submit, canApprove: may.approve, canReject: may.reject, canPay: may.pay, canCancel: may.cancel };
  }

  @FieldResolver(() => Fund, { description: 'The fund paying it (in your scope, as the disbursement is)' })
  fund(@Root() d: DisbursementView, @Ctx() ctx: RequestContext): Promise<FundView> {
    return fundsById(ctx).load(d.fund.id);
  }

  @FieldResolver(() => [DisbursementFlag], { description: 'What an inspector should look at twice' })
  flags(@Root() d: DisbursementView, @Ctx() ctx: RequestContext): Promise<DisbursementFlag[]> {
    return loader<number, DisbursementFlag[]>(ctx, 'disbursementFlags', (ids) => disbursementFlags(ctx.em, ids, ctx.config.limits.approvalThreshold)).load(d.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who drafted it (người lập phiếu)' })
  createdByName(@Root() d: DisbursementView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return userName(ctx, d.createdBy.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who approved it (người duyệt)' })
  approvedByName(@Root() d: DisbursementView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return userName(ctx, d.approvedBy?.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who paid it (thủ quỹ)' })
  paidByName(@Root() d: DisbursementView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return userName(ctx, d.paidBy?.id);
  }

  @FieldResolver(() => String, { description: 'The amount in Vietnamese words, as printed on the voucher' })
  amountInWords(@Root() d: DisbursementView): string {
    return amountInWords(d.amount);
  }
}

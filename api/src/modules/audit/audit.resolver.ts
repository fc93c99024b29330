import { IsOptional, MaxLength } from 'class-validator';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { signedIn, type RequestContext, type SignedInContext } from '../../common/context';
import { IdsFilter, listArgsOf, ListMetadata, pageOptions, parseId } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { findInScope } from '../../common/scope';
import { likeEscape } from '../../common/text';
import { AuditEvent } from './audit.entity';

@InputType({ description: 'Filters of the audit trail; all optional, combined with AND' })
export class AuditEventFilter extends IdsFilter {
  @Field(() => ID, { nullable: true, description: 'Events of this user' })
  @IsOptional()
  userId?: string;

  @Field(() => String, { nullable: true, description: 'e.g. Donation, Disbursement, User' })
  @IsOptional()
  @MaxLength(60)
  targetType?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  targetId?: string;

  @Field(() => String, { nullable: true, description: 'The mutation, e.g. voidDonation' })
  @IsOptional()
  @MaxLength(60)
  operation?: string;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  @IsOptional()
  from?: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  @IsOptional()
  to?: Date;
}

export const { PageArgs: AuditEventListArgs, FilterArgs: AuditEventFilterArgs } = listArgsOf(AuditEventFilter);
export type AuditEventListArgs = InstanceType<typeof AuditEventListArgs>;
export type AuditEventFilterArgs = InstanceType<typeof AuditEventFilterArgs>;

const sortable = { id: 'id', at: 'at', operation: 'operation', targetType: 'targetType', userId: 'userId' };

/** Events of the users of your unit and the units below it. */
function where(ctx: SignedInContext, filter: AuditEventFilter = {}): FilterQuery<AuditEvent> {
  const conditions: FilterQuery<AuditEvent>[] = [{ unitPath: { $like: `${likeEscape(ctx.scope.unitPath)}%` } }];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Audit event')) } });
  if (filter.userId) conditions.push({ userId: parseId(filter.userId, 'User') });
  if (filter.targetType) conditions.push({ targetType: filter.targetType });
  if (filter.targetId) conditions.push({ targetId: filter.targetId });
  if (filter.operation) conditions.push({ operation: filter.operation });
  if (filter.from) conditions.push({ at: { $gte: filter.from } });
  if (filter.to) conditions.push({ at: { $lte: filter.to } });
  return { $and: conditions };
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(Permission.AuditRead)
  @Query(() => [AuditEvent], { description: 'The audit trail of your unit and the units below it, newest first by default' })
  allAuditEvents(@Ctx() context: RequestContext, @Args(() => AuditEventListArgs) args: AuditEventListArgs) {
    const ctx = signedIn(context);
    const { limit, offset, orderBy } = pageOptions({ sortField: 'at', sortOrder: 'DESC', ...args }, sortable, 'at', args.filter?.ids?.length);
    return ctx.em.find(AuditEvent, where(ctx, args.filter), { limit, offset, orderBy });
  }

  @Authorized(Permission.AuditRead)
  @Query(() => ListMetadata)
  async _allAuditEventsMeta(@Ctx() context: RequestContext, @Args(() => AuditEventFilterArgs) args: AuditEventFilterArgs): Promise<ListMetadata> {
    return { count: await signedIn(context).em.count(AuditEvent, where(signedIn(context), args.filter)) };
  }

  @Authorized(Permission.AuditRead)
  @Query(() => AuditEvent)
  AuditEvent(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string) {
    const ctx = signedIn(context);
    return findInScope(ctx.em, AuditEvent, 'Audit event', parseId(id, 'Audit event'), { unitPath: { $like: `${likeEscape(ctx.scope.unitPath)}%` } });
  }
}

import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loader, signedIn, type RequestContext } from '../../common/context';
import { ListMetadata } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { UnitSuccessionEvent, UnitSuccessionLine } from './succession.entity';
import { CreateUnitSuccessionEventArgs, UnitSuccessionEventFilterArgs, UnitSuccessionEventListArgs } from './succession.inputs';
import { successionService } from './succession.service';
import { successionMachine } from './succession.state';
import { UnitSuccessionEventPermissions, UnitSuccessionPreview } from './succession.types';

@Resolver(() => UnitSuccessionEvent)
export class UnitSuccessionResolver {
  @Authorized(Permission.UnitRead)
  @Query(() => [UnitSuccessionEvent], { description: 'Succession events (reorganisations of administrative units) touching your scope' })
  allUnitSuccessionEvents(@Ctx() ctx: RequestContext, @Args(() => UnitSuccessionEventListArgs) args: UnitSuccessionEventListArgs) {
    return successionService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.UnitRead)
  @Query(() => ListMetadata)
  async _allUnitSuccessionEventsMeta(@Ctx() ctx: RequestContext, @Args(() => UnitSuccessionEventFilterArgs) args: UnitSuccessionEventFilterArgs): Promise<ListMetadata> {
    return { count: await successionService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.UnitRead)
  @Query(() => UnitSuccessionEvent)
  UnitSuccessionEvent(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return successionService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.UnitRead)
  @Query(() => UnitSuccessionPreview, { description: 'What applying the event will do: units ending and moving, funds closing with their balances, users and open projects moving, and what blocks it' })
  unitSuccessionPreview(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return successionService.preview(signedIn(ctx), id);
  }

  @Authorized(Permission.UnitReorganise)
  @Mutation(() => UnitSuccessionEvent, { description: 'Records a succession event as a draft, checked against the units in force on its date' })
  createUnitSuccessionEvent(@Ctx() ctx: RequestContext, @Args(() => CreateUnitSuccessionEventArgs) args: CreateUnitSuccessionEventArgs) {
    return successionService.create(signedIn(ctx), args);
  }

  @Authorized(Permission.UnitReorganise)
  @Mutation(() => UnitSuccessionEvent, { description: 'Applies a draft event in one transaction: units end or move, funds close by transfer to their successors, users and open projects move' })
  applyUnitSuccessionEvent(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return successionService.apply(signedIn(ctx), id);
  }

  @FieldResolver(() => [UnitSuccessionLine])
  lines(@Root() event: UnitSuccessionEvent, @Ctx() ctx: RequestContext) {
    return loader<number, UnitSuccessionLine[]>(ctx, 'successionLines', async (ids) => {
      const rows = await ctx.em.find(UnitSuccessionLine, { event: { $in: [...ids] } }, { orderBy: { position: 'ASC' } });
      return ids.map((id) => rows.filter((r) => r.event.id === id));
    }).load(event.id);
  }

  @FieldResolver(() => UnitSuccessionEventPermissions, { description: 'The steps you may take now' })
  permissions(@Root() event: UnitSuccessionEvent, @Ctx() ctx: RequestContext): UnitSuccessionEventPermissions {
    return successionMachine.allowed(event.status, signedIn(ctx).user.role);
  }
}

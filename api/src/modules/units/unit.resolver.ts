import { Args, Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { signedIn, type RequestContext } from '../../common/context';
import { ListMetadata } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import type { UnitView } from '../funds/fund.loaders';
import { AdministrativeUnit } from './unit.entity';
import { AdministrativeUnitFilterArgs, AdministrativeUnitListArgs } from './unit.inputs';
import { unitService } from './unit.service';

@Resolver(() => AdministrativeUnit)
export class UnitResolver {
  @Authorized(Permission.UnitRead)
  @Query(() => [AdministrativeUnit], { description: 'Administrative units within your scope' })
  allAdministrativeUnits(@Ctx() ctx: RequestContext, @Args(() => AdministrativeUnitListArgs) args: AdministrativeUnitListArgs) {
    return unitService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.UnitRead)
  @Query(() => ListMetadata)
  async _allAdministrativeUnitsMeta(
    @Ctx() ctx: RequestContext,
    @Args(() => AdministrativeUnitFilterArgs) args: AdministrativeUnitFilterArgs,
  ): Promise<ListMetadata> {
    return { count: await unitService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.UnitRead)
  @Query(() => AdministrativeUnit)
  AdministrativeUnit(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return unitService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.UnitRead)
  @Query(() => [AdministrativeUnit], { description: "A unit's ancestors within your scope, from the top down" })
  administrativeUnitAncestors(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return unitService.ancestors(signedIn(ctx), id);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The unit that took this one over in a reorganisation; none while the unit exists' })
  successorId(@Root() unit: UnitView): number | undefined {
    return unit.successor?.id;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The unit directly above; none for a province' })
  parentId(@Root() unit: UnitView): number | undefined {
    return unit.parent?.id;
  }
}

import { Args, Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { signedIn, type RequestContext } from '../../common/context';
import { ListMetadata } from '../../common/pagination';
import { Permission } from '../../common/permissions';
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
}

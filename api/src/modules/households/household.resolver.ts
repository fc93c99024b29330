import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskCitizenId } from '../../common/citizen-id';
import { signedIn, type RequestContext } from '../../common/context';
import { ListMetadata } from '../../common/pagination';
import { hasPermission, Permission } from '../../common/permissions';
import { BeneficiaryHousehold, MeritCategory } from './household.entity';
import { BeneficiaryHouseholdFilterArgs, BeneficiaryHouseholdListArgs, CreateBeneficiaryHouseholdArgs, UpdateBeneficiaryHouseholdArgs } from './household.inputs';
import { householdService } from './household.service';

@Resolver(() => BeneficiaryHousehold)
export class HouseholdResolver {
  @Authorized(Permission.HouseholdRead)
  @Query(() => [BeneficiaryHousehold], { description: 'Households of people with meritorious service in your scope' })
  allBeneficiaryHouseholds(@Ctx() ctx: RequestContext, @Args(() => BeneficiaryHouseholdListArgs) args: BeneficiaryHouseholdListArgs) {
    return householdService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.HouseholdRead)
  @Query(() => ListMetadata)
  async _allBeneficiaryHouseholdsMeta(@Ctx() ctx: RequestContext, @Args(() => BeneficiaryHouseholdFilterArgs) args: BeneficiaryHouseholdFilterArgs): Promise<ListMetadata> {
    return { count: await householdService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.HouseholdRead)
  @Query(() => BeneficiaryHousehold)
  BeneficiaryHousehold(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return householdService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.HouseholdRead)
  @Query(() => [MeritCategory], { description: 'The categories of people with meritorious service' })
  allMeritCategories(@Ctx() ctx: RequestContext) {
    return signedIn(ctx).em.find(MeritCategory, {}, { orderBy: { code: 'ASC' } });
  }

  @Authorized(Permission.HouseholdWrite)
  @Mutation(() => BeneficiaryHousehold, { description: 'Registers a household; a citizen ID already registered is a CONFLICT naming that record' })
  createBeneficiaryHousehold(@Ctx() ctx: RequestContext, @Args(() => CreateBeneficiaryHouseholdArgs) args: CreateBeneficiaryHouseholdArgs) {
    return householdService.create(signedIn(ctx), args);
  }

  @Authorized(Permission.HouseholdWrite)
  @Mutation(() => BeneficiaryHousehold)
  updateBeneficiaryHousehold(@Ctx() ctx: RequestContext, @Args(() => UpdateBeneficiaryHouseholdArgs) args: UpdateBeneficiaryHouseholdArgs) {
    return householdService.update(signedIn(ctx), args);
  }

  @FieldResolver(() => String, { description: 'The 12-digit citizen ID, masked ("036*******34") unless your role needs it' })
  nationalId(@Root() household: BeneficiaryHousehold, @Ctx() ctx: RequestContext): string {
    return hasPermission(signedIn(ctx).user.role, Permission.HouseholdIdentityRead) ? household.nationalId : maskCitizenId(household.nationalId);
  }
}

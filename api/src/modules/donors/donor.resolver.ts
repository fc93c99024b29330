import { Arg, Args, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { signedIn, type RequestContext } from '../../common/context';
import { ListMetadata } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { Donor } from './donor.entity';
import { CreateDonorArgs, DonorFilterArgs, DonorListArgs, UpdateDonorArgs } from './donor.inputs';
import { donorService } from './donor.service';

@ObjectType({ description: 'A donor as created, with a warning when an existing donor was linked instead' })
export class DonorCreated extends Donor {
  @Field(() => String, { nullable: true })
  warning?: string;
}

@Resolver(() => Donor)
export class DonorResolver {
  @Authorized(Permission.DonorRead)
  @Query(() => [Donor], { description: 'Donors recorded by your unit and the units below it' })
  allDonors(@Ctx() ctx: RequestContext, @Args(() => DonorListArgs) args: DonorListArgs) {
    return donorService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.DonorRead)
  @Query(() => ListMetadata)
  async _allDonorsMeta(@Ctx() ctx: RequestContext, @Args(() => DonorFilterArgs) args: DonorFilterArgs): Promise<ListMetadata> {
    return { count: await donorService.count(signedIn(ctx), args.filter) };
  }

  @Authorized(Permission.DonorRead)
  @Query(() => Donor)
  Donor(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return donorService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.DonorWrite)
  @Mutation(() => DonorCreated, { description: 'Creates a donor; one with the same tax code or ID number is linked instead, with a warning' })
  async createDonor(@Ctx() ctx: RequestContext, @Args(() => CreateDonorArgs) args: CreateDonorArgs): Promise<DonorCreated> {
    const { donor, warning } = await donorService.create(signedIn(ctx), args);
    return Object.assign(donor, { warning }) as DonorCreated;
  }

  @Authorized(Permission.DonorWrite)
  @Mutation(() => Donor)
  updateDonor(@Ctx() ctx: RequestContext, @Args(() => UpdateDonorArgs) args: UpdateDonorArgs) {
    return donorService.update(signedIn(ctx), args);
  }
}

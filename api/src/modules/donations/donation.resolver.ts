import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { signedIn, type RequestContext } from '../../common/context';
import { Money } from '../../common/money';
import { amountInWords } from '../../common/money-words';
import { ListMetadata } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { Donation } from './donation.entity';
import { CreateDonationArgs, DonationFilterArgs, DonationListArgs } from './donation.inputs';
import { userName } from '../users/user.names';
import { donationService } from './donation.service';

@ObjectType()
export class DonationListMetadata extends ListMetadata {
  @Field(() => Money, { description: 'Sum of the amounts of the donations matching the filter' })
  totalAmount!: number;
}

@Resolver(() => Donation)
export class DonationResolver {
  @Authorized(Permission.DonationRead)
  @Query(() => [Donation], { description: 'Donations to the funds of your unit and the units below it' })
  allDonations(@Ctx() ctx: RequestContext, @Args(() => DonationListArgs) args: DonationListArgs) {
    return donationService.list(signedIn(ctx), args);
  }

  @Authorized(Permission.DonationRead)
  @Query(() => DonationListMetadata)
  async _allDonationsMeta(@Ctx() context: RequestContext, @Args(() => DonationFilterArgs) args: DonationFilterArgs): Promise<DonationListMetadata> {
    const ctx = signedIn(context);
    const [count, totalAmount] = await Promise.all([donationService.count(ctx, args.filter), donationService.total(ctx, args.filter)]);
    return { count, totalAmount };
  }

  @Authorized(Permission.DonationRead)
  @Query(() => Donation)
  Donation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return donationService.get(signedIn(ctx), id);
  }

  @Authorized(Permission.DonationCreate)
  @Mutation(() => Donation, { description: 'Records a donation (phiếu thu) and posts it to the ledger; idempotent by idempotencyKey' })
  createDonation(@Ctx() ctx: RequestContext, @Args(() => CreateDonationArgs) args: CreateDonationArgs) {
    return donationService.create(signedIn(ctx), args);
  }

  @Authorized(Permission.DonationVoid)
  @Mutation(() => Donation, { description: 'Voids a donation by a reversing entry with a reason; never an edit' })
  voidDonation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string) {
    return donationService.void(signedIn(ctx), id, reason);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who recorded it (người lập phiếu)' })
  createdByName(@Root() donation: Donation, @Ctx() ctx: RequestContext): Promise<string | null> {
    return userName(ctx, donation.createdBy.id);
  }

  @FieldResolver(() => String, { description: 'The amount in Vietnamese words, as printed on the receipt' })
  amountInWords(@Root() donation: Donation): string {
    return amountInWords(donation.amount);
  }
}

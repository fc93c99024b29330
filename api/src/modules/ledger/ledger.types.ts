import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';

@ObjectType({ description: 'The first transaction or account of a fund whose ledger does not verify' })
export class LedgerMismatchView {
  @Field(() => ID, { nullable: true })
  transactionId!: number | null;

  @Field(() => Int, { nullable: true })
  seq!: number | null;

  @Field(() => String)
  reason!: string;
}

@ObjectType({ description: "The result of recomputing a fund's hash chain and balances" })
export class LedgerVerification {
  @Field(() => ID)
  fundId!: number;

  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => Int)
  transactionsChecked!: number;

  @Field(() => Int)
  accountsChecked!: number;

  @Field(() => LedgerMismatchView, { nullable: true })
  firstMismatch!: LedgerMismatchView | null;
}

@ObjectType({ description: "One ledger transaction of a fund, with what it moved in the fund's cash and goods" })
export class LedgerLine {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  fundId!: number;

  @Field(() => Int, { description: "Position in the fund's hash chain" })
  seq!: number;

  @Field(() => String, { description: 'DONATION, DONATION_VOID, …' })
  kind!: string;

  @Field(() => GraphQLLocalDate)
  occurredOn!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String)
  sourceType!: string;

  @Field(() => ID)
  sourceId!: number;

  @Field(() => Money, { description: 'Change of the cash balance (negative: money out)' })
  cashChange!: number;

  @Field(() => Money, { description: 'Change of the in-kind goods held' })
  goodsChange!: number;

  @Field(() => String)
  hash!: string;

  @Field(() => GraphQLDateTimeISO)
  createdAt!: Date;
}

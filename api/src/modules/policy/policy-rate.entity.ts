import { BigIntType, Check, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Money } from '../../common/money';

/**
 * An amount set by law for one kind of support, in force from a date, with its legal basis
 * (never a constant in code). A newer rate for the same code ends the older one.
 */
@ObjectType({ description: 'A policy rate (định mức) with its effective dates and legal basis' })
@Entity({ tableName: 'policy_rate' })
@Index({ properties: ['code', 'effectiveFrom'] })
@Check({ name: 'policy_rate_check', expression: '(amount > 0) AND ((effective_to IS NULL) OR (effective_to >= effective_from))' })
export class PolicyRate {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'e.g. HOUSING_NEW: the support for building a new house, per household' })
  @Property({ type: 'string', columnType: 'text' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'The disbursement category the rate limits, if any' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  category?: string;

  @Field(() => Money, { description: 'The most that may be paid, in đồng' })
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Field(() => GraphQLLocalDate)
  @Property({ type: 'date' })
  effectiveFrom!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  effectiveTo?: string;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  legalBasis!: string;

  @Field(() => Boolean, { description: 'Reported, not yet confirmed against the text in force' })
  @Property({ type: 'boolean', default: false })
  toBeConfirmed: boolean = false;
}

import { BigIntType, Check, DecimalType, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { User } from '../users/user.entity';

export enum RateUnit {
  VND = 'VND',
  PERCENT = 'PERCENT',
}
registerEnumType(RateUnit, { name: 'RateUnit', description: 'An amount in đồng, or a percentage' });

/**
 * A rule set by law for one kind of support, in force from a date, with its legal basis (never a
 * constant in code). Rows are history: a revision adds a row and ends the one before it; the
 * database refuses any other change, and overlapping periods for one code.
 */
@ObjectType({ description: 'A policy rate (định mức) with its effective dates and legal basis' })
@Entity({ tableName: 'policy_rate' })
@Index({ properties: ['code', 'effectiveFrom'] })
@Check({
  name: 'policy_rate_check',
  expression:
    "((effective_to IS NULL) OR (effective_to >= effective_from)) AND (((unit = 'VND'::rate_unit) AND (amount > 0) AND (percent IS NULL)) OR ((unit = 'PERCENT'::rate_unit) AND (percent > (0)::numeric) AND (percent <= (100)::numeric) AND (amount IS NULL)))",
})
export class PolicyRate {
  [OptionalProps]?: 'createdAt' | 'unit' | 'toBeConfirmed' | 'supersedesId';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'e.g. HOUSING_NEW: the support for building a new house, per household' })
  @Property({ type: 'string', columnType: 'text' })
  code!: string;

  @Field(() => String, { description: 'What the rule says, in a few words' })
  @Property({ type: 'string', columnType: 'text', default: '' })
  name: string = '';

  @Field(() => String, { nullable: true, description: 'The disbursement category the rate limits, if any' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  category?: string;

  @Field(() => RateUnit)
  @Enum({ items: () => RateUnit, nativeEnumName: 'rate_unit', default: RateUnit.VND })
  unit: RateUnit = RateUnit.VND;

  @Field(() => Money, { nullable: true, description: 'For a VND rate: the amount, in đồng' })
  @Property({ type: new BigIntType('number'), nullable: true })
  amount?: number;

  @Field(() => Float, { nullable: true, description: 'For a PERCENT rate: the percentage (60 = 60%)' })
  @Property({ type: new DecimalType('number'), columnType: 'numeric(5,2)', nullable: true })
  percent?: number;

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

  @ManyToOne({ entity: () => PolicyRate, ref: true, nullable: true, deleteRule: 'restrict' })
  supersedes?: Ref<PolicyRate>;

  @Field(() => String, { nullable: true, description: 'Why the rate was revised' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  reason?: string;

  /** Null for the rates seeded with the system. */
  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'restrict' })
  createdBy?: Ref<User>;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID, { nullable: true, description: 'The rate this one revised' })
  get supersedesId(): number | undefined {
    return this.supersedes?.id;
  }
}

import { Check, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';
import { AdministrativeUnit } from '../units/unit.entity';

export enum FundKind {
  /** Quỹ Đền ơn đáp nghĩa: province, district (until 30/6/2025) and commune level. */
  GRATITUDE = 'GRATITUDE',
  /** Quỹ Bảo trợ trẻ em: province level. */
  CHILD_PROTECTION = 'CHILD_PROTECTION',
}
registerEnumType(FundKind, { name: 'FundKind', description: 'Quỹ Đền ơn đáp nghĩa or Quỹ Bảo trợ trẻ em' });

@ObjectType({ description: 'A fund held by one administrative unit' })
@Entity({ tableName: 'fund' })
@Check({ name: 'fund_last_seq_check', expression: "last_seq >= 0" })
@Unique({ properties: ['kind', 'unit'] })
export class Fund {
  [OptionalProps]?: 'createdAt' | 'lastSeq' | 'lastHash';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => FundKind)
  @Enum({ items: () => FundKind, nativeEnumName: 'fund_kind' })
  kind!: FundKind;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @ManyToOne({ entity: () => AdministrativeUnit, ref: true, index: true, deleteRule: 'restrict' })
  unit!: Ref<AdministrativeUnit>;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Books closed up to and including this date: nothing may be posted or voided on or before it' })
  @Property({ type: 'date', nullable: true })
  lockedUntil?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "Day the fund was closed (its unit ended in a reorganisation); nothing may be posted after it" })
  @Property({ type: 'date', nullable: true })
  closedOn?: string;

  /** The fund that received this one's balances when it closed. */
  @ManyToOne({ entity: () => Fund, nullable: true, ref: true, deleteRule: 'restrict' })
  successor?: Ref<Fund>;

  /** Head of the fund's hash chain: the last ledger transaction's sequence number and hash. */
  @Property({ type: 'integer', default: 0 })
  lastSeq: number = 0;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  lastHash?: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

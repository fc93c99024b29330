import { Check, BigIntType, Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Money } from '../../common/money';
import { Donor } from '../donors/donor.entity';
import { Fund } from '../funds/fund.entity';

@ObjectType({ description: 'A fund-raising drive (đợt vận động) of one fund' })
@Entity({ tableName: 'campaign' })
@Check({ name: 'campaign_check', expression: "(target > 0) AND (ends_on >= starts_on)" })
export class Campaign {
  [OptionalProps]?: 'createdAt' | 'fundId';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Fund, ref: true, index: true, deleteRule: 'restrict' })
  fund!: Ref<Fund>;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Field(() => GraphQLLocalDate)
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => GraphQLLocalDate)
  @Property({ type: 'date' })
  endsOn!: string;

  @Field(() => Money, { description: 'Target in đồng' })
  @Property({ type: new BigIntType('number') })
  target!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID)
  get fundId(): number {
    return this.fund.id;
  }
}

@ObjectType({ description: 'A promise to give (đăng ký ủng hộ), paid later, often in parts' })
@Entity({ tableName: 'pledge' })
@Check({ name: 'pledge_amount_check', expression: 'amount > 0' })
export class Pledge {
  [OptionalProps]?: 'createdAt' | 'campaignId' | 'donorId';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Campaign, ref: true, index: true, deleteRule: 'restrict' })
  campaign!: Ref<Campaign>;

  @ManyToOne({ entity: () => Donor, ref: true, index: true, deleteRule: 'restrict' })
  donor!: Ref<Donor>;

  @Field(() => Money)
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Field(() => GraphQLLocalDate)
  @Property({ type: 'date' })
  dueOn!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  note?: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID)
  get campaignId(): number {
    return this.campaign.id;
  }

  @Field(() => ID)
  get donorId(): number {
    return this.donor.id;
  }
}

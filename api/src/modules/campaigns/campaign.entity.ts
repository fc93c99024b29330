import { Check, BigIntType, Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { Donor } from '../donors/donor.entity';
import { Fund } from '../funds/fund.entity';
import { User } from '../users/user.entity';

@ObjectType({ description: 'A fund-raising drive (đợt vận động) of one fund' })
@Entity({ tableName: 'campaign' })
@Check({ name: 'campaign_check', expression: "(target > 0) AND (ends_on >= starts_on)" })
@Check({ name: 'campaign_public_slug_check', expression: "public_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'" })
@Check({ name: 'campaign_published_check', expression: "(published_at IS NULL) OR (public_slug IS NOT NULL AND published_by_id IS NOT NULL)" })
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

  /** The address of the public page (/public/campaigns/<slug>), given at the first publication and kept after. */
  @Field(() => String, { nullable: true, description: 'The public page is /public/campaigns/<publicSlug> while the campaign is published' })
  @Property({ type: 'string', columnType: 'text', nullable: true, unique: true })
  publicSlug?: string;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the campaign was published; null when not public (nothing is public by default)' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt?: Date;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'restrict' })
  publishedBy?: Ref<User>;

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

import { BigIntType, Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { Disbursement } from '../disbursements/disbursement.entity';
import { Fund } from '../funds/fund.entity';
import { LedgerTransaction } from '../ledger/ledger.entities';
import { AdministrativeUnit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { Child } from './child.entity';

export enum GiftOccasion {
  TET = 'TET',
  CHILDREN_DAY = 'CHILDREN_DAY',
  MID_AUTUMN = 'MID_AUTUMN',
  OTHER = 'OTHER',
}
registerEnumType(GiftOccasion, { name: 'GiftOccasion', description: 'Tết Nguyên đán, Tết Thiếu nhi 1/6, Tết Trung thu, dịp khác' });

export enum GiftForm {
  CASH = 'CASH',
  IN_KIND = 'IN_KIND',
}
registerEnumType(GiftForm, { name: 'GiftForm', description: 'Tiền mặt, hoặc suất quà hiện vật từ hàng của quỹ' });

export enum GiftRecipientStatus {
  PENDING = 'PENDING',
  HANDED_OVER = 'HANDED_OVER',
  RETURNED = 'RETURNED',
}
registerEnumType(GiftRecipientStatus, { name: 'GiftRecipientStatus', description: 'Chưa trao, đã trao (ký nhận), hoàn quỹ' });

/**
 * A gift campaign (đợt tặng quà) of the Child Protection Fund: the children picked by a filter,
 * the same amount (or in-kind package) each, paid by one batch disbursement; what is not handed
 * over is returned to the fund.
 */
@ObjectType({ description: 'A gift campaign for children (đợt tặng quà)' })
@Entity({ tableName: 'gift_campaign' })
@Check({ name: 'gift_campaign_check', expression: "(amount_per_child > 0) AND ((form = 'IN_KIND'::gift_form) = (package_description IS NOT NULL))" })
export class GiftCampaign {
  [OptionalProps]?: 'createdAt' | 'fundId';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Fund, ref: true, deleteRule: 'restrict' })
  fund!: Ref<Fund>;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Field(() => GiftOccasion)
  @Enum({ items: () => GiftOccasion, nativeEnumName: 'gift_occasion' })
  occasion!: GiftOccasion;

  @Field(() => GraphQLLocalDate, { description: 'The day the gifts are handed over; ages are counted on it' })
  @Property({ type: 'date' })
  giftDate!: string;

  @Field(() => GiftForm)
  @Enum({ items: () => GiftForm, nativeEnumName: 'gift_form' })
  form!: GiftForm;

  @Field(() => Money, { description: 'Per child: the cash, or the valuation of the in-kind package' })
  @Property({ type: new BigIntType('number') })
  amountPerChild!: number;

  @Field(() => String, { nullable: true, description: 'For an in-kind gift: what the package holds' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  packageDescription?: string;

  @Field(() => [ID], { description: 'The communes (or units above them) whose children were picked' })
  @Property({ type: 'json', columnType: 'jsonb' })
  unitIds!: string[];

  @Field(() => [String], { description: 'The circumstances picked (all, if empty)' })
  @Property({ type: 'json', columnType: 'jsonb' })
  circumstances!: string[];

  @Field(() => Int, { nullable: true, description: 'Children at most this old on the gift date' })
  @Property({ type: 'integer', nullable: true })
  maxAge?: number;

  /** The same key for every retry of the creation: one campaign, one first batch. */
  @Property({ type: 'string', columnType: 'text', unique: true })
  idempotencyKey!: string;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID)
  get fundId(): number {
    return this.fund.id;
  }
}

/** One child's gift in a campaign: once per campaign (unique), handed over against a signature or returned. */
@ObjectType({ description: 'A child on a campaign’s distribution list (danh sách ký nhận)' })
@Entity({ tableName: 'gift_recipient' })
@Unique({ properties: ['campaign', 'child'] })
@Index({ properties: ['campaign', 'unit'] })
@Check({ name: 'gift_recipient_check', expression: "(amount > 0) AND ((status = 'RETURNED'::gift_recipient_status) = (return_transaction_id IS NOT NULL))" })
export class GiftRecipient {
  [OptionalProps]?: 'status' | 'childId' | 'unitId' | 'campaignId' | 'disbursementId';

  @Field(() => ID)
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => GiftCampaign, ref: true, deleteRule: 'restrict' })
  campaign!: Ref<GiftCampaign>;

  @ManyToOne({ entity: () => Child, ref: true, index: true, deleteRule: 'restrict' })
  child!: Ref<Child>;

  /** The batch (phiếu chi) paying this gift. */
  @ManyToOne({ entity: () => Disbursement, ref: true, index: true, deleteRule: 'restrict' })
  disbursement!: Ref<Disbursement>;

  /** The child's commune when picked: the list is printed per commune. */
  @ManyToOne({ entity: () => AdministrativeUnit, ref: true, deleteRule: 'restrict' })
  unit!: Ref<AdministrativeUnit>;

  @Field(() => Money)
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Field(() => GiftRecipientStatus)
  @Enum({ items: () => GiftRecipientStatus, nativeEnumName: 'gift_recipient_status', default: GiftRecipientStatus.PENDING })
  status: GiftRecipientStatus = GiftRecipientStatus.PENDING;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Handed over or returned on' })
  @Property({ type: 'date', nullable: true })
  closedOn?: string;

  @Field(() => String, { nullable: true, description: 'Why it was returned' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  returnReason?: string;

  @ManyToOne({ entity: () => LedgerTransaction, ref: true, nullable: true, deleteRule: 'restrict' })
  returnTransaction?: Ref<LedgerTransaction>;

  @Field(() => ID)
  get campaignId(): number {
    return this.campaign.id;
  }

  @Field(() => ID)
  get childId(): number {
    return this.child.id;
  }

  @Field(() => ID, { description: 'The commune' })
  get unitId(): number {
    return this.unit.id;
  }

  @Field(() => ID, { description: 'The batch disbursement (phiếu chi)' })
  get disbursementId(): number {
    return this.disbursement.id;
  }
}

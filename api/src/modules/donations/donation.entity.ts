import { Check, BigIntType, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { Campaign, Pledge } from '../campaigns/campaign.entity';
import { Donor } from '../donors/donor.entity';
import { Fund } from '../funds/fund.entity';
import { LedgerTransaction } from '../ledger/ledger.entities';
import { User } from '../users/user.entity';

export enum DonationMethod {
  CASH = 'CASH',
  BANK_TRANSFER = 'BANK_TRANSFER',
  IN_KIND = 'IN_KIND',
}
registerEnumType(DonationMethod, { name: 'DonationMethod', description: 'Tiền mặt, chuyển khoản, hiện vật' });

export enum DonationStatus {
  POSTED = 'POSTED',
  VOIDED = 'VOIDED',
}
registerEnumType(DonationStatus, { name: 'DonationStatus' });

@ObjectType({ description: 'A donation received (phiếu thu); never edited: voided by a reversing entry' })
@Entity({ tableName: 'donation' })
@Check({ name: 'donation_amount_check', expression: "(amount > 0) AND (receipt_seq > 0)" })
@Check({ name: 'donation_in_kind_check', expression: "(method = 'IN_KIND'::donation_method) = (in_kind_description IS NOT NULL)" })
@Check({ name: 'donation_void_check', expression: "(status = 'VOIDED'::donation_status) = ((void_transaction_id IS NOT NULL) AND (void_reason IS NOT NULL) AND (voided_at IS NOT NULL))" })
@Unique({ properties: ['fund', 'receiptYear', 'receiptSeq'] })
@Index({ properties: ['fund', 'receivedOn'] })
export class Donation {
  [OptionalProps]?: 'createdAt' | 'status' | 'publicAnonymous' | 'fundId' | 'donorId' | 'campaignId' | 'pledgeId';

  @Field(() => ID)
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Fund, ref: true, deleteRule: 'restrict' })
  fund!: Ref<Fund>;

  @Field(() => String, { description: 'Receipt number, gapless per fund and year: PT-2025-000123' })
  @Property({ type: 'string', columnType: 'text', index: true })
  receiptNumber!: string;

  @Property({ type: 'integer' })
  receiptYear!: number;

  @Property({ type: 'integer' })
  receiptSeq!: number;

  @ManyToOne({ entity: () => Donor, ref: true, nullable: true, index: true, deleteRule: 'restrict' })
  donor?: Ref<Donor>;

  @Field(() => String, { description: "The donor's name as printed on the receipt (a walk-in name when there is no donor record)" })
  @Property({ type: 'string', columnType: 'text' })
  donorName!: string;

  @Field(() => Money, { description: 'Whole đồng; for in-kind gifts, their valuation' })
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Field(() => GraphQLLocalDate)
  @Property({ type: 'date' })
  receivedOn!: string;

  @Field(() => DonationMethod)
  @Enum({ items: () => DonationMethod, nativeEnumName: 'donation_method' })
  method!: DonationMethod;

  @Field(() => String, { nullable: true, description: 'For in-kind gifts: what was given' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  inKindDescription?: string;

  @Field(() => String, { nullable: true, description: 'Earmark: the program category the money is restricted to' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  earmark?: string;

  @ManyToOne({ entity: () => Campaign, ref: true, nullable: true, index: true, deleteRule: 'restrict' })
  campaign?: Ref<Campaign>;

  @ManyToOne({ entity: () => Pledge, ref: true, nullable: true, index: true, deleteRule: 'restrict' })
  pledge?: Ref<Pledge>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  note?: string;

  @Field(() => Boolean, { description: "The donor asked not to be named publicly: the campaign's public page shows \"Nhà hảo tâm ẩn danh\"" })
  @Property({ type: 'boolean', default: false })
  publicAnonymous: boolean = false;

  /** The client's key: the same key returns this donation and posts nothing twice. */
  @Property({ type: 'string', columnType: 'text', unique: true })
  idempotencyKey!: string;

  @Field(() => DonationStatus)
  @Enum({ items: () => DonationStatus, nativeEnumName: 'donation_status', default: DonationStatus.POSTED })
  status: DonationStatus = DonationStatus.POSTED;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  voidReason?: string;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  voidedAt?: Date;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'restrict' })
  voidedBy?: Ref<User>;

  @ManyToOne({ entity: () => LedgerTransaction, ref: true, deleteRule: 'restrict' })
  transaction!: Ref<LedgerTransaction>;

  @ManyToOne({ entity: () => LedgerTransaction, ref: true, nullable: true, deleteRule: 'restrict' })
  voidTransaction?: Ref<LedgerTransaction>;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID)
  get fundId(): number {
    return this.fund.id;
  }

  @Field(() => ID, { nullable: true })
  get donorId(): number | undefined {
    return this.donor?.id;
  }

  @Field(() => ID, { nullable: true })
  get campaignId(): number | undefined {
    return this.campaign?.id;
  }

  @Field(() => ID, { nullable: true })
  get pledgeId(): number | undefined {
    return this.pledge?.id;
  }
}

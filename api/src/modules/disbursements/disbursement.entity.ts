import { BigIntType, Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLLocalDate } from '../../common/local-date';
import { ProgramCategory } from '../../common/categories';
import { Money } from '../../common/money';
import { Fund } from '../funds/fund.entity';
import { LedgerTransaction } from '../ledger/ledger.entities';
import { User } from '../users/user.entity';

/** What a disbursement (phiếu chi) pays for: the program categories, a transfer to another fund, or administration. */
export const DisbursementCategory = { ...ProgramCategory, TRANSFER: 'TRANSFER', ADMINISTRATION: 'ADMINISTRATION' } as const;
export type DisbursementCategory = (typeof DisbursementCategory)[keyof typeof DisbursementCategory];
registerEnumType(DisbursementCategory, { name: 'DisbursementCategory' });

export enum DisbursementStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DisbursementStatus, { name: 'DisbursementStatus' });

/** The kind of project a disbursement pays; the projects themselves come with their modules. */
export enum ProjectType {
  HOUSING_GRANT = 'HOUSING_GRANT',
  MEMORIAL_WORK = 'MEMORIAL_WORK',
  GIFT_CAMPAIGN = 'GIFT_CAMPAIGN',
  SCHOLARSHIP = 'SCHOLARSHIP',
  SURGERY_CASE = 'SURGERY_CASE',
}
registerEnumType(ProjectType, { name: 'ProjectType', description: 'Hỗ trợ nhà ở, công trình ghi công liệt sĩ, đợt tặng quà trẻ em, học bổng, hỗ trợ phẫu thuật' });

@ObjectType({ description: 'Money out of a fund (phiếu chi), through DRAFT → SUBMITTED → APPROVED → PAID, or REJECTED / CANCELLED' })
@Entity({ tableName: 'disbursement' })
@Index({ properties: ['fund', 'status'] })
@Check({ name: 'disbursement_amount_check', expression: 'amount > 0' })
@Check({ name: 'disbursement_in_kind_check', expression: "((NOT in_kind) OR (category = 'CHILD_GIFT'::disbursement_category))" })
@Index({ name: 'disbursement_payee_idx', expression: 'create index disbursement_payee_idx on disbursement (vi_fold(payee_name), amount)' })
@Index({ name: 'disbursement_paid_idx', expression: 'create index disbursement_paid_idx on disbursement (fund_id, paid_on) where paid_on is not null' })
@Index({ name: 'disbursement_received_idx', expression: 'create index disbursement_received_idx on disbursement (target_fund_id, paid_on) where target_fund_id is not null and paid_on is not null' })
@Index({ name: 'disbursement_project_idx', expression: 'create index disbursement_project_idx on disbursement (project_type, project_id) where project_id is not null' })
// The inspectors' list, newest first: a walk down this index stops after the page.
@Index({ name: 'disbursement_created_idx', expression: 'create index disbursement_created_idx on disbursement (created_at desc, id desc)' })
@Index({ name: 'disbursement_voucher_key', expression: 'create unique index disbursement_voucher_key on disbursement (fund_id, voucher_year, voucher_seq) where voucher_seq is not null' })
export class Disbursement {
  [OptionalProps]?: 'createdAt' | 'status' | 'documents' | 'inKind';

  @Field(() => ID)
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Fund, ref: true, deleteRule: 'restrict' })
  fund!: Ref<Fund>;

  @Field(() => String, { nullable: true, description: 'Voucher number, gapless per fund and year, given on payment: PC-2025-000045' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  voucherNumber?: string;

  @Property({ type: 'integer', nullable: true })
  voucherYear?: number;

  @Property({ type: 'integer', nullable: true })
  voucherSeq?: number;

  @Field(() => Money)
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Field(() => DisbursementCategory)
  @Enum({ items: () => DisbursementCategory, nativeEnumName: 'disbursement_category' })
  category!: DisbursementCategory;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  payeeName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  payeeIdNumber?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  payeeAddress?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  payeeBankAccount?: string;

  @Field(() => String, { description: 'What the money is for (nội dung chi)' })
  @Property({ type: 'string', columnType: 'text' })
  purpose!: string;

  @Field(() => Boolean, { description: 'Paid in goods from the fund’s in-kind holdings (a gift campaign’s packages), not in money' })
  @Property({ type: 'boolean', default: false })
  inKind: boolean = false;

  @Field(() => ProjectType, { nullable: true })
  @Enum({ items: () => ProjectType, nativeEnumName: 'project_type', nullable: true })
  projectType?: ProjectType;

  @Field(() => ID, { nullable: true, description: 'The housing grant, memorial work or child support case paid' })
  @Property({ type: new BigIntType('number'), nullable: true })
  projectId?: number;

  @Field(() => [String], { description: 'Supporting documents: decision numbers, minutes, invoices' })
  @Property({ type: 'json', columnType: 'jsonb', default: '[]' })
  documents: string[] = [];

  @ManyToOne({ entity: () => Fund, ref: true, nullable: true, deleteRule: 'restrict' })
  targetFund?: Ref<Fund>;

  @Property({ type: 'string', columnType: 'text', unique: true })
  idempotencyKey!: string;

  @Field(() => DisbursementStatus)
  @Enum({ items: () => DisbursementStatus, nativeEnumName: 'disbursement_status', default: DisbursementStatus.DRAFT })
  status: DisbursementStatus = DisbursementStatus.DRAFT;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'restrict' })
  submittedBy?: Ref<User>;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  submittedAt?: Date;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'restrict' })
  approvedBy?: Ref<User>;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  approvedAt?: Date;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'restrict' })
  decidedBy?: Ref<User>;

  @Field(() => String, { nullable: true, description: 'Why it was rejected or cancelled' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  reason?: string;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'restrict' })
  paidBy?: Ref<User>;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  paidOn?: string;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt?: Date;

  @ManyToOne({ entity: () => LedgerTransaction, ref: true, nullable: true, deleteRule: 'restrict' })
  transaction?: Ref<LedgerTransaction>;
}

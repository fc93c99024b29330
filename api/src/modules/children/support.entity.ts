import { BigIntType, Check, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { Fund } from '../funds/fund.entity';
import { User } from '../users/user.entity';
import { Child } from './child.entity';

/**
 * A scholarship (học bổng) for one school year, paid per term by disbursements linked to it
 * (projectType SCHOLARSHIP), each at most the term's amount.
 */
@ObjectType({ description: 'A scholarship for a school year, paid per term (học bổng)' })
@Entity({ tableName: 'scholarship' })
@Unique({ properties: ['child', 'schoolYear'] })
@Check({ name: 'scholarship_check', expression: "(amount_per_term > 0) AND (terms >= 1) AND (terms <= 3) AND (school_year ~ '^[0-9]{4}-[0-9]{4}$'::text)" })
export class Scholarship {
  [OptionalProps]?: 'createdAt' | 'childId' | 'fundId';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Child, ref: true, index: true, deleteRule: 'restrict' })
  child!: Ref<Child>;

  @ManyToOne({ entity: () => Fund, ref: true, deleteRule: 'restrict' })
  fund!: Ref<Fund>;

  @Field(() => String, { description: 'e.g. 2025-2026' })
  @Property({ type: 'string', columnType: 'text' })
  schoolYear!: string;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  school!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  grade?: string;

  @Field(() => Money)
  @Property({ type: new BigIntType('number') })
  amountPerTerm!: number;

  @Field(() => Int, { description: 'Terms paid in the year (1 to 3)' })
  @Property({ type: 'integer' })
  terms!: number;

  @Field(() => String, { nullable: true, description: 'The decision awarding it' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  decisionNumber?: string;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID)
  get childId(): number {
    return this.child.id;
  }

  @Field(() => ID)
  get fundId(): number {
    return this.fund.id;
  }
}

export enum SurgeryCondition {
  CONGENITAL_HEART = 'CONGENITAL_HEART',
  EYE = 'EYE',
  CLEFT_LIP_PALATE = 'CLEFT_LIP_PALATE',
  MOTOR_DISABILITY = 'MOTOR_DISABILITY',
  OTHER = 'OTHER',
}
registerEnumType(SurgeryCondition, { name: 'SurgeryCondition', description: 'Tim bẩm sinh, bệnh về mắt, hở môi – hàm ếch, khuyết tật vận động, khác' });

export enum SurgeryStatus {
  REFERRED = 'REFERRED',
  APPROVED = 'APPROVED',
  OPERATED = 'OPERATED',
  FOLLOW_UP = 'FOLLOW_UP',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SurgeryStatus, { name: 'SurgeryStatus', description: 'Được giới thiệu, đã duyệt hỗ trợ, đã phẫu thuật, theo dõi sau mổ, kết thúc, huỷ' });

/**
 * Surgery support for a child (hỗ trợ phẫu thuật): REFERRED → APPROVED → OPERATED → FOLLOW_UP →
 * CLOSED (or CANCELLED before the operation); the fund's support and the other sponsors are its
 * funding lines, the fund's part paid by disbursements linked to the case.
 */
@ObjectType({ description: 'Surgery support for a child (hỗ trợ phẫu thuật)' })
@Entity({ tableName: 'surgery_case' })
@Check({ name: 'surgery_case_check', expression: '(total_cost > 0) AND (fund_support >= 0) AND (fund_support <= total_cost)' })
export class SurgeryCase {
  [OptionalProps]?: 'createdAt' | 'status' | 'childId' | 'fundId' | 'fundSupport';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Child, ref: true, index: true, deleteRule: 'restrict' })
  child!: Ref<Child>;

  @ManyToOne({ entity: () => Fund, ref: true, deleteRule: 'restrict' })
  fund!: Ref<Fund>;

  @Field(() => SurgeryCondition)
  @Enum({ items: () => SurgeryCondition, nativeEnumName: 'surgery_condition' })
  condition!: SurgeryCondition;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  hospital!: string;

  @Field(() => Money, { description: 'The whole cost of the treatment' })
  @Property({ type: new BigIntType('number') })
  totalCost!: number;

  @Field(() => Money, { description: "The fund's support: its FUND funding line, set on approval" })
  @Property({ type: new BigIntType('number'), default: 0 })
  fundSupport: number = 0;

  @Field(() => SurgeryStatus)
  @Enum({ items: () => SurgeryStatus, nativeEnumName: 'surgery_status', default: SurgeryStatus.REFERRED })
  status: SurgeryStatus = SurgeryStatus.REFERRED;

  @Field(() => GraphQLLocalDate)
  @Property({ type: 'date' })
  referredOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  operatedOn?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  note?: string;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID)
  get childId(): number {
    return this.child.id;
  }

  @Field(() => ID)
  get fundId(): number {
    return this.fund.id;
  }
}

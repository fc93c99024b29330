import { BigIntType, Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { BeneficiaryHousehold } from '../households/household.entity';
import { PolicyRate } from '../policy/policy-rate.entity';
import { AdministrativeUnit } from '../units/unit.entity';
import { User } from '../users/user.entity';

export enum HousingGrantType {
  NEW_BUILD = 'NEW_BUILD',
  REPAIR = 'REPAIR',
}
registerEnumType(HousingGrantType, { name: 'HousingGrantType', description: 'Xây mới, sửa chữa (khung, tường, mái)' });

export enum HousingProgram {
  DECISION_22_2013 = 'DECISION_22_2013',
  DECREE_131_2021 = 'DECREE_131_2021',
  GRATITUDE_HOUSE = 'GRATITUDE_HOUSE',
  OTHER = 'OTHER',
}
registerEnumType(HousingProgram, {
  name: 'HousingProgram',
  description: 'Quyết định 22/2013/QĐ-TTg; Nghị định 131/2021/NĐ-CP (Quyết định 21/2024/QĐ-TTg); nhà tình nghĩa từ Quỹ Đền ơn đáp nghĩa; khác',
});

export enum HousingGrantStatus {
  APPLIED = 'APPLIED',
  VERIFIED = 'VERIFIED',
  APPROVED = 'APPROVED',
  UNDER_CONSTRUCTION = 'UNDER_CONSTRUCTION',
  COMPLETED = 'COMPLETED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
}
registerEnumType(HousingGrantStatus, { name: 'HousingGrantStatus', description: 'Đã nộp hồ sơ, xã xác nhận, đã phê duyệt, đang xây dựng, đã hoàn thành (biên bản bàn giao), đã kết thúc, bị từ chối' });

/**
 * Housing support for a household of a person with meritorious service (DESIGN §2). The support
 * is the policy rate in force on the approval date; FUND funding lines are paid in tranches by
 * disbursements linked to the grant, at most the first-tranche share before completion.
 */
@ObjectType({ description: 'A housing grant (hỗ trợ nhà ở người có công)' })
@Entity({ tableName: 'housing_grant' })
@Index({ properties: ['unit', 'status'] })
@Index({
  name: 'housing_grant_once_key',
  expression: "create unique index housing_grant_once_key on housing_grant (household_id, type, program) where status <> 'REJECTED'",
})
@Check({
  name: 'housing_grant_check',
  expression:
    "((status = ANY (ARRAY['APPLIED'::housing_grant_status, 'VERIFIED'::housing_grant_status, 'REJECTED'::housing_grant_status])) OR ((amount > 0) AND (approved_on IS NOT NULL) AND (decision_number IS NOT NULL) AND (first_tranche_limit IS NOT NULL))) AND ((status <> ALL (ARRAY['COMPLETED'::housing_grant_status, 'CLOSED'::housing_grant_status])) OR ((handover_number IS NOT NULL) AND (handover_date IS NOT NULL))) AND ((status <> 'REJECTED'::housing_grant_status) OR (rejection_reason IS NOT NULL))",
})
export class HousingGrant {
  [OptionalProps]?: 'createdAt' | 'status' | 'householdId' | 'unitId' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => BeneficiaryHousehold, ref: true, index: true, deleteRule: 'restrict' })
  household!: Ref<BeneficiaryHousehold>;

  /** The household's commune when it applied: the grant's scope and the reports' commune. */
  @ManyToOne({ entity: () => AdministrativeUnit, ref: true, deleteRule: 'restrict' })
  unit!: Ref<AdministrativeUnit>;

  @Field(() => HousingGrantType)
  @Enum({ items: () => HousingGrantType, nativeEnumName: 'housing_grant_type' })
  type!: HousingGrantType;

  @Field(() => HousingProgram)
  @Enum({ items: () => HousingProgram, nativeEnumName: 'housing_program' })
  program!: HousingProgram;

  @Field(() => HousingGrantStatus)
  @Enum({ items: () => HousingGrantStatus, nativeEnumName: 'housing_grant_status', default: HousingGrantStatus.APPLIED })
  status: HousingGrantStatus = HousingGrantStatus.APPLIED;

  @Field(() => GraphQLLocalDate)
  @Property({ type: 'date' })
  appliedOn!: string;

  @Field(() => String, { nullable: true, description: 'The house today and what the family asks for' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  description?: string;

  @Field(() => Money, { nullable: true, description: 'The support, from the policy rate in force on the approval date' })
  @Property({ type: new BigIntType('number'), nullable: true })
  amount?: number;

  @ManyToOne({ entity: () => PolicyRate, ref: true, nullable: true, deleteRule: 'restrict' })
  rate?: Ref<PolicyRate>;

  @Field(() => Money, { nullable: true, description: 'The whole cost of the house: the sum of the funding lines' })
  @Property({ type: new BigIntType('number'), nullable: true })
  approvedTotal?: number;

  @Field(() => Money, { nullable: true, description: 'The most the tranches may reach before completion (first-tranche share of the fund lines)' })
  @Property({ type: new BigIntType('number'), nullable: true })
  firstTrancheLimit?: number;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  approvedOn?: string;

  @Field(() => String, { nullable: true, description: 'The approval decision (quyết định phê duyệt)' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  decisionNumber?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  constructionStartedOn?: string;

  @Field(() => String, { nullable: true, description: 'Handover minutes (biên bản nghiệm thu, bàn giao) confirming completion' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  handoverNumber?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  handoverDate?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  closedOn?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  rejectionReason?: string;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => ID)
  get householdId(): number {
    return this.household.id;
  }

  @Field(() => ID, { description: 'The commune' })
  get unitId(): number {
    return this.unit.id;
  }
}

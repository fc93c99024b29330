import { BigIntType, Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { AdministrativeUnit } from '../units/unit.entity';
import { User } from '../users/user.entity';

export enum MemorialWorkKind {
  CEMETERY = 'CEMETERY',
  MEMORIAL = 'MEMORIAL',
  TEMPLE = 'TEMPLE',
  NAME_STELE = 'NAME_STELE',
  GRAVE = 'GRAVE',
}
registerEnumType(MemorialWorkKind, { name: 'MemorialWorkKind', description: 'Nghĩa trang, đài tưởng niệm, đền thờ, nhà bia ghi tên, mộ liệt sĩ (Nghị định 131/2021, Điều 151–152)' });

export enum MemorialWorkScope {
  NEW = 'NEW',
  UPGRADE = 'UPGRADE',
  REPAIR = 'REPAIR',
}
registerEnumType(MemorialWorkScope, { name: 'MemorialWorkScope', description: 'Xây mới, nâng cấp, sửa chữa' });

export enum MemorialWorkStatus {
  PLANNED = 'PLANNED',
  APPROVED = 'APPROVED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  SETTLED = 'SETTLED',
}
registerEnumType(MemorialWorkStatus, { name: 'MemorialWorkStatus', description: 'Kế hoạch, đã phê duyệt, đang thi công, đã hoàn thành, đã quyết toán' });

/**
 * A memorial work for martyrs (công trình ghi công liệt sĩ). Its support (the CENTRAL_BUDGET and
 * FUND funding lines) stays within the caps of the policy rates: a share of the cost, a cap by the
 * level of its unit (halved for repairs), and per grave for graves.
 */
@ObjectType({ description: 'A memorial work (công trình ghi công liệt sĩ)' })
@Entity({ tableName: 'memorial_work' })
@Index({ properties: ['unit', 'status'] })
@Check({
  name: 'memorial_work_check',
  expression:
    "(approved_cost > 0) AND (support_amount >= 0) AND (support_amount <= approved_cost) AND ((progress >= 0) AND (progress <= 100)) AND ((kind <> 'GRAVE'::memorial_work_kind) OR (grave_count > 0)) AND ((planned_end_on IS NULL) OR (start_on IS NULL) OR (planned_end_on >= start_on))",
})
export class MemorialWork {
  [OptionalProps]?: 'createdAt' | 'status' | 'progress' | 'unitId' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Field(() => MemorialWorkKind)
  @Enum({ items: () => MemorialWorkKind, nativeEnumName: 'memorial_work_kind' })
  kind!: MemorialWorkKind;

  @Field(() => MemorialWorkScope)
  @Enum({ items: () => MemorialWorkScope, nativeEnumName: 'memorial_work_scope' })
  scope!: MemorialWorkScope;

  /** The unit that owns the work: its level sets the cap. */
  @ManyToOne({ entity: () => AdministrativeUnit, ref: true, deleteRule: 'restrict' })
  unit!: Ref<AdministrativeUnit>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  location?: string;

  @Field(() => Int, { nullable: true, description: 'For graves: how many' })
  @Property({ type: 'integer', nullable: true })
  graveCount?: number;

  @Field(() => Money, { description: 'The approved cost (tổng mức đầu tư): the sum of the funding lines' })
  @Property({ type: new BigIntType('number') })
  approvedCost!: number;

  @Field(() => Money, { description: 'The support: the CENTRAL_BUDGET and FUND funding lines, within the caps' })
  @Property({ type: new BigIntType('number') })
  supportAmount!: number;

  @Field(() => String, { nullable: true, description: 'The approved project document (required from the threshold rate, 500 million)' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  projectDocumentNumber?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  contractor?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  startOn?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  plannedEndOn?: string;

  @Field(() => MemorialWorkStatus)
  @Enum({ items: () => MemorialWorkStatus, nativeEnumName: 'memorial_work_status', default: MemorialWorkStatus.PLANNED })
  status: MemorialWorkStatus = MemorialWorkStatus.PLANNED;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  approvedOn?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  decisionNumber?: string;

  @Field(() => Int, { description: 'The latest progress report, in percent' })
  @Property({ type: 'integer', default: 0 })
  progress: number = 0;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  completedOn?: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  settledOn?: string;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => ID)
  get unitId(): number {
    return this.unit.id;
  }
}

@ObjectType({ description: 'A dated progress report of a memorial work' })
@Entity({ tableName: 'memorial_progress' })
@Check({ name: 'memorial_progress_check', expression: '(percent >= 0) AND (percent <= 100)' })
export class MemorialProgress {
  [OptionalProps]?: 'createdAt' | 'createdById';

  @Field(() => ID)
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => MemorialWork, ref: true, index: true, deleteRule: 'restrict' })
  work!: Ref<MemorialWork>;

  @Field(() => GraphQLLocalDate)
  @Property({ type: 'date' })
  reportedOn!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  percent!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  note?: string;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID)
  get createdById(): number {
    return this.createdBy.id;
  }
}

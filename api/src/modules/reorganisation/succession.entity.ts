import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLLocalDate } from '../../common/local-date';
import { AdministrativeUnit, UnitLevel } from '../units/unit.entity';
import { User } from '../users/user.entity';

export enum SuccessionStatus {
  DRAFT = 'DRAFT',
  APPLIED = 'APPLIED',
}
registerEnumType(SuccessionStatus, { name: 'SuccessionStatus', description: 'Dự thảo, đã áp dụng' });

export enum SuccessionKind {
  /** The predecessor ends the day before the event and the successor takes it over (funds, users, open projects). */
  ABSORBED = 'ABSORBED',
  /** The predecessor continues, placed under a new parent (the successor). */
  REPARENTED = 'REPARENTED',
}
registerEnumType(SuccessionKind, { name: 'SuccessionKind', description: 'Sáp nhập (đơn vị chấm dứt) hoặc chuyển trực thuộc' });

/** A unit created when the event is applied (e.g. a new commune formed by merging communes). */
export interface NewUnitSpec {
  code: string;
  name: string;
  nameWithType: string;
  type: string;
  level: UnitLevel;
  parentId: number;
  /** Set when the event is applied. */
  unitId?: number;
}

/**
 * A succession event (sắp xếp đơn vị hành chính): a resolution that ends, merges or moves units from
 * one date. Recorded as a DRAFT, then applied once, in one transaction (succession.service.ts).
 */
@ObjectType({ description: 'A reorganisation of administrative units (succession event) with its legal basis and date' })
@Entity({ tableName: 'unit_succession_event' })
@Check({ name: 'unit_succession_event_applied_check', expression: "(status = 'APPLIED'::succession_status) = (applied_at IS NOT NULL)" })
export class UnitSuccessionEvent {
  [OptionalProps]?: 'createdAt' | 'status' | 'newUnits' | 'createdById' | 'appliedById';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Field(() => String, { description: 'The resolution or law and its date, e.g. "Nghị quyết 1674/NQ-UBTVQH15 ngày 16/6/2025"' })
  @Property({ type: 'string', columnType: 'text' })
  legalBasis!: string;

  @Field(() => GraphQLLocalDate, { description: 'First day of the new arrangement; ended units end the day before' })
  @Property({ type: 'date' })
  effectiveOn!: string;

  @Field(() => SuccessionStatus)
  @Enum({ items: () => SuccessionStatus, nativeEnumName: 'succession_status', default: SuccessionStatus.DRAFT })
  status: SuccessionStatus = SuccessionStatus.DRAFT;

  /** Units created on apply (NewUnitSpec[]); lines name them by code. */
  @Property({ type: 'json', columnType: 'jsonb', default: '[]' })
  newUnits: NewUnitSpec[] = [];

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'restrict' })
  appliedBy?: Ref<User>;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  appliedAt?: Date;

  @OneToMany({ entity: () => UnitSuccessionLine, mappedBy: 'event', orderBy: { position: 'ASC' } })
  lines = new Collection<UnitSuccessionLine>(this);

  @Field(() => ID)
  get createdById(): number {
    return this.createdBy.id;
  }

  @Field(() => ID, { nullable: true })
  get appliedById(): number | undefined {
    return this.appliedBy?.id;
  }
}

/** One unit's fate in an event: absorbed by its successor, or moved under a new parent. */
@ObjectType({ description: 'One line of a succession event' })
@Entity({ tableName: 'unit_succession_line' })
@Index({ properties: ['predecessor'] })
@Check({ name: 'unit_succession_line_successor_check', expression: '(successor_id IS NOT NULL) OR (new_unit_code IS NOT NULL)' })
export class UnitSuccessionLine {
  [OptionalProps]?: 'predecessorId' | 'successorId';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => UnitSuccessionEvent, ref: true, index: true, deleteRule: 'cascade' })
  event!: Ref<UnitSuccessionEvent>;

  @Field(() => Number, { description: 'Order of the line in the event, from 1' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => SuccessionKind)
  @Enum({ items: () => SuccessionKind, nativeEnumName: 'succession_kind' })
  kind!: SuccessionKind;

  @ManyToOne({ entity: () => AdministrativeUnit, ref: true, deleteRule: 'restrict' })
  predecessor!: Ref<AdministrativeUnit>;

  /** The existing successor (or new parent); for a new unit, set when the event is applied. */
  @ManyToOne({ entity: () => AdministrativeUnit, ref: true, nullable: true, deleteRule: 'restrict' })
  successor?: Ref<AdministrativeUnit>;

  @Field(() => String, { nullable: true, description: 'Code of the unit created on apply that succeeds the predecessor' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  newUnitCode?: string;

  @Field(() => ID)
  get predecessorId(): number {
    return this.predecessor.id;
  }

  @Field(() => ID, { nullable: true, description: 'The successor (or new parent); for a new unit, once the event is applied' })
  get successorId(): number | undefined {
    return this.successor?.id;
  }
}

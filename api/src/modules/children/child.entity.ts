import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { AdministrativeUnit } from '../units/unit.entity';
import { User } from '../users/user.entity';

/** A group of children in special circumstances (Law on Children 2016, art. 10): reference data. */
@ObjectType({ description: 'A group of children in special circumstances (trẻ em có hoàn cảnh đặc biệt)' })
@Entity({ tableName: 'child_circumstance' })
export class ChildCircumstance {
  [PrimaryKeyProp]?: 'code';

  @Field(() => ID, { description: 'e.g. ORPHAN_BOTH' })
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  source!: string;
}

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender', description: 'Nam, nữ' });

/**
 * A child supported by the Child Protection Fund (under 16, Law on Children 2016 art. 1). Names,
 * birth dates and the guardian's contact are personal data: shown in full only to the roles that
 * work with them (field resolvers), and every full read of a profile is in the audit trail.
 */
@ObjectType({ description: 'A child in special circumstances (trẻ em)' })
@Entity({ tableName: 'child' })
export class Child {
  [OptionalProps]?: 'createdAt' | 'unitId' | 'circumstanceCode' | 'searchText';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Exposed through a field resolver: masked except for the roles that need it. */
  @Property({ type: 'string', columnType: 'text' })
  fullName!: string;

  /** Exposed through a field resolver: the year only, except for the roles that need it. */
  @Property({ type: 'date' })
  birthDate!: string;

  @Field(() => Gender)
  @Enum({ items: () => Gender, nativeEnumName: 'gender' })
  gender!: Gender;

  /** The commune the child lives in. */
  @ManyToOne({ entity: () => AdministrativeUnit, ref: true, index: true, deleteRule: 'restrict' })
  unit!: Ref<AdministrativeUnit>;

  @ManyToOne({ entity: () => ChildCircumstance, ref: true, deleteRule: 'restrict' })
  circumstance!: Ref<ChildCircumstance>;

  @Property({ type: 'string', columnType: 'text' })
  guardianName!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  guardianPhone?: string;

  @Property({ type: 'string', columnType: 'text' })
  address!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  note?: string;

  @Property({ type: 'string', columnType: 'text', generated: "(vi_fold(full_name || ' ' || guardian_name || ' ' || address)) stored", lazy: true, hidden: true })
  searchText?: string;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID, { description: 'The commune' })
  get unitId(): number {
    return this.unit.id;
  }

  @Field(() => ID)
  get circumstanceCode(): string {
    return this.circumstance.code;
  }
}

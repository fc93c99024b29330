import { Check, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Role } from '../../common/permissions';
import { AdministrativeUnit } from '../units/unit.entity';

@ObjectType({ description: 'A person who signs in to Sổ Quỹ' })
@Entity({ tableName: 'app_user' })
@Check({ name: 'app_user_email_check', expression: "(email = lower(email)) AND (email ~~ '%_@_%'::text)" })
export class User {
  [OptionalProps]?: 'active' | 'tokenVersion' | 'createdAt' | 'updatedAt' | 'unitId';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Stored lower-cased; unique. */
  @Field(() => String)
  @Property({ type: 'string', columnType: 'text', unique: true })
  email!: string;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  fullName!: string;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  role!: Role;

  @ManyToOne({ entity: () => AdministrativeUnit, ref: true, index: true, deleteRule: 'restrict' })
  unit!: Ref<AdministrativeUnit>;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /** argon2id hash; never exposed, never logged. */
  @Property({ type: 'string', columnType: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  /** Raised on password reset, deactivation, role or unit change: older tokens stop working. */
  @Property({ type: 'integer', default: 0 })
  tokenVersion: number = 0;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastLoginAt?: Date;

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

import { Check, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { AdministrativeUnit } from '../units/unit.entity';
import { User } from '../users/user.entity';

/** A category of people with meritorious service (Ordinance 02/2020/UBTVQH14, art. 3): reference data, editable. */
@ObjectType({ description: 'A category of people with meritorious service (đối tượng người có công)' })
@Entity({ tableName: 'merit_category' })
export class MeritCategory {
  [PrimaryKeyProp]?: 'code';

  @Field(() => ID, { description: 'e.g. WAR_INVALID' })
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  source!: string;

}

export enum HouseCondition {
  SOLID = 'SOLID',
  SEMI_SOLID = 'SEMI_SOLID',
  DILAPIDATED = 'DILAPIDATED',
  TEMPORARY = 'TEMPORARY',
  NO_HOUSE = 'NO_HOUSE',
}
registerEnumType(HouseCondition, { name: 'HouseCondition', description: 'Nhà kiên cố, bán kiên cố, dột nát, nhà tạm, chưa có nhà' });

@ObjectType({ description: 'A person with meritorious service and their household (hộ người có công)' })
@Entity({ tableName: 'beneficiary_household' })
@Check({ name: 'beneficiary_household_check', expression: "(household_size > 0) AND (national_id ~ '^[0-9]{12}$'::text)" })
export class BeneficiaryHousehold {
  [OptionalProps]?: 'createdAt' | 'unitId' | 'meritCategoryCode' | 'searchText';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'The person with meritorious service (or the relative entitled)' })
  @Property({ type: 'string', columnType: 'text' })
  personName!: string;

  /** Exposed through a field resolver: masked except for the roles that need it. */
  @Property({ type: 'string', columnType: 'text', unique: true })
  nationalId!: string;

  @ManyToOne({ entity: () => MeritCategory, ref: true, deleteRule: 'restrict' })
  meritCategory!: Ref<MeritCategory>;

  /** The commune the household lives in. */
  @ManyToOne({ entity: () => AdministrativeUnit, ref: true, index: true, deleteRule: 'restrict' })
  unit!: Ref<AdministrativeUnit>;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  address!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  householdSize!: number;

  @Field(() => HouseCondition)
  @Enum({ items: () => HouseCondition, nativeEnumName: 'house_condition' })
  houseCondition!: HouseCondition;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  phone?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  note?: string;

  @Property({ type: 'string', columnType: 'text', generated: "(vi_fold(person_name || ' ' || address)) stored", lazy: true, hidden: true })
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
  get meritCategoryCode(): string {
    return this.meritCategory.code;
  }
}

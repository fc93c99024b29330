import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from '../../common/local-date';

export enum UnitLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
registerEnumType(UnitLevel, { name: 'UnitLevel', description: 'Tỉnh, huyện, xã' });

/** An administrative unit (tỉnh / huyện / xã) with the statistics office's code. */
@ObjectType({ description: 'An administrative unit: province, district or commune' })
@Entity({ tableName: 'administrative_unit' })
// Check expressions are written as PostgreSQL prints them back, so that schema diffs stay empty.
@Check({ name: 'administrative_unit_path_check', expression: "(path ~ '^/([0-9]+/)+$'::text) AND (path ~~ (('%/'::text || id) || '/'::text))" })
@Check({ name: 'administrative_unit_valid_check', expression: 'valid_to is null or valid_from is null or valid_to >= valid_from' })
export class AdministrativeUnit {
  [OptionalProps]?: 'createdAt' | 'searchText' | 'path';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: "The General Statistics Office's code, e.g. 36 or 13741" })
  @Property({ type: 'string', columnType: 'text', unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Field(() => String, { description: 'Name with its type, e.g. "Thị trấn Gôi"' })
  @Property({ type: 'string', columnType: 'text' })
  nameWithType!: string;

  @Field(() => String, { description: 'Kind of unit: tinh, thanh-pho, huyen, thi-xa, phuong, xa, thi-tran' })
  @Property({ type: 'string', columnType: 'text' })
  type!: string;

  @Field(() => UnitLevel)
  @Enum({ items: () => UnitLevel, nativeEnumName: 'unit_level' })
  level!: UnitLevel;

  @ManyToOne({ entity: () => AdministrativeUnit, nullable: true, ref: true, index: true, deleteRule: 'restrict' })
  parent?: Ref<AdministrativeUnit>;

  /**
   * Materialised path of ids, "/1/12/130/": the one basis of scoping (see common/scope.ts).
   * Maintained by the database (trigger administrative_unit_path), never by code.
   */
  @Index({ name: 'administrative_unit_path_idx', expression: 'create index administrative_unit_path_idx on administrative_unit (path text_pattern_ops)' })
  @Property({ type: 'string', columnType: 'text', defaultRaw: "''" })
  path!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day the unit exists in this form' })
  @Property({ type: 'date', nullable: true })
  validFrom?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day the unit exists in this form (after a reorganisation)' })
  @Property({ type: 'date', nullable: true })
  validTo?: string;

  /** Folded name and code for search without diacritics; computed by PostgreSQL. */
  @Property({
    type: 'string',
    columnType: 'text',
    generated: "(vi_fold(name_with_type || ' ' || code)) stored",
    lazy: true,
    hidden: true,
  })
  searchText?: string;

  /**
   * The unit that took this one over when a reorganisation ended it (set only by applying a
   * succession event). SQL function unit_current_id(id) follows the chain to today's unit.
   */
  @ManyToOne({ entity: () => AdministrativeUnit, nullable: true, ref: true, deleteRule: 'restrict' })
  successor?: Ref<AdministrativeUnit>;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { AdministrativeUnit } from '../units/unit.entity';

export enum DonorType {
  INDIVIDUAL = 'INDIVIDUAL',
  ENTERPRISE = 'ENTERPRISE',
  AGENCY = 'AGENCY',
  ORGANISATION = 'ORGANISATION',
  ANONYMOUS = 'ANONYMOUS',
}
registerEnumType(DonorType, { name: 'DonorType', description: 'Cá nhân, doanh nghiệp, cơ quan, tổ chức, ẩn danh' });

@ObjectType({ description: 'A person or body who gives to a fund (nhà hảo tâm)' })
@Entity({ tableName: 'donor' })
@Check({ name: 'donor_name_check', expression: "length(btrim(name)) > 0" })
@Index({ name: 'donor_tax_code_idx', expression: 'create index donor_tax_code_idx on donor (tax_code) where tax_code is not null' })
@Index({ name: 'donor_id_number_idx', expression: 'create index donor_id_number_idx on donor (id_number) where id_number is not null' })
export class Donor {
  [OptionalProps]?: 'createdAt' | 'unitId' | 'searchText';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => DonorType)
  @Enum({ items: () => DonorType, nativeEnumName: 'donor_type' })
  type!: DonorType;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Mã số thuế (enterprises, agencies, organisations)' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  taxCode?: string;

  @Field(() => String, { nullable: true, description: 'Số CCCD/CMND (individuals)' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  idNumber?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  phone?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  address?: string;

  /** The unit that recorded the donor: scope. */
  @ManyToOne({ entity: () => AdministrativeUnit, ref: true, index: true, deleteRule: 'restrict' })
  unit!: Ref<AdministrativeUnit>;

  @Property({ type: 'string', columnType: 'text', generated: "(vi_fold(name || ' ' || coalesce(tax_code, '') || ' ' || coalesce(id_number, ''))) stored", lazy: true, hidden: true })
  searchText?: string;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID)
  get unitId(): number {
    return this.unit.id;
  }
}

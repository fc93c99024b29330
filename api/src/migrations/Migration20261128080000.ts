import { Migration } from '@mikro-orm/migrations';

/** Merit categories (reference data) and the households of people with meritorious service. */
export class Migration20261128080000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "house_condition" as enum ('SOLID', 'SEMI_SOLID', 'DILAPIDATED', 'TEMPORARY', 'NO_HOUSE');`);
    this.addSql(`create table "merit_category" ("code" text not null, "name" text not null, "source" text not null, constraint "merit_category_pkey" primary key ("code"));`);

    this.addSql(`create table "beneficiary_household" ("id" serial primary key, "person_name" text not null, "national_id" text not null, "merit_category_code" text not null, "unit_id" int not null, "address" text not null, "household_size" int not null, "house_condition" "house_condition" not null, "phone" text null, "note" text null, "search_text" text generated always as (vi_fold(person_name || ' ' || address)) stored not null, "created_by_id" int not null, "created_at" timestamptz not null default now(), constraint beneficiary_household_check check ((household_size > 0) AND (national_id ~ '^[0-9]{12}\$'::text)));`);
    this.addSql(`alter table "beneficiary_household" add constraint "beneficiary_household_national_id_unique" unique ("national_id");`);
    this.addSql(`create index "beneficiary_household_unit_id_index" on "beneficiary_household" ("unit_id");`);

    this.addSql(`alter table "beneficiary_household" add constraint "beneficiary_household_merit_category_code_foreign" foreign key ("merit_category_code") references "merit_category" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "beneficiary_household" add constraint "beneficiary_household_unit_id_foreign" foreign key ("unit_id") references "administrative_unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "beneficiary_household" add constraint "beneficiary_household_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "beneficiary_household" drop constraint "beneficiary_household_merit_category_code_foreign";`);

    this.addSql(`drop table if exists "merit_category" cascade;`);

    this.addSql(`drop table if exists "beneficiary_household" cascade;`);

    this.addSql(`drop type "house_condition";`);
  }

}

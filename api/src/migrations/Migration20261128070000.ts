import { Migration } from '@mikro-orm/migrations';

/** Policy rates with their effective dates and legal basis. */
export class Migration20261128070000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "policy_rate" ("id" serial primary key, "code" text not null, "category" text null, "amount" bigint not null, "effective_from" date not null, "effective_to" date null, "legal_basis" text not null, "to_be_confirmed" boolean not null default false, constraint policy_rate_check check ((amount > 0) AND ((effective_to IS NULL) OR (effective_to >= effective_from))));`);
    this.addSql(`create index "policy_rate_code_effective_from_index" on "policy_rate" ("code", "effective_from");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "policy_rate" cascade;`);
  }

}

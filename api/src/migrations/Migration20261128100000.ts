import { Migration } from '@mikro-orm/migrations';

/**
 * Children in special circumstances and the Child Protection Fund's programs: gift campaigns with
 * their distribution lists, scholarships, surgery cases; in-kind disbursements.
 */
export class Migration20261128100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "gift_occasion" as enum ('TET', 'CHILDREN_DAY', 'MID_AUTUMN', 'OTHER');`);
    this.addSql(`create type "gift_form" as enum ('CASH', 'IN_KIND');`);
    this.addSql(`create type "gender" as enum ('MALE', 'FEMALE');`);
    this.addSql(`create type "surgery_condition" as enum ('CONGENITAL_HEART', 'EYE', 'CLEFT_LIP_PALATE', 'MOTOR_DISABILITY', 'OTHER');`);
    this.addSql(`create type "surgery_status" as enum ('REFERRED', 'APPROVED', 'OPERATED', 'FOLLOW_UP', 'CLOSED', 'CANCELLED');`);
    this.addSql(`create type "gift_recipient_status" as enum ('PENDING', 'HANDED_OVER', 'RETURNED');`);
    this.addSql(`create table "child_circumstance" ("code" text not null, "name" text not null, "source" text not null, constraint "child_circumstance_pkey" primary key ("code"));`);

    this.addSql(`create table "gift_campaign" ("id" serial primary key, "fund_id" int not null, "name" text not null, "occasion" "gift_occasion" not null, "gift_date" date not null, "form" "gift_form" not null, "amount_per_child" bigint not null, "package_description" text null, "unit_ids" jsonb not null, "circumstances" jsonb not null, "max_age" int null, "idempotency_key" text not null, "created_by_id" int not null, "created_at" timestamptz not null default now(), constraint gift_campaign_check check ((amount_per_child > 0) AND ((form = 'IN_KIND'::gift_form) = (package_description IS NOT NULL))));`);
    this.addSql(`alter table "gift_campaign" add constraint "gift_campaign_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(`create table "child" ("id" serial primary key, "full_name" text not null, "birth_date" date not null, "gender" "gender" not null, "unit_id" int not null, "circumstance_code" text not null, "guardian_name" text not null, "guardian_phone" text null, "address" text not null, "note" text null, "search_text" text generated always as (vi_fold(full_name || ' ' || guardian_name || ' ' || address)) stored not null, "created_by_id" int not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "child_unit_id_index" on "child" ("unit_id");`);

    this.addSql(`create table "surgery_case" ("id" serial primary key, "child_id" int not null, "fund_id" int not null, "condition" "surgery_condition" not null, "hospital" text not null, "total_cost" bigint not null, "fund_support" bigint not null default 0, "status" "surgery_status" not null default 'REFERRED', "referred_on" date not null, "operated_on" date null, "note" text null, "created_by_id" int not null, "created_at" timestamptz not null default now(), constraint surgery_case_check check ((total_cost > 0) AND (fund_support >= 0) AND (fund_support <= total_cost)));`);
    this.addSql(`create index "surgery_case_child_id_index" on "surgery_case" ("child_id");`);

    this.addSql(`create table "scholarship" ("id" serial primary key, "child_id" int not null, "fund_id" int not null, "school_year" text not null, "school" text not null, "grade" text null, "amount_per_term" bigint not null, "terms" int not null, "decision_number" text null, "created_by_id" int not null, "created_at" timestamptz not null default now(), constraint scholarship_check check ((amount_per_term > 0) AND (terms >= 1) AND (terms <= 3) AND (school_year ~ '^[0-9]{4}-[0-9]{4}\$'::text)));`);
    this.addSql(`create index "scholarship_child_id_index" on "scholarship" ("child_id");`);
    this.addSql(`alter table "scholarship" add constraint "scholarship_child_id_school_year_unique" unique ("child_id", "school_year");`);

    this.addSql(`create table "gift_recipient" ("id" bigserial primary key, "campaign_id" int not null, "child_id" int not null, "disbursement_id" bigint not null, "unit_id" int not null, "amount" bigint not null, "status" "gift_recipient_status" not null default 'PENDING', "closed_on" date null, "return_reason" text null, "return_transaction_id" bigint null, constraint gift_recipient_check check ((amount > 0) AND ((status = 'RETURNED'::gift_recipient_status) = (return_transaction_id IS NOT NULL))));`);
    this.addSql(`create index "gift_recipient_child_id_index" on "gift_recipient" ("child_id");`);
    this.addSql(`create index "gift_recipient_disbursement_id_index" on "gift_recipient" ("disbursement_id");`);
    this.addSql(`create index "gift_recipient_campaign_id_unit_id_index" on "gift_recipient" ("campaign_id", "unit_id");`);
    this.addSql(`alter table "gift_recipient" add constraint "gift_recipient_campaign_id_child_id_unique" unique ("campaign_id", "child_id");`);

    this.addSql(`alter table "gift_campaign" add constraint "gift_campaign_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "gift_campaign" add constraint "gift_campaign_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "child" add constraint "child_unit_id_foreign" foreign key ("unit_id") references "administrative_unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "child" add constraint "child_circumstance_code_foreign" foreign key ("circumstance_code") references "child_circumstance" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "child" add constraint "child_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "surgery_case" add constraint "surgery_case_child_id_foreign" foreign key ("child_id") references "child" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "surgery_case" add constraint "surgery_case_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "surgery_case" add constraint "surgery_case_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "scholarship" add constraint "scholarship_child_id_foreign" foreign key ("child_id") references "child" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "scholarship" add constraint "scholarship_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "scholarship" add constraint "scholarship_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "gift_recipient" add constraint "gift_recipient_campaign_id_foreign" foreign key ("campaign_id") references "gift_campaign" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "gift_recipient" add constraint "gift_recipient_child_id_foreign" foreign key ("child_id") references "child" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "gift_recipient" add constraint "gift_recipient_disbursement_id_foreign" foreign key ("disbursement_id") references "disbursement" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "gift_recipient" add constraint "gift_recipient_unit_id_foreign" foreign key ("unit_id") references "administrative_unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "gift_recipient" add constraint "gift_recipient_return_transaction_id_foreign" foreign key ("return_transaction_id") references "ledger_transaction" ("id") on update cascade on delete restrict;`);

    // CHILD_SUPPORT was reserved, never used: it becomes the gift campaign; scholarships and surgery join it.
    this.addSql(`alter type "project_type" rename value 'CHILD_SUPPORT' to 'GIFT_CAMPAIGN';`);
    this.addSql(`alter type "project_type" add value if not exists 'SCHOLARSHIP' after 'GIFT_CAMPAIGN';`);
    this.addSql(`alter type "project_type" add value if not exists 'SURGERY_CASE' after 'SCHOLARSHIP';`);

    this.addSql(`alter table "disbursement" add column "in_kind" boolean not null default false;`);
    this.addSql(`alter table "disbursement" add constraint disbursement_in_kind_check check(((NOT in_kind) OR (category = 'CHILD_GIFT'::disbursement_category)));`);

    // A line of a distribution list keeps its child, amount and batch; it is handed over or returned once; never deleted.
    this.addSql(`create function gift_recipient_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'gift line % cannot be deleted', old.id using errcode = 'restrict_violation';
        end if;
        if (new.campaign_id, new.child_id, new.disbursement_id, new.unit_id, new.amount)
           is distinct from (old.campaign_id, old.child_id, old.disbursement_id, old.unit_id, old.amount)
           or (new.status is distinct from old.status and old.status <> 'PENDING') then
          raise exception 'gift line % keeps its child, amount and batch, and is handed over or returned once', old.id using errcode = 'restrict_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger gift_recipient_guard before update or delete on gift_recipient for each row execute function gift_recipient_guard();`);

    // Campaigns, scholarships and surgery cases are never deleted; their amounts are set once.
    this.addSql(`create function child_support_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception '% % cannot be deleted', tg_table_name, old.id using errcode = 'restrict_violation';
        end if;
        if tg_table_name = 'gift_campaign' and (to_jsonb(new) - 'name') is distinct from (to_jsonb(old) - 'name') then
          raise exception 'gift campaign % keeps its fund, date, form and amount', old.id using errcode = 'restrict_violation';
        end if;
        if tg_table_name = 'scholarship' and (to_jsonb(new) - 'school' - 'grade' - 'decision_number') is distinct from (to_jsonb(old) - 'school' - 'grade' - 'decision_number') then
          raise exception 'scholarship % keeps its child, fund, year and amounts', old.id using errcode = 'restrict_violation';
        end if;
        if tg_table_name = 'surgery_case' and ((to_jsonb(new) ->> 'child_id', to_jsonb(new) ->> 'fund_id', to_jsonb(new) ->> 'total_cost') is distinct from (to_jsonb(old) ->> 'child_id', to_jsonb(old) ->> 'fund_id', to_jsonb(old) ->> 'total_cost')
           or ((to_jsonb(old) ->> 'fund_support')::bigint <> 0 and to_jsonb(new) ->> 'fund_support' <> to_jsonb(old) ->> 'fund_support')
           or to_jsonb(old) ->> 'status' in ('CLOSED', 'CANCELLED')) then
          raise exception 'surgery case % keeps its child, fund and costs; a closed or cancelled case is final', old.id using errcode = 'restrict_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger gift_campaign_guard before update or delete on gift_campaign for each row execute function child_support_guard();`);
    this.addSql(`create trigger scholarship_guard before update or delete on scholarship for each row execute function child_support_guard();`);
    this.addSql(`create trigger surgery_case_guard before update or delete on surgery_case for each row execute function child_support_guard();`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "child" drop constraint "child_circumstance_code_foreign";`);

    this.addSql(`alter table "gift_recipient" drop constraint "gift_recipient_campaign_id_foreign";`);

    this.addSql(`alter table "surgery_case" drop constraint "surgery_case_child_id_foreign";`);

    this.addSql(`alter table "scholarship" drop constraint "scholarship_child_id_foreign";`);

    this.addSql(`alter table "gift_recipient" drop constraint "gift_recipient_child_id_foreign";`);

    this.addSql(`drop table if exists "child_circumstance" cascade;`);

    this.addSql(`drop table if exists "gift_campaign" cascade;`);

    this.addSql(`drop table if exists "child" cascade;`);

    this.addSql(`drop table if exists "surgery_case" cascade;`);

    this.addSql(`drop table if exists "scholarship" cascade;`);

    this.addSql(`drop table if exists "gift_recipient" cascade;`);

    this.addSql(`alter table "disbursement" drop constraint disbursement_in_kind_check;`);
    this.addSql(`drop function if exists gift_recipient_guard() cascade;`);
    this.addSql(`drop function if exists child_support_guard() cascade;`);
    // PostgreSQL cannot drop enum values: SCHOLARSHIP and SURGERY_CASE stay in project_type.
    this.addSql(`alter type "project_type" rename value 'GIFT_CAMPAIGN' to 'CHILD_SUPPORT';`);
    this.addSql(`alter table "disbursement" drop column "in_kind";`);

    this.addSql(`drop type "gift_occasion";`);
    this.addSql(`drop type "gift_form";`);
    this.addSql(`drop type "gender";`);
    this.addSql(`drop type "surgery_condition";`);
    this.addSql(`drop type "surgery_status";`);
    this.addSql(`drop type "gift_recipient_status";`);
  }

}

import { Migration } from '@mikro-orm/migrations';

/**
 * Policy rates as history (revisions, percentages, names), funding lines and timelines of projects,
 * housing grants and memorial works; the database keeps their history from being rewritten.
 */
export class Migration20261128090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "funding_source" as enum ('CENTRAL_BUDGET', 'LOCAL_BUDGET', 'FUND', 'SPONSOR', 'FAMILY');`);
    this.addSql(`create type "rate_unit" as enum ('VND', 'PERCENT');`);
    this.addSql(`create type "memorial_work_kind" as enum ('CEMETERY', 'MEMORIAL', 'TEMPLE', 'NAME_STELE', 'GRAVE');`);
    this.addSql(`create type "memorial_work_scope" as enum ('NEW', 'UPGRADE', 'REPAIR');`);
    this.addSql(`create type "memorial_work_status" as enum ('PLANNED', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'SETTLED');`);
    this.addSql(`create type "housing_grant_type" as enum ('NEW_BUILD', 'REPAIR');`);
    this.addSql(`create type "housing_program" as enum ('DECISION_22_2013', 'DECREE_131_2021', 'GRATITUDE_HOUSE', 'OTHER');`);
    this.addSql(`create type "housing_grant_status" as enum ('APPLIED', 'VERIFIED', 'APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'CLOSED', 'REJECTED');`);
    this.addSql(`create table "funding_line" ("id" bigserial primary key, "project_type" "project_type" not null, "project_id" bigint not null, "source" "funding_source" not null, "fund_id" int null, "note" text null, "amount" bigint not null, constraint funding_line_check check ((amount > 0) AND ((source = 'FUND'::funding_source) = (fund_id IS NOT NULL))));`);
    this.addSql(`create index "funding_line_fund_id_index" on "funding_line" ("fund_id");`);
    this.addSql(`create index "funding_line_project_type_project_id_index" on "funding_line" ("project_type", "project_id");`);

    this.addSql(`create table "project_event" ("id" bigserial primary key, "project_type" "project_type" not null, "project_id" bigint not null, "action" text not null, "from_status" text null, "to_status" text not null, "occurred_on" date not null, "document" text null, "note" text null, "actor_id" int not null, "at" timestamptz not null default now());`);
    this.addSql(`create index "project_event_project_type_project_id_index" on "project_event" ("project_type", "project_id");`);

    this.addSql(`create table "memorial_work" ("id" bigserial primary key, "name" text not null, "kind" "memorial_work_kind" not null, "scope" "memorial_work_scope" not null, "unit_id" int not null, "location" text null, "grave_count" int null, "approved_cost" bigint not null, "support_amount" bigint not null, "project_document_number" text null, "contractor" text null, "start_on" date null, "planned_end_on" date null, "status" "memorial_work_status" not null default 'PLANNED', "approved_on" date null, "decision_number" text null, "progress" int not null default 0, "completed_on" date null, "settled_on" date null, "created_by_id" int not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint memorial_work_check check ((approved_cost > 0) AND (support_amount >= 0) AND (support_amount <= approved_cost) AND ((progress >= 0) AND (progress <= 100)) AND ((kind <> 'GRAVE'::memorial_work_kind) OR (grave_count > 0)) AND ((planned_end_on IS NULL) OR (start_on IS NULL) OR (planned_end_on >= start_on))));`);
    this.addSql(`create index "memorial_work_unit_id_status_index" on "memorial_work" ("unit_id", "status");`);

    this.addSql(`create table "memorial_progress" ("id" bigserial primary key, "work_id" bigint not null, "reported_on" date not null, "percent" int not null, "note" text null, "created_by_id" int not null, "created_at" timestamptz not null default now(), constraint memorial_progress_check check ((percent >= 0) AND (percent <= 100)));`);
    this.addSql(`create index "memorial_progress_work_id_index" on "memorial_progress" ("work_id");`);

    this.addSql(`create table "housing_grant" ("id" bigserial primary key, "household_id" int not null, "unit_id" int not null, "type" "housing_grant_type" not null, "program" "housing_program" not null, "status" "housing_grant_status" not null default 'APPLIED', "applied_on" date not null, "description" text null, "amount" bigint null, "rate_id" int null, "approved_total" bigint null, "first_tranche_limit" bigint null, "approved_on" date null, "decision_number" text null, "construction_started_on" date null, "handover_number" text null, "handover_date" date null, "closed_on" date null, "rejection_reason" text null, "created_by_id" int not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint housing_grant_check check (((status = ANY (ARRAY['APPLIED'::housing_grant_status, 'VERIFIED'::housing_grant_status, 'REJECTED'::housing_grant_status])) OR ((amount > 0) AND (approved_on IS NOT NULL) AND (decision_number IS NOT NULL) AND (first_tranche_limit IS NOT NULL))) AND ((status <> ALL (ARRAY['COMPLETED'::housing_grant_status, 'CLOSED'::housing_grant_status])) OR ((handover_number IS NOT NULL) AND (handover_date IS NOT NULL))) AND ((status <> 'REJECTED'::housing_grant_status) OR (rejection_reason IS NOT NULL))));`);
    this.addSql(`create index "housing_grant_household_id_index" on "housing_grant" ("household_id");`);
    this.addSql(`create unique index housing_grant_once_key on housing_grant (household_id, type, program) where status <> 'REJECTED';`);
    this.addSql(`create index "housing_grant_unit_id_status_index" on "housing_grant" ("unit_id", "status");`);

    this.addSql(`alter table "funding_line" add constraint "funding_line_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "project_event" add constraint "project_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "memorial_work" add constraint "memorial_work_unit_id_foreign" foreign key ("unit_id") references "administrative_unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "memorial_work" add constraint "memorial_work_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "memorial_progress" add constraint "memorial_progress_work_id_foreign" foreign key ("work_id") references "memorial_work" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "memorial_progress" add constraint "memorial_progress_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "housing_grant" add constraint "housing_grant_household_id_foreign" foreign key ("household_id") references "beneficiary_household" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "housing_grant" add constraint "housing_grant_unit_id_foreign" foreign key ("unit_id") references "administrative_unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "housing_grant" add constraint "housing_grant_rate_id_foreign" foreign key ("rate_id") references "policy_rate" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "housing_grant" add constraint "housing_grant_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "policy_rate" drop constraint policy_rate_check;`);

    this.addSql(`alter table "policy_rate" add column "name" text not null default '', add column "unit" "rate_unit" not null default 'VND', add column "percent" numeric(5,2) null, add column "supersedes_id" int null, add column "reason" text null, add column "created_by_id" int null, add column "created_at" timestamptz not null default now();`);
    this.addSql(`alter table "policy_rate" alter column "amount" type bigint using ("amount"::bigint);`);
    this.addSql(`alter table "policy_rate" alter column "amount" drop not null;`);
    this.addSql(`alter table "policy_rate" add constraint "policy_rate_supersedes_id_foreign" foreign key ("supersedes_id") references "policy_rate" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "policy_rate" add constraint "policy_rate_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "policy_rate" add constraint policy_rate_check check(((effective_to IS NULL) OR (effective_to >= effective_from)) AND (((unit = 'VND'::rate_unit) AND (amount > 0) AND (percent IS NULL)) OR ((unit = 'PERCENT'::rate_unit) AND (percent > (0)::numeric) AND (percent <= (100)::numeric) AND (amount IS NULL))));`);
    // Names of the rates seeded before names existed.
    this.addSql(`update policy_rate set name = case code
        when 'HOUSING_NEW' then 'Hỗ trợ xây mới nhà ở, mỗi hộ'
        when 'HOUSING_REPAIR' then 'Hỗ trợ sửa chữa khung, tường, mái, mỗi hộ'
        when 'MEMORIAL_GRAVE' then 'Hỗ trợ xây mới, sửa chữa mộ liệt sĩ, mỗi mộ'
        else code end
      where name = '';`);

    // Rates are history: a revision adds a row and may only end the one before; periods of one code never overlap.
    this.addSql(`create function policy_rate_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'policy rate % cannot be deleted: revise it from a date instead', old.id using errcode = 'restrict_violation';
        end if;
        if tg_op = 'UPDATE' and (to_jsonb(new) - 'effective_to') is distinct from (to_jsonb(old) - 'effective_to') then
          raise exception 'policy rate % keeps its values: only its end date is set, by a revision', old.id using errcode = 'restrict_violation';
        end if;
        if exists (select 1 from policy_rate r where r.code = new.code and r.id <> new.id
                     and daterange(r.effective_from, r.effective_to, '[]') && daterange(new.effective_from, new.effective_to, '[]')) then
          raise exception 'policy rate % (%) overlaps another rate of the same code', new.id, new.code using errcode = 'exclusion_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger policy_rate_guard before insert or update or delete on policy_rate for each row execute function policy_rate_guard();`);

    // Funding lines, timelines and progress reports are append-only.
    this.addSql(`create function project_history_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% rows are append-only: % refused', tg_table_name, tg_op using errcode = 'restrict_violation';
      end $$;`);
    this.addSql(`create trigger funding_line_append_only before update or delete on funding_line for each row execute function project_history_refuse_change();`);
    this.addSql(`create trigger project_event_append_only before update or delete on project_event for each row execute function project_history_refuse_change();`);
    this.addSql(`create trigger memorial_progress_append_only before update or delete on memorial_progress for each row execute function project_history_refuse_change();`);

    // A grant is never deleted; what identifies it never changes, and its approved amounts are set once.
    this.addSql(`create function housing_grant_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'housing grant % cannot be deleted: reject it with a reason', old.id using errcode = 'restrict_violation';
        end if;
        if (new.household_id, new.unit_id, new.type, new.program, new.applied_on, new.created_by_id)
           is distinct from (old.household_id, old.unit_id, old.type, old.program, old.applied_on, old.created_by_id)
           or (old.amount is not null and (new.amount, new.rate_id, new.approved_total, new.first_tranche_limit, new.approved_on, new.decision_number)
               is distinct from (old.amount, old.rate_id, old.approved_total, old.first_tranche_limit, old.approved_on, old.decision_number))
           or old.status in ('CLOSED', 'REJECTED') then
          raise exception 'housing grant % keeps its household, type, program and approved amounts; a closed or rejected grant is final', old.id using errcode = 'restrict_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger housing_grant_guard before update or delete on housing_grant for each row execute function housing_grant_guard();`);

    this.addSql(`create function memorial_work_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'memorial work % cannot be deleted', old.id using errcode = 'restrict_violation';
        end if;
        if (new.unit_id, new.kind, new.scope, new.approved_cost, new.grave_count, new.created_by_id)
           is distinct from (old.unit_id, old.kind, old.scope, old.approved_cost, old.grave_count, old.created_by_id)
           or (old.status <> 'PLANNED' and new.support_amount <> old.support_amount)
           or old.status = 'SETTLED' then
          raise exception 'memorial work % keeps its unit, kind, scope and approved cost; a settled work is final', old.id using errcode = 'restrict_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger memorial_work_guard before update or delete on memorial_work for each row execute function memorial_work_guard();`);

    // A disbursement also keeps the project it pays.
    this.addSql(`create or replace function disbursement_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'disbursement % cannot be deleted: cancel it with a reason', old.id using errcode = 'restrict_violation';
        end if;
        if old.status in ('PAID', 'REJECTED', 'CANCELLED') then
          raise exception 'disbursement % is % and can no longer change', old.id, old.status using errcode = 'restrict_violation';
        end if;
        if (new.fund_id, new.amount, new.category, new.target_fund_id, new.created_by_id, new.idempotency_key, new.project_type, new.project_id)
           is distinct from (old.fund_id, old.amount, old.category, old.target_fund_id, old.created_by_id, old.idempotency_key, old.project_type, old.project_id) then
          raise exception 'disbursement % keeps its fund, amount, category, project and creator', old.id using errcode = 'restrict_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create index disbursement_project_idx on disbursement (project_type, project_id) where project_id is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists disbursement_project_idx;`);
    this.addSql(`drop trigger if exists policy_rate_guard on policy_rate;`);
    this.addSql(`drop function if exists policy_rate_guard();`);
    this.addSql(`drop function if exists housing_grant_guard() cascade;`);
    this.addSql(`drop function if exists memorial_work_guard() cascade;`);
    this.addSql(`drop function if exists project_history_refuse_change() cascade;`);
    this.addSql(`alter table "memorial_progress" drop constraint "memorial_progress_work_id_foreign";`);

    this.addSql(`drop table if exists "funding_line" cascade;`);

    this.addSql(`drop table if exists "project_event" cascade;`);

    this.addSql(`drop table if exists "memorial_work" cascade;`);

    this.addSql(`drop table if exists "memorial_progress" cascade;`);

    this.addSql(`drop table if exists "housing_grant" cascade;`);

    this.addSql(`alter table "policy_rate" drop constraint "policy_rate_supersedes_id_foreign";`);
    this.addSql(`alter table "policy_rate" drop constraint "policy_rate_created_by_id_foreign";`);

    this.addSql(`alter table "policy_rate" drop constraint policy_rate_check;`);
    this.addSql(`alter table "policy_rate" drop column "name", drop column "unit", drop column "percent", drop column "supersedes_id", drop column "reason", drop column "created_by_id", drop column "created_at";`);

    this.addSql(`alter table "policy_rate" alter column "amount" type bigint using ("amount"::bigint);`);
    this.addSql(`alter table "policy_rate" alter column "amount" set not null;`);
    this.addSql(`alter table "policy_rate" add constraint policy_rate_check check((amount > 0) AND ((effective_to IS NULL) OR (effective_to >= effective_from)));`);

    this.addSql(`drop type "funding_source";`);
    this.addSql(`drop type "rate_unit";`);
    this.addSql(`drop type "memorial_work_kind";`);
    this.addSql(`drop type "memorial_work_scope";`);
    this.addSql(`drop type "memorial_work_status";`);
    this.addSql(`drop type "housing_grant_type";`);
    this.addSql(`drop type "housing_program";`);
    this.addSql(`drop type "housing_grant_status";`);
  }

}

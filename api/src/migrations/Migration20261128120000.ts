import { Migration } from '@mikro-orm/migrations';

/**
 * Succession events (issue 7, DESIGN §2): the events and their lines; funding lines carried over
 * from a closed fund to its successor; the database refuses postings to a closed fund after its
 * closing day; open housing grants and memorial works may move to the successor of their unit
 * (and nowhere else); an applied event is final.
 */
export class Migration20261128120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "succession_status" as enum ('DRAFT', 'APPLIED');`);
    this.addSql(`create type "succession_kind" as enum ('ABSORBED', 'REPARENTED');`);
    this.addSql(`create table "unit_succession_event" ("id" serial primary key, "name" text not null, "legal_basis" text not null, "effective_on" date not null, "status" "succession_status" not null default 'DRAFT', "new_units" jsonb not null default '[]', "created_by_id" int not null, "created_at" timestamptz not null default now(), "applied_by_id" int null, "applied_at" timestamptz null, constraint unit_succession_event_applied_check check ((status = 'APPLIED'::succession_status) = (applied_at IS NOT NULL)));`);

    this.addSql(`create table "unit_succession_line" ("id" serial primary key, "event_id" int not null, "position" int not null, "kind" "succession_kind" not null, "predecessor_id" int not null, "successor_id" int null, "new_unit_code" text null, constraint unit_succession_line_successor_check check ((successor_id IS NOT NULL) OR (new_unit_code IS NOT NULL)));`);
    this.addSql(`create index "unit_succession_line_event_id_index" on "unit_succession_line" ("event_id");`);
    this.addSql(`create index "unit_succession_line_predecessor_id_index" on "unit_succession_line" ("predecessor_id");`);

    this.addSql(`alter table "unit_succession_event" add constraint "unit_succession_event_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "unit_succession_event" add constraint "unit_succession_event_applied_by_id_foreign" foreign key ("applied_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "unit_succession_line" add constraint "unit_succession_line_event_id_foreign" foreign key ("event_id") references "unit_succession_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "unit_succession_line" add constraint "unit_succession_line_predecessor_id_foreign" foreign key ("predecessor_id") references "administrative_unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "unit_succession_line" add constraint "unit_succession_line_successor_id_foreign" foreign key ("successor_id") references "administrative_unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "funding_line" add column "carried_from_id" bigint null;`);
    this.addSql(`alter table "funding_line" add constraint "funding_line_carried_from_id_foreign" foreign key ("carried_from_id") references "funding_line" ("id") on update cascade on delete restrict;`);

    // A fund closed by a reorganisation takes no posting dated after its closing day.
    this.addSql(`create function ledger_refuse_closed_fund() returns trigger language plpgsql as $$
      declare closed date;
      begin
        select closed_on into closed from fund where id = new.fund_id;
        if closed is not null and new.occurred_on > closed then
          raise exception 'fund % was closed on %: nothing may be posted to it on %', new.fund_id, closed, new.occurred_on using errcode = 'check_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger ledger_refuse_closed_fund before insert on ledger_transaction for each row execute function ledger_refuse_closed_fund();`);

    // An applied event is history: neither it nor its lines change afterwards.
    this.addSql(`create function unit_succession_guard() returns trigger language plpgsql as $$
      declare applied boolean;
      begin
        if tg_table_name = 'unit_succession_event' then
          applied := old.status = 'APPLIED';
        else
          select status = 'APPLIED' into applied from unit_succession_event where id = old.event_id;
        end if;
        if applied then
          raise exception 'succession event % is applied: it is final', coalesce(to_jsonb(old)->>'event_id', to_jsonb(old)->>'id') using errcode = 'restrict_violation';
        end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end $$;`);
    this.addSql(`create trigger unit_succession_event_guard before update or delete on unit_succession_event for each row execute function unit_succession_guard();`);
    this.addSql(`create trigger unit_succession_line_guard before update or delete on unit_succession_line for each row execute function unit_succession_guard();`);

    // Open grants and works move to the successor of their unit when it ends; to no other unit.
    this.addSql(`create or replace function housing_grant_guard() returns trigger language plpgsql as $$
      declare moved_to_successor boolean;
      begin
        if tg_op = 'DELETE' then
          raise exception 'housing grant % cannot be deleted: reject it with a reason', old.id using errcode = 'restrict_violation';
        end if;
        moved_to_successor := new.unit_id is distinct from old.unit_id
          and new.unit_id = (select successor_id from administrative_unit where id = old.unit_id);
        if (new.household_id, case when moved_to_successor then old.unit_id else new.unit_id end, new.type, new.program, new.applied_on, new.created_by_id)
           is distinct from (old.household_id, old.unit_id, old.type, old.program, old.applied_on, old.created_by_id)
           or (old.amount is not null and (new.amount, new.rate_id, new.approved_total, new.first_tranche_limit, new.approved_on, new.decision_number)
               is distinct from (old.amount, old.rate_id, old.approved_total, old.first_tranche_limit, old.approved_on, old.decision_number))
           or old.status in ('CLOSED', 'REJECTED') then
          raise exception 'housing grant % keeps its household, type, program and approved amounts; a closed or rejected grant is final', old.id using errcode = 'restrict_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create or replace function memorial_work_guard() returns trigger language plpgsql as $$
      declare moved_to_successor boolean;
      begin
        if tg_op = 'DELETE' then
          raise exception 'memorial work % cannot be deleted', old.id using errcode = 'restrict_violation';
        end if;
        moved_to_successor := new.unit_id is distinct from old.unit_id
          and new.unit_id = (select successor_id from administrative_unit where id = old.unit_id);
        if (case when moved_to_successor then old.unit_id else new.unit_id end, new.kind, new.scope, new.approved_cost, new.grave_count, new.created_by_id)
           is distinct from (old.unit_id, old.kind, old.scope, old.approved_cost, old.grave_count, old.created_by_id)
           or (old.status <> 'PLANNED' and new.support_amount <> old.support_amount)
           or old.status = 'SETTLED' then
          raise exception 'memorial work % keeps its unit, kind, scope and approved cost; a settled work is final', old.id using errcode = 'restrict_violation';
        end if;
        return new;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists ledger_refuse_closed_fund on ledger_transaction;`);
    this.addSql(`drop function if exists ledger_refuse_closed_fund();`);
    this.addSql(`drop trigger if exists unit_succession_event_guard on unit_succession_event;`);
    this.addSql(`drop trigger if exists unit_succession_line_guard on unit_succession_line;`);
    this.addSql(`drop function if exists unit_succession_guard();`);
    this.addSql(`alter table "unit_succession_line" drop constraint "unit_succession_line_event_id_foreign";`);

    this.addSql(`drop table if exists "unit_succession_event" cascade;`);

    this.addSql(`drop table if exists "unit_succession_line" cascade;`);

    this.addSql(`alter table "funding_line" drop constraint "funding_line_carried_from_id_foreign";`);

    this.addSql(`alter table "funding_line" drop column "carried_from_id";`);

    this.addSql(`drop type "succession_status";`);
    this.addSql(`drop type "succession_kind";`);
  }

}

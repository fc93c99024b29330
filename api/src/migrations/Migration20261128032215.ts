import { Migration } from '@mikro-orm/migrations';
import { viFoldSql } from '../common/text';

/** Administrative units, users, sign-in throttling and installation facts. */
export class Migration20261128032215 extends Migration {

  override async up(): Promise<void> {
    // Folding for search without diacritics; mirrors viFold() in common/text.ts.
    this.addSql(viFoldSql());
    this.addSql(`create type "unit_level" as enum ('PROVINCE', 'DISTRICT', 'COMMUNE');`);
    this.addSql(`create type "user_role" as enum ('ADMIN', 'FUND_MANAGER', 'GRANT_OFFICER', 'INSPECTOR');`);
    this.addSql(`create table "administrative_unit" ("id" serial primary key, "code" text not null, "name" text not null, "name_with_type" text not null, "type" text not null, "level" "unit_level" not null, "parent_id" int null, "path" text not null default '', "valid_from" date null, "valid_to" date null, "search_text" text generated always as (vi_fold(name_with_type || ' ' || code)) stored not null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "administrative_unit" add constraint "administrative_unit_code_unique" unique ("code");`);
    this.addSql(`create index "administrative_unit_parent_id_index" on "administrative_unit" ("parent_id");`);
    this.addSql(`create index administrative_unit_path_idx on administrative_unit (path text_pattern_ops);`);
    this.addSql(`alter table "administrative_unit" add constraint "administrative_unit_path_check" check (path ~ '^/([0-9]+/)+$' and path like '%/' || id || '/');`);
    // The path is the database's to keep: set on insert, and carried to the descendants when a parent changes.
    this.addSql(`create function administrative_unit_path() returns trigger language plpgsql as $$
      begin
        if new.parent_id is null then
          new.path := '/' || new.id || '/';
        else
          select path || new.id || '/' into strict new.path from administrative_unit where id = new.parent_id;
          if new.path like '%/' || new.id || '/%/' then
            raise exception 'administrative unit % cannot be placed below itself', new.id using errcode = 'check_violation';
          end if;
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger administrative_unit_path before insert or update of parent_id, path on administrative_unit
      for each row execute function administrative_unit_path();`);
    this.addSql(`create function administrative_unit_path_descendants() returns trigger language plpgsql as $$
      begin
        update administrative_unit set parent_id = parent_id where parent_id = new.id;
        return null;
      end $$;`);
    this.addSql(`create trigger administrative_unit_path_descendants after update of parent_id on administrative_unit
      for each row when (old.path is distinct from new.path) execute function administrative_unit_path_descendants();`);
    this.addSql(`alter table "administrative_unit" add constraint "administrative_unit_valid_check" check (valid_to is null or valid_from is null or valid_to >= valid_from);`);

    this.addSql(`create table "app_meta" ("key" text not null, "value" text not null, "updated_at" timestamptz not null default now(), constraint "app_meta_pkey" primary key ("key"));`);

    this.addSql(`create table "login_throttle" ("key" text not null, "failures" int not null, "window_started_at" timestamptz not null, "locked_until" timestamptz null, constraint "login_throttle_pkey" primary key ("key"));`);

    this.addSql(`create table "app_user" ("id" serial primary key, "email" text not null, "full_name" text not null, "role" "user_role" not null, "unit_id" int not null, "active" boolean not null default true, "password_hash" text not null, "token_version" int not null default 0, "last_login_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_unit_id_index" on "app_user" ("unit_id");`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_check" check (email = lower(email) and email like '%_@_%');`);
    this.addSql(`alter table "login_throttle" add constraint "login_throttle_failures_check" check (failures > 0);`);

    this.addSql(`alter table "administrative_unit" add constraint "administrative_unit_parent_id_foreign" foreign key ("parent_id") references "administrative_unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" add constraint "app_user_unit_id_foreign" foreign key ("unit_id") references "administrative_unit" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "administrative_unit" drop constraint "administrative_unit_parent_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_unit_id_foreign";`);

    this.addSql(`drop table if exists "administrative_unit" cascade;`);

    this.addSql(`drop table if exists "app_meta" cascade;`);

    this.addSql(`drop table if exists "login_throttle" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop type "unit_level";`);
    this.addSql(`drop type "user_role";`);
    this.addSql(`drop function if exists vi_fold(text);`);
  }

}

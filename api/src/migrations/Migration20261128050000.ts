import { Migration } from '@mikro-orm/migrations';

/** The audit trail: one event per mutation, append-only. */
export class Migration20261128050000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("id" bigserial primary key, "at" timestamptz not null default now(), "user_id" int null, "user_email" text null, "unit_path" text not null, "operation" text not null, "target_type" text null, "target_id" text null, "changes" jsonb not null, "request_id" text not null, "client_address" text not null);`);
    this.addSql(`create index "audit_event_user_id_at_index" on "audit_event" ("user_id", "at");`);
    this.addSql(`create index "audit_event_target_type_target_id_index" on "audit_event" ("target_type", "target_id");`);
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);
    this.addSql(`create function audit_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit trail is append-only: % refused', tg_op using errcode = 'restrict_violation';
      end $$;`);
    this.addSql(`create trigger audit_event_append_only before update or delete on audit_event for each row execute function audit_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists audit_event_append_only on audit_event;`);
    this.addSql(`drop function if exists audit_refuse_change();`);
    this.addSql(`drop table if exists "audit_event" cascade;`);
  }

}

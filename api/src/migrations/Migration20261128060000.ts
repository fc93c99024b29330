import { Migration } from '@mikro-orm/migrations';

/** Disbursements (phiếu chi) through their state machine, and the transfer accounts of the ledger. */
export class Migration20261128060000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "disbursement_category" as enum ('HOUSING_NEW', 'HOUSING_REPAIR', 'MEMORIAL_WORK', 'CHILD_GIFT', 'SCHOLARSHIP', 'SURGERY', 'HARDSHIP', 'TRANSFER', 'ADMINISTRATION');`);
    this.addSql(`create type "project_type" as enum ('HOUSING_GRANT', 'MEMORIAL_WORK', 'CHILD_SUPPORT');`);
    this.addSql(`create type "disbursement_status" as enum ('DRAFT', 'SUBMITTED', 'APPROVED', 'PAID', 'REJECTED', 'CANCELLED');`);
    this.addSql(`create table "disbursement" ("id" bigserial primary key, "fund_id" int not null, "voucher_number" text null, "voucher_year" int null, "voucher_seq" int null, "amount" bigint not null, "category" "disbursement_category" not null, "payee_name" text not null, "payee_id_number" text null, "payee_address" text null, "payee_bank_account" text null, "purpose" text not null, "project_type" "project_type" null, "project_id" bigint null, "documents" jsonb not null default '[]', "target_fund_id" int null, "idempotency_key" text not null, "status" "disbursement_status" not null default 'DRAFT', "created_by_id" int not null, "created_at" timestamptz not null default now(), "submitted_by_id" int null, "submitted_at" timestamptz null, "approved_by_id" int null, "approved_at" timestamptz null, "decided_by_id" int null, "reason" text null, "paid_by_id" int null, "paid_on" date null, "closed_at" timestamptz null, "transaction_id" bigint null, constraint disbursement_amount_check check (amount > 0));`);
    this.addSql(`alter table "disbursement" add constraint "disbursement_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "disbursement_fund_id_status_index" on "disbursement" ("fund_id", "status");`);

    this.addSql(`alter table "disbursement" add constraint "disbursement_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "disbursement" add constraint "disbursement_target_fund_id_foreign" foreign key ("target_fund_id") references "fund" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "disbursement" add constraint "disbursement_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "disbursement" add constraint "disbursement_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "disbursement" add constraint "disbursement_approved_by_id_foreign" foreign key ("approved_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "disbursement" add constraint "disbursement_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "disbursement" add constraint "disbursement_paid_by_id_foreign" foreign key ("paid_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "disbursement" add constraint "disbursement_transaction_id_foreign" foreign key ("transaction_id") references "ledger_transaction" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter type "account_code" add value if not exists 'TRANSFER_OUT' after 'EXPENSE';`);

    this.addSql(`alter type "account_code" add value if not exists 'TRANSFER_IN' after 'TRANSFER_OUT';`);
    this.addSql(`create index disbursement_payee_idx on disbursement (vi_fold(payee_name), amount);`);
    this.addSql(`create unique index disbursement_voucher_key on disbursement (fund_id, voucher_year, voucher_seq) where voucher_seq is not null;`);
    // A paid, rejected or cancelled disbursement is final; none is ever deleted.
    this.addSql(`create function disbursement_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'disbursement % cannot be deleted: cancel it with a reason', old.id using errcode = 'restrict_violation';
        end if;
        if old.status in ('PAID', 'REJECTED', 'CANCELLED') then
          raise exception 'disbursement % is % and can no longer change', old.id, old.status using errcode = 'restrict_violation';
        end if;
        if (new.fund_id, new.amount, new.category, new.target_fund_id, new.created_by_id, new.idempotency_key)
           is distinct from (old.fund_id, old.amount, old.category, old.target_fund_id, old.created_by_id, old.idempotency_key) then
          raise exception 'disbursement % keeps its fund, amount, category and creator', old.id using errcode = 'restrict_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger disbursement_guard before update or delete on disbursement for each row execute function disbursement_guard();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists disbursement_guard on disbursement;`);
    this.addSql(`drop function if exists disbursement_guard();`);
    this.addSql(`drop table if exists "disbursement" cascade;`);

    this.addSql(`drop type "disbursement_category";`);
    this.addSql(`drop type "project_type";`);
    this.addSql(`drop type "disbursement_status";`);
  }

}

import { Migration } from '@mikro-orm/migrations';

/**
 * Funds, the append-only double-entry ledger, donors, campaigns, pledges and donations.
 * The ledger's rules live here, in the database: entries are never updated or deleted,
 * every transaction balances, balances are kept by trigger and can never go below zero.
 */
export class Migration20261128040000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "donor_type" as enum ('INDIVIDUAL', 'ENTERPRISE', 'AGENCY', 'ORGANISATION', 'ANONYMOUS');`);
    this.addSql(`create type "fund_kind" as enum ('GRATITUDE', 'CHILD_PROTECTION');`);
    this.addSql(`create type "account_code" as enum ('CASH', 'GOODS', 'DONATION_INCOME', 'IN_KIND_INCOME', 'EXPENSE');`);
    this.addSql(`create type "normal_side" as enum ('DEBIT', 'CREDIT');`);
    this.addSql(`create type "donation_method" as enum ('CASH', 'BANK_TRANSFER', 'IN_KIND');`);
    this.addSql(`create type "donation_status" as enum ('POSTED', 'VOIDED');`);
    this.addSql(`create table "donor" ("id" serial primary key, "type" "donor_type" not null, "name" text not null, "tax_code" text null, "id_number" text null, "phone" text null, "address" text null, "unit_id" int not null, "search_text" text generated always as (vi_fold(name || ' ' || coalesce(tax_code, '') || ' ' || coalesce(id_number, ''))) stored not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "donor_unit_id_index" on "donor" ("unit_id");`);
    this.addSql(`create index donor_id_number_idx on donor (id_number) where id_number is not null;`);
    this.addSql(`create index donor_tax_code_idx on donor (tax_code) where tax_code is not null;`);

    this.addSql(`create table "fund" ("id" serial primary key, "kind" "fund_kind" not null, "name" text not null, "unit_id" int not null, "locked_until" date null, "last_seq" int not null default 0, "last_hash" text null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "fund_unit_id_index" on "fund" ("unit_id");`);
    this.addSql(`alter table "fund" add constraint "fund_kind_unit_id_unique" unique ("kind", "unit_id");`);

    this.addSql(`create table "document_counter" ("fund_id" int not null, "doc_type" text not null, "year" int not null, "last_number" int not null, constraint "document_counter_pkey" primary key ("fund_id", "doc_type", "year"));`);

    this.addSql(`create table "campaign" ("id" serial primary key, "fund_id" int not null, "name" text not null, "starts_on" date not null, "ends_on" date not null, "target" bigint not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "campaign_fund_id_index" on "campaign" ("fund_id");`);

    this.addSql(`create table "ledger_account" ("id" serial primary key, "fund_id" int not null, "code" "account_code" not null, "purpose" text null, "normal_side" "normal_side" not null, "balance" bigint not null default 0);`);
    this.addSql(`create unique index ledger_account_key on ledger_account (fund_id, code, coalesce(purpose, ''));`);

    this.addSql(`create table "pledge" ("id" serial primary key, "campaign_id" int not null, "donor_id" int not null, "amount" bigint not null, "due_on" date not null, "note" text null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "pledge_campaign_id_index" on "pledge" ("campaign_id");`);
    this.addSql(`create index "pledge_donor_id_index" on "pledge" ("donor_id");`);

    this.addSql(`create table "ledger_transaction" ("id" bigserial primary key, "fund_id" int not null, "seq" int not null, "kind" text not null, "occurred_on" date not null, "description" text not null, "source_type" text not null, "source_id" bigint not null, "created_by_id" int null, "created_at" timestamptz not null default now(), "prev_hash" text null, "hash" text not null);`);
    this.addSql(`alter table "ledger_transaction" add constraint "ledger_transaction_fund_id_seq_unique" unique ("fund_id", "seq");`);
    this.addSql(`create index "ledger_transaction_fund_id_occurred_on_index" on "ledger_transaction" ("fund_id", "occurred_on");`);
    this.addSql(`create index "ledger_transaction_source_type_source_id_index" on "ledger_transaction" ("source_type", "source_id");`);

    this.addSql(`create table "ledger_entry" ("id" bigserial primary key, "transaction_id" bigint not null, "account_id" int not null, "amount" bigint not null);`);
    this.addSql(`create index "ledger_entry_transaction_id_index" on "ledger_entry" ("transaction_id");`);
    this.addSql(`create index "ledger_entry_account_id_index" on "ledger_entry" ("account_id");`);

    this.addSql(`create table "donation" ("id" bigserial primary key, "fund_id" int not null, "receipt_number" text not null, "receipt_year" int not null, "receipt_seq" int not null, "donor_id" int null, "donor_name" text not null, "amount" bigint not null, "received_on" date not null, "method" "donation_method" not null, "in_kind_description" text null, "earmark" text null, "campaign_id" int null, "pledge_id" int null, "note" text null, "idempotency_key" text not null, "status" "donation_status" not null default 'POSTED', "void_reason" text null, "voided_at" timestamptz null, "voided_by_id" int null, "transaction_id" bigint not null, "void_transaction_id" bigint null, "created_by_id" int not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "donation_receipt_number_index" on "donation" ("receipt_number");`);
    this.addSql(`create index "donation_donor_id_index" on "donation" ("donor_id");`);
    this.addSql(`create index "donation_campaign_id_index" on "donation" ("campaign_id");`);
    this.addSql(`create index "donation_pledge_id_index" on "donation" ("pledge_id");`);
    this.addSql(`alter table "donation" add constraint "donation_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "donation_fund_id_received_on_index" on "donation" ("fund_id", "received_on");`);
    this.addSql(`alter table "donation" add constraint "donation_fund_id_receipt_year_receipt_seq_unique" unique ("fund_id", "receipt_year", "receipt_seq");`);

    this.addSql(`alter table "donor" add constraint "donor_unit_id_foreign" foreign key ("unit_id") references "administrative_unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "fund" add constraint "fund_unit_id_foreign" foreign key ("unit_id") references "administrative_unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "document_counter" add constraint "document_counter_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "campaign" add constraint "campaign_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "ledger_account" add constraint "ledger_account_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "pledge" add constraint "pledge_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "pledge" add constraint "pledge_donor_id_foreign" foreign key ("donor_id") references "donor" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "ledger_transaction" add constraint "ledger_transaction_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "ledger_transaction" add constraint "ledger_transaction_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_transaction_id_foreign" foreign key ("transaction_id") references "ledger_transaction" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_account_id_foreign" foreign key ("account_id") references "ledger_account" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "donation" add constraint "donation_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "donation" add constraint "donation_donor_id_foreign" foreign key ("donor_id") references "donor" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "donation" add constraint "donation_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "donation" add constraint "donation_pledge_id_foreign" foreign key ("pledge_id") references "pledge" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "donation" add constraint "donation_voided_by_id_foreign" foreign key ("voided_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "donation" add constraint "donation_transaction_id_foreign" foreign key ("transaction_id") references "ledger_transaction" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "donation" add constraint "donation_void_transaction_id_foreign" foreign key ("void_transaction_id") references "ledger_transaction" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "donation" add constraint "donation_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "ledger_account" add constraint ledger_account_balance_check check ((normal_side = 'DEBIT' and balance >= 0) or (normal_side = 'CREDIT' and balance <= 0));`);
    this.addSql(`alter table "ledger_entry" add constraint ledger_entry_amount_check check (amount <> 0);`);
    this.addSql(`alter table "ledger_transaction" add constraint ledger_transaction_seq_check check (seq > 0);`);
    this.addSql(`alter table "fund" add constraint fund_last_seq_check check (last_seq >= 0);`);
    this.addSql(`alter table "document_counter" add constraint document_counter_last_number_check check (last_number > 0);`);
    this.addSql(`alter table "campaign" add constraint campaign_check check (target > 0 and ends_on >= starts_on);`);
    this.addSql(`alter table "pledge" add constraint pledge_amount_check check (amount > 0);`);
    this.addSql(`alter table "donor" add constraint donor_name_check check (length(btrim(name)) > 0);`);
    this.addSql(`alter table "donation" add constraint donation_amount_check check (amount > 0 and receipt_seq > 0);`);
    this.addSql(`alter table "donation" add constraint donation_in_kind_check check ((method = 'IN_KIND') = (in_kind_description is not null));`);
    this.addSql(`alter table "donation" add constraint donation_void_check check ((status = 'VOIDED') = (void_transaction_id is not null and void_reason is not null and voided_at is not null));`);

    // Append-only: the database refuses to change or remove ledger rows.
    this.addSql(`create function ledger_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'ledger rows are append-only: % on % refused (post a reversing transaction instead)', tg_op, tg_table_name
          using errcode = 'restrict_violation';
      end $$;`);
    this.addSql(`create trigger ledger_entry_append_only before update or delete on ledger_entry for each row execute function ledger_refuse_change();`);
    this.addSql(`create trigger ledger_transaction_append_only before update or delete on ledger_transaction for each row execute function ledger_refuse_change();`);

    // Balances: each entry moves its account's balance in the same transaction; the CHECK above
    // refuses a cash or goods balance below zero, whatever the concurrency (the UPDATE locks the row).
    this.addSql(`create function ledger_entry_apply() returns trigger language plpgsql as $$
      declare
        tx_fund int;
        account_fund int;
      begin
        select fund_id into strict tx_fund from ledger_transaction where id = new.transaction_id;
        update ledger_account set balance = balance + new.amount where id = new.account_id returning fund_id into strict account_fund;
        if account_fund <> tx_fund then
          raise exception 'ledger entry posts to account % of fund %, not to the transaction''s fund %', new.account_id, account_fund, tx_fund
            using errcode = 'check_violation';
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger ledger_entry_apply after insert on ledger_entry for each row execute function ledger_entry_apply();`);

    // A posted donation is never edited or deleted: the only change allowed is voiding it, once.
    this.addSql(`create function donation_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'donation % cannot be deleted: void it with a reason', old.receipt_number using errcode = 'restrict_violation';
        end if;
        if old.status = 'VOIDED' or new.status <> 'VOIDED'
           or (new.id, new.fund_id, new.receipt_number, new.receipt_year, new.receipt_seq, new.donor_id, new.donor_name, new.amount,
               new.received_on, new.method, new.in_kind_description, new.earmark, new.campaign_id, new.pledge_id, new.note,
               new.idempotency_key, new.transaction_id, new.created_by_id, new.created_at)
           is distinct from
              (old.id, old.fund_id, old.receipt_number, old.receipt_year, old.receipt_seq, old.donor_id, old.donor_name, old.amount,
               old.received_on, old.method, old.in_kind_description, old.earmark, old.campaign_id, old.pledge_id, old.note,
               old.idempotency_key, old.transaction_id, old.created_by_id, old.created_at) then
          raise exception 'donation % is never edited: the only change is voiding it once', old.receipt_number using errcode = 'restrict_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger donation_guard before update or delete on donation for each row execute function donation_guard();`);

    // Double entry: at commit, every transaction has two or more entries summing to zero.
    this.addSql(`create function ledger_assert_balanced(tx bigint) returns void language plpgsql as $$
      declare
        total numeric;
        entries int;
      begin
        select coalesce(sum(amount), 0), count(*) into total, entries from ledger_entry where transaction_id = tx;
        if total <> 0 or entries < 2 then
          raise exception 'ledger transaction % does not balance: % entries summing to %', tx, entries, total
            using errcode = 'check_violation';
        end if;
      end $$;`);
    this.addSql(`create function ledger_entry_balanced() returns trigger language plpgsql as $$
      begin
        perform ledger_assert_balanced(new.transaction_id);
        return null;
      end $$;`);
    this.addSql(`create function ledger_transaction_balanced() returns trigger language plpgsql as $$
      begin
        perform ledger_assert_balanced(new.id);
        return null;
      end $$;`);
    this.addSql(`create constraint trigger ledger_entry_balanced after insert on ledger_entry deferrable initially deferred
      for each row execute function ledger_entry_balanced();`);
    this.addSql(`create constraint trigger ledger_transaction_balanced after insert on ledger_transaction deferrable initially deferred
      for each row execute function ledger_transaction_balanced();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists donation_guard on donation;`);
    this.addSql(`drop function if exists donation_guard();`);
    this.addSql(`drop trigger if exists ledger_entry_balanced on ledger_entry;`);
    this.addSql(`drop trigger if exists ledger_transaction_balanced on ledger_transaction;`);
    this.addSql(`drop trigger if exists ledger_entry_apply on ledger_entry;`);
    this.addSql(`drop trigger if exists ledger_entry_append_only on ledger_entry;`);
    this.addSql(`drop trigger if exists ledger_transaction_append_only on ledger_transaction;`);
    this.addSql(`drop function if exists ledger_transaction_balanced();`);
    this.addSql(`drop function if exists ledger_entry_balanced();`);
    this.addSql(`drop function if exists ledger_assert_balanced(bigint);`);
    this.addSql(`drop function if exists ledger_entry_apply();`);
    this.addSql(`drop function if exists ledger_refuse_change();`);

    this.addSql(`alter table "pledge" drop constraint "pledge_donor_id_foreign";`);

    this.addSql(`alter table "donation" drop constraint "donation_donor_id_foreign";`);

    this.addSql(`alter table "document_counter" drop constraint "document_counter_fund_id_foreign";`);

    this.addSql(`alter table "campaign" drop constraint "campaign_fund_id_foreign";`);

    this.addSql(`alter table "ledger_account" drop constraint "ledger_account_fund_id_foreign";`);

    this.addSql(`alter table "ledger_transaction" drop constraint "ledger_transaction_fund_id_foreign";`);

    this.addSql(`alter table "donation" drop constraint "donation_fund_id_foreign";`);

    this.addSql(`alter table "pledge" drop constraint "pledge_campaign_id_foreign";`);

    this.addSql(`alter table "donation" drop constraint "donation_campaign_id_foreign";`);

    this.addSql(`alter table "ledger_entry" drop constraint "ledger_entry_account_id_foreign";`);

    this.addSql(`alter table "donation" drop constraint "donation_pledge_id_foreign";`);

    this.addSql(`alter table "ledger_entry" drop constraint "ledger_entry_transaction_id_foreign";`);

    this.addSql(`alter table "donation" drop constraint "donation_transaction_id_foreign";`);

    this.addSql(`alter table "donation" drop constraint "donation_void_transaction_id_foreign";`);

    this.addSql(`drop table if exists "donor" cascade;`);

    this.addSql(`drop table if exists "fund" cascade;`);

    this.addSql(`drop table if exists "document_counter" cascade;`);

    this.addSql(`drop table if exists "campaign" cascade;`);

    this.addSql(`drop table if exists "ledger_account" cascade;`);

    this.addSql(`drop table if exists "pledge" cascade;`);

    this.addSql(`drop table if exists "ledger_transaction" cascade;`);

    this.addSql(`drop table if exists "ledger_entry" cascade;`);

    this.addSql(`drop table if exists "donation" cascade;`);

    this.addSql(`drop type "donor_type";`);
    this.addSql(`drop type "fund_kind";`);
    this.addSql(`drop type "account_code";`);
    this.addSql(`drop type "normal_side";`);
    this.addSql(`drop type "donation_method";`);
    this.addSql(`drop type "donation_status";`);
  }

}

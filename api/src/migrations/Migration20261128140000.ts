import { Migration } from '@mikro-orm/migrations';

/**
 * Daily totals per ledger account, for statements over any period: kept by the same trigger that
 * keeps the balances (one more row upserted per entry, on a row the balance update has already
 * locked), backfilled from the entries already posted. A balance as of a date is the account's
 * kept balance minus the days after it.
 */
export class Migration20261128140000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "ledger_daily_total" ("account_id" int not null, "day" date not null, "amount" bigint not null, constraint "ledger_daily_total_pkey" primary key ("account_id", "day"));`);
    this.addSql(`alter table "ledger_daily_total" add constraint "ledger_daily_total_account_id_foreign" foreign key ("account_id") references "ledger_account" ("id") on update cascade on delete restrict;`);

    this.addSql(`create or replace function ledger_entry_apply() returns trigger language plpgsql as $$
      declare
        tx_fund int;
        tx_day date;
        account_fund int;
      begin
        select fund_id, occurred_on into strict tx_fund, tx_day from ledger_transaction where id = new.transaction_id;
        update ledger_account set balance = balance + new.amount where id = new.account_id returning fund_id into strict account_fund;
        if account_fund <> tx_fund then
          raise exception 'ledger entry posts to account % of fund %, not to the transaction''s fund %', new.account_id, account_fund, tx_fund
            using errcode = 'check_violation';
        end if;
        insert into ledger_daily_total (account_id, day, amount) values (new.account_id, tx_day, new.amount)
          on conflict (account_id, day) do update set amount = ledger_daily_total.amount + excluded.amount;
        return null;
      end $$;`);

    this.addSql(`insert into ledger_daily_total (account_id, day, amount)
      select e.account_id, t.occurred_on, sum(e.amount) from ledger_entry e join ledger_transaction t on t.id = e.transaction_id group by e.account_id, t.occurred_on;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function ledger_entry_apply() returns trigger language plpgsql as $$
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
    this.addSql(`drop table if exists "ledger_daily_total" cascade;`);
  }

}

import { Migration } from '@mikro-orm/migrations';

/**
 * Reorganisation of administrative units (DESIGN §2): a unit ended by a succession event points to
 * the unit that took it over; a fund closed with its unit points to the fund that received its
 * balances. unit_current_id(id) maps a unit as recorded to the unit in force today.
 */
export class Migration20261128110000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "administrative_unit" add column "successor_id" int null;`);
    this.addSql(`alter table "administrative_unit" add constraint "administrative_unit_successor_id_foreign" foreign key ("successor_id") references "administrative_unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "fund" add column "closed_on" date null, add column "successor_id" int null;`);
    this.addSql(`alter table "fund" add constraint "fund_successor_id_foreign" foreign key ("successor_id") references "fund" ("id") on update cascade on delete restrict;`);

    this.addSql(`create function unit_current_id(unit integer) returns integer language sql stable as $$
      with recursive chain (id, successor_id, depth) as (
        select id, successor_id, 0 from administrative_unit where id = unit
        union all
        select u.id, u.successor_id, c.depth + 1 from administrative_unit u join chain c on u.id = c.successor_id where c.depth < 32
      )
      select id from chain order by depth desc limit 1
    $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function unit_current_id(integer);`);
    this.addSql(`alter table "administrative_unit" drop constraint "administrative_unit_successor_id_foreign";`);

    this.addSql(`alter table "fund" drop constraint "fund_successor_id_foreign";`);

    this.addSql(`alter table "administrative_unit" drop column "successor_id";`);

    this.addSql(`alter table "fund" drop column "closed_on", drop column "successor_id";`);
  }

}

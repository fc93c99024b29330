import { Migration } from '@mikro-orm/migrations';

/**
 * Public transparency pages (issue 7): a campaign is public only once published, at
 * /public/campaigns/<public_slug>; the slug is kept when it is unpublished, so a republished page
 * keeps its address. A donation may ask not to be named on the public page.
 */
export class Migration20261128130000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "campaign" add column "public_slug" text null, add column "published_at" timestamptz null, add column "published_by_id" int null;`);
    this.addSql(`alter table "campaign" add constraint "campaign_published_by_id_foreign" foreign key ("published_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "campaign" add constraint "campaign_public_slug_unique" unique ("public_slug");`);
    this.addSql(`alter table "campaign" add constraint campaign_published_check check((published_at IS NULL) OR (public_slug IS NOT NULL AND published_by_id IS NOT NULL));`);
    this.addSql(`alter table "campaign" add constraint campaign_public_slug_check check(public_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*\$');`);

    this.addSql(`alter table "donation" add column "public_anonymous" boolean not null default false;`);
    // Like the rest of a posted donation, the donor's choice is never edited afterwards.
    this.addSql(`create or replace function donation_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'donation % cannot be deleted: void it with a reason', old.receipt_number using errcode = 'restrict_violation';
        end if;
        if old.status = 'VOIDED' or new.status <> 'VOIDED'
           or (new.id, new.fund_id, new.receipt_number, new.receipt_year, new.receipt_seq, new.donor_id, new.donor_name, new.amount,
               new.received_on, new.method, new.in_kind_description, new.earmark, new.campaign_id, new.pledge_id, new.note,
               new.idempotency_key, new.transaction_id, new.created_by_id, new.created_at, new.public_anonymous)
           is distinct from
              (old.id, old.fund_id, old.receipt_number, old.receipt_year, old.receipt_seq, old.donor_id, old.donor_name, old.amount,
               old.received_on, old.method, old.in_kind_description, old.earmark, old.campaign_id, old.pledge_id, old.note,
               old.idempotency_key, old.transaction_id, old.created_by_id, old.created_at, old.public_anonymous) then
          raise exception 'donation % is never edited: the only change is voiding it once', old.receipt_number using errcode = 'restrict_violation';
        end if;
        return new;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function donation_guard() returns trigger language plpgsql as $$
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
    this.addSql(`alter table "campaign" drop constraint "campaign_published_by_id_foreign";`);

    this.addSql(`alter table "campaign" drop constraint "campaign_public_slug_unique";`);
    this.addSql(`alter table "campaign" drop constraint campaign_published_check;`);
    this.addSql(`alter table "campaign" drop constraint campaign_public_slug_check;`);
    this.addSql(`alter table "campaign" drop column "public_slug", drop column "published_at", drop column "published_by_id";`);

    this.addSql(`alter table "donation" drop column "public_anonymous";`);
  }

}

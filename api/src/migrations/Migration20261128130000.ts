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
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "campaign" drop constraint "campaign_published_by_id_foreign";`);

    this.addSql(`alter table "campaign" drop constraint "campaign_public_slug_unique";`);
    this.addSql(`alter table "campaign" drop constraint campaign_published_check;`);
    this.addSql(`alter table "campaign" drop constraint campaign_public_slug_check;`);
    this.addSql(`alter table "campaign" drop column "public_slug", drop column "published_at", drop column "published_by_id";`);

    this.addSql(`alter table "donation" drop column "public_anonymous";`);
  }

}

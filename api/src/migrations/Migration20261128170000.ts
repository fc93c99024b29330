import { Migration } from '@mikro-orm/migrations';

/** The inspectors' list, newest first (allDisbursements' default sort): an index walk that stops after the page instead of sorting every disbursement. */
export class Migration20261128170000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index disbursement_created_idx on disbursement (created_at desc, id desc);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "disbursement_created_idx";`);
  }

}

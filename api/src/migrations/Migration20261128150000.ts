import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for statements on a large ledger: donations and disbursements by fund and date are read from their
 * records, and only the rare ledger movements (voids, gift returns, succession transfers) entry by entry.
 */
export class Migration20261128150000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index ledger_transaction_rare_idx on ledger_transaction (fund_id, occurred_on) where kind not in ('DONATION', 'DISBURSEMENT', 'TRANSFER_OUT', 'TRANSFER_IN');`);

    this.addSql(`create index disbursement_received_idx on disbursement (target_fund_id, paid_on) where target_fund_id is not null and paid_on is not null;`);
    this.addSql(`create index disbursement_paid_idx on disbursement (fund_id, paid_on) where paid_on is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "ledger_transaction_rare_idx";`);

    this.addSql(`drop index "disbursement_received_idx";`);
    this.addSql(`drop index "disbursement_paid_idx";`);
  }

}

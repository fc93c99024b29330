import { BigIntType, Check, Entity, Index, Enum, ManyToOne, OptionalProps, PrimaryKey, PrimaryKeyProp, Property, Unique, type Ref } from '@mikro-orm/core';
import { Fund } from '../funds/fund.entity';
import { User } from '../users/user.entity';

/**
 * The ledger (DESIGN §3): accounts per fund, transactions of two or more entries summing to zero,
 * append-only. Balances are kept on the accounts by a database trigger and guarded by CHECKs;
 * the rules live in the database (migration Migration20261128040000), this file only maps them.
 */
export enum AccountCode {
  /** Cash held: free (no purpose) or earmarked (purpose set). Debit-normal, never below zero. */
  CASH = 'CASH',
  /** In-kind goods held, at their valuation. Debit-normal, never below zero. */
  GOODS = 'GOODS',
  /** Donations received in cash or by transfer. Credit-normal. */
  DONATION_INCOME = 'DONATION_INCOME',
  /** Donations received in kind, at their valuation. Credit-normal. */
  IN_KIND_INCOME = 'IN_KIND_INCOME',
  /** Money or goods spent (disbursements), by purpose. Debit-normal. */
  EXPENSE = 'EXPENSE',
  /** Money sent to another fund. Debit-normal. */
  TRANSFER_OUT = 'TRANSFER_OUT',
  /** Money received from another fund. Credit-normal. */
  TRANSFER_IN = 'TRANSFER_IN',
}

export enum NormalSide {
  DEBIT = 'DEBIT',
  CREDIT = 'CREDIT',
}

@Entity({ tableName: 'ledger_account' })
@Check({
  name: 'ledger_account_balance_check',
  expression: "((normal_side = 'DEBIT'::normal_side) AND (balance >= 0)) OR ((normal_side = 'CREDIT'::normal_side) AND (balance <= 0))",
})
@Unique({ name: 'ledger_account_key', expression: "create unique index ledger_account_key on ledger_account (fund_id, code, coalesce(purpose, ''))" })
export class LedgerAccount {
  [OptionalProps]?: 'balance';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Fund, ref: true, deleteRule: 'restrict' })
  fund!: Ref<Fund>;

  @Enum({ items: () => AccountCode, nativeEnumName: 'account_code' })
  code!: AccountCode;

  /** For an earmarked sub-balance: the program category (e.g. HOUSING_NEW) or "project:<kind>:<id>". */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  purpose?: string;

  @Enum({ items: () => NormalSide, nativeEnumName: 'normal_side' })
  normalSide!: NormalSide;

  /** Sum of the account's entries (debits positive), kept by the ledger_entry trigger. */
  @Property({ type: new BigIntType('number'), default: 0 })
  balance: number = 0;
}

@Entity({ tableName: 'ledger_transaction' })
@Check({ name: 'ledger_transaction_seq_check', expression: 'seq > 0' })
@Unique({ properties: ['fund', 'seq'] })
@Index({ properties: ['fund', 'occurredOn'] })
@Index({ properties: ['sourceType', 'sourceId'] })
// The rare movements a statement reads entry by entry (voids, gift returns, succession transfers); the common
// ones are read from their donations and disbursements (statement.service.ts).
@Index({
  name: 'ledger_transaction_rare_idx',
  expression: "create index ledger_transaction_rare_idx on ledger_transaction (fund_id, occurred_on) where kind not in ('DONATION', 'DISBURSEMENT', 'TRANSFER_OUT', 'TRANSFER_IN')",
})
export class LedgerTransaction {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Fund, ref: true, deleteRule: 'restrict' })
  fund!: Ref<Fund>;

  /** Position in the fund's hash chain, from 1. */
  @Property({ type: 'integer' })
  seq!: number;

  @Property({ type: 'string', columnType: 'text' })
  kind!: string;

  /** The accounting date (receipt date, payment date). */
  @Property({ type: 'date' })
  occurredOn!: string;

  @Property({ type: 'string', columnType: 'text' })
  description!: string;

  @Property({ type: 'string', columnType: 'text' })
  sourceType!: string;

  @Property({ type: new BigIntType('number') })
  sourceId!: number;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'restrict' })
  createdBy?: Ref<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'string', columnType: 'text', nullable: true })
  prevHash?: string;

  @Property({ type: 'string', columnType: 'text' })
  hash!: string;
}

@Entity({ tableName: 'ledger_entry' })
@Check({ name: 'ledger_entry_amount_check', expression: 'amount <> 0' })
export class LedgerEntry {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => LedgerTransaction, ref: true, index: true, deleteRule: 'restrict' })
  transaction!: Ref<LedgerTransaction>;

  @ManyToOne({ entity: () => LedgerAccount, ref: true, index: true, deleteRule: 'restrict' })
  account!: Ref<LedgerAccount>;

  /** Whole VND; debit positive, credit negative; never zero. */
  @Property({ type: new BigIntType('number') })
  amount!: number;
}

/**
 * Net movement of one account on one day, kept by the ledger_entry trigger (and by bulkPost) in the
 * same transaction as the entries. Derived data: a balance as of any date is the account's kept
 * balance minus the days after it, so statements never sum the whole ledger.
 */
@Entity({ tableName: 'ledger_daily_total' })
export class LedgerDailyTotal {
  [PrimaryKeyProp]?: ['account', 'day'];

  @ManyToOne({ entity: () => LedgerAccount, ref: true, primary: true, deleteRule: 'restrict' })
  account!: Ref<LedgerAccount>;

  @PrimaryKey({ type: 'date' })
  day!: string;

  /** Sum of the account's entries dated that day (debits positive); may be zero (a void the same day). */
  @Property({ type: new BigIntType('number') })
  amount!: number;
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, badInput, ErrorCode } from '../../common/errors';
import { formatDateVi } from '../../common/dates';
import { AccountCode, NormalSide } from './ledger.entities';
import { transactionHash } from './ledger-hash';

export interface AccountKey {
  code: AccountCode;
  /** Earmark of a cash or goods sub-balance; none for the free part. */
  purpose?: string | null;
}

export interface PostingLine extends AccountKey {
  /** Whole VND: debit positive, credit negative. */
  amount: number;
}

export interface Posting {
  fundId: number;
  kind: string;
  occurredOn: string;
  description: string;
  sourceType: string;
  sourceId: number;
  createdById: number | null;
  lines: PostingLine[];
}

export interface Posted {
  transactionId: number;
  seq: number;
  hash: string;
}

export const normalSide: Record<AccountCode, NormalSide> = {
  [AccountCode.CASH]: NormalSide.DEBIT,
  [AccountCode.GOODS]: NormalSide.DEBIT,
  [AccountCode.DONATION_INCOME]: NormalSide.CREDIT,
  [AccountCode.IN_KIND_INCOME]: NormalSide.CREDIT,
  [AccountCode.EXPENSE]: NormalSide.DEBIT,
  [AccountCode.TRANSFER_OUT]: NormalSide.DEBIT,
  [AccountCode.TRANSFER_IN]: NormalSide.CREDIT,
};

const accountKey = (code: string, purpose: string | null | undefined) => `${code}|${purpose ?? ''}`;

/** Refuses a date on or before the fund's period lock. */
export function assertOpenPeriod(lockedUntil: string | null | undefined, date: string, fundName: string): void {
  if (lockedUntil && date <= lockedUntil) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `The books of ${fundName} are closed up to ${formatDateVi(lockedUntil)}: nothing can be posted or voided on or before that date (${formatDateVi(date)})`,
      { field: 'date', lockedUntil, rule: 'PERIOD_LOCKED' },
    );
  }
}

/**
 * Refuses new records (donations, disbursements, campaigns) on a fund closed in a reorganisation
 * of administrative units: its balances went to its successor fund.
 */
export function assertFundOpen(fund: { id: number; name: string; closedOn?: string | null; successor?: { id: number } | null }, field = 'fundId'): void {
  if (fund.closedOn) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `${fund.name} was closed on ${formatDateVi(fund.closedOn)} when its administrative unit was reorganised: record this on its successor fund${fund.successor ? ` (${fund.successor.id})` : ''}`,
      { field, rule: 'FUND_CLOSED', closedOn: fund.closedOn, successorFundId: fund.successor ? String(fund.successor.id) : null },
    );
  }
}

/**
 * Posts one balanced transaction to a fund's ledger, inside the caller's database transaction.
 * Locks the fund row (its hash-chain head), so postings to one fund are serialised and the chain
 * has no forks; the database keeps the balances and refuses any that would go below zero
 * (answered here as INSUFFICIENT_FUNDS).
 */
export async function post(em: EntityManager, posting: Posting): Promise<Posted> {
  const total = posting.lines.reduce((sum, line) => sum + line.amount, 0);
  if (posting.lines.length < 2 || total !== 0 || posting.lines.some((l) => !Number.isSafeInteger(l.amount) || l.amount === 0)) {
    throw new Error(`unbalanced posting ${posting.kind}: ${JSON.stringify(posting.lines)}`);
  }
  const [head] = await em.execute<{ last_seq: number; last_hash: string | null; locked_until: string | null; closed_on: string | null; name: string }[]>(
    'update fund set last_seq = last_seq + 1 where id = ? returning last_seq, last_hash, locked_until::text, closed_on::text, name',
    [posting.fundId],
  );
  if (!head) throw badInput(`Fund ${posting.fundId} does not exist`, 'fundId');
  assertOpenPeriod(head.locked_until, posting.occurredOn, head.name);
  // The database refuses it too (trigger ledger_refuse_closed_fund); answered here with a clear code.
  if (head.closed_on && posting.occurredOn > head.closed_on) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${head.name} was closed on ${formatDateVi(head.closed_on)}: nothing can be posted to it after that day (${formatDateVi(posting.occurredOn)})`, {
      field: 'date',
      closedOn: head.closed_on,
      rule: 'FUND_CLOSED',
    });
  }

  const keys = [...new Map(posting.lines.map((l) => [accountKey(l.code, l.purpose), l])).values()];
  await em.execute(
    `insert into ledger_account (fund_id, code, purpose, normal_side) values ${keys.map(() => '(?, ?, ?, ?)').join(', ')}
     on conflict (fund_id, code, (coalesce(purpose, ''))) do nothing`,
    keys.flatMap((k) => [posting.fundId, k.code, k.purpose ?? null, normalSide[k.code]]),
  );
  const accounts = await em.execute<{ id: number; code: string; purpose: string | null }[]>(
    'select id, code, purpose from ledger_account where fund_id = ? and code in (?)',
    [posting.fundId, [...new Set(keys.map((k) => k.code))]],
  );
  const ids = new Map(accounts.map((a) => [accountKey(a.code, a.purpose), a.id]));
  const entries = posting.lines.map((l): [number, number] => [ids.get(accountKey(l.code, l.purpose))!, l.amount]);

  const seq = head.last_seq;
  const hash = transactionHash({ ...posting, seq, prevHash: head.last_hash, entries });
  const [tx] = await em.execute<{ id: string }[]>(
    `insert into ledger_transaction (fund_id, seq, kind, occurred_on, description, source_type, source_id, created_by_id, prev_hash, hash)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [posting.fundId, seq, posting.kind, posting.occurredOn, posting.description, posting.sourceType, posting.sourceId, posting.createdById, head.last_hash, hash],
  );
  const transactionId = Number(tx!.id);
  try {
    await em.execute(
      `insert into ledger_entry (transaction_id, account_id, amount) values ${entries.map(() => '(?, ?, ?)').join(', ')}`,
      entries.flatMap(([accountId, amount]) => [transactionId, accountId, amount]),
    );
  } catch (error) {
    if (String((error as Error).message).includes('ledger_account_balance_check')) {
      throw new AppError(ErrorCode.INSUFFICIENT_FUNDS, `${head.name} does not hold enough money for this: its balance cannot go below zero`, {
        fundId: String(posting.fundId),
      });
    }
    throw error;
  }
  await em.execute('update fund set last_hash = ? where id = ?', [hash, posting.fundId]);
  return { transactionId, seq, hash };
}

/** Takes the next number of a document series (PT, PC) for a fund and year, gapless. */
export async function nextDocumentNumber(em: EntityManager, fundId: number, docType: string, year: number): Promise<{ seq: number; number: string }> {
  const [row] = await em.execute<{ last_number: number }[]>(
    `insert into document_counter (fund_id, doc_type, year, last_number) values (?, ?, ?, 1)
     on conflict (fund_id, doc_type, year) do update set last_number = document_counter.last_number + 1
     returning last_number`,
    [fundId, docType, year],
  );
  const seq = row!.last_number;
  return { seq, number: `${docType}-${year}-${String(seq).padStart(6, '0')}` };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, badInput, ErrorCode } from '../../common/errors';
import { formatDateVi } from '../../common/dates';
import { AccountCode, NormalSide } from './ledger.entities';

export interface AccountKey {
  code: AccountCode;
  /** Earmark of a cash or goods sub-balance; none for the free part. */
  purpose?: string | null;
}

export interface PostingLine extends AccountKey {
  /** Whole VND: debit positive, credit negative. */
  amount: number;
  /**
   * A spending line (negative, on CASH or GOODS) spread over these sub-balances in this order, e.g.
   * the project's earmark, then the category's, then the free part (null). The split is made by the
   * database from the balances under the fund's lock; `purpose` is ignored. Short of money overall:
   * INSUFFICIENT_FUNDS with `available`.
   */
  spendFrom?: (string | null)[];
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
  /**
   * Take the next number of this document series (PC, PT) of the fund and year in the same round
   * trip, under the fund's lock (lock order fund → counter), and put it in front of the description
   * (`PC-2026-000045 <description>`, 500 characters at most). For payment vouchers (PC) only:
   * donations and the bank-statement import take the receipt counter (PT) BEFORE the fund's lock,
   * so a PT number taken here, after it, would reverse that order and could deadlock with them.
   */
  document?: { type: string; year: number };
}

export interface Posted {
  transactionId: number;
  seq: number;
  hash: string;
  /** The number taken when the posting asked for one. */
  document?: { seq: number; number: string };
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

/** The errors `ledger_post` raises on purpose (SQLSTATE class SQ, migration 20261128180000), with their JSON detail. */
interface PostgresError {
  code?: string;
  detail?: string;
  constraint?: string;
  message?: string;
}

function postingError(error: unknown, posting: Posting): unknown {
  const e = error as PostgresError;
  const detail = (): Record<string, string | number> => (e.detail ? (JSON.parse(e.detail) as Record<string, string | number>) : {});
  switch (e.code) {
    case 'SQ004':
      return badInput(`Fund ${posting.fundId} does not exist`, 'fundId');
    case 'SQ001': {
      const d = detail();
      try {
        assertOpenPeriod(String(d.lockedUntil), posting.occurredOn, String(d.name));
      } catch (refusal) {
        return refusal;
      }
      return error;
    }
    case 'SQ002': {
      const d = detail();
      return new AppError(ErrorCode.BAD_USER_INPUT, `${d.name} was closed on ${formatDateVi(String(d.closedOn))}: nothing can be posted to it after that day (${formatDateVi(posting.occurredOn)})`, {
        field: 'date',
        closedOn: d.closedOn,
        rule: 'FUND_CLOSED',
      });
    }
    case 'SQ003': {
      const d = detail();
      return new AppError(ErrorCode.INSUFFICIENT_FUNDS, `${d.name} does not hold enough money for this: ${Number(d.available).toLocaleString('vi-VN')} đồng can be spent on it`, {
        fundId: String(posting.fundId),
        available: Number(d.available),
      });
    }
  }
  if (e.constraint === 'ledger_account_balance_check' || String(e.message).includes('ledger_account_balance_check')) {
    return new AppError(ErrorCode.INSUFFICIENT_FUNDS, `Fund ${posting.fundId} does not hold enough money for this: its balance cannot go below zero`, { fundId: String(posting.fundId) });
  }
  return error;
}

/**
 * Posts one balanced transaction to a fund's ledger, inside the caller's database transaction, in ONE
 * round trip: the database function `ledger_post` (migration 20261128180000) locks the fund row (its
 * hash-chain head, so postings to one fund are serialised and the chain has no forks), refuses a
 * locked period or a closed fund, optionally takes a document number, resolves the spending lines
 * from the balances under the lock, upserts the accounts, hashes the transaction exactly as
 * `transactionHash()` does, and inserts the transaction and its entries, whose trigger keeps the
 * balances (never below zero: answered here as INSUFFICIENT_FUNDS) and the daily totals. The fund's
 * lock is held from here to COMMIT: callers do what needs no lock before calling this.
 */
export async function post(em: EntityManager, posting: Posting): Promise<Posted> {
  const total = posting.lines.reduce((sum, line) => sum + line.amount, 0);
  const badSpend = posting.lines.some((l) => l.spendFrom && (l.amount >= 0 || !l.spendFrom.length || normalSide[l.code] !== NormalSide.DEBIT));
  if (posting.lines.length < 2 || total !== 0 || badSpend || posting.lines.some((l) => !Number.isSafeInteger(l.amount) || l.amount === 0)) {
    throw new Error(`unbalanced posting ${posting.kind}: ${JSON.stringify(posting.lines)}`);
  }
  const lines = posting.lines.map((l) =>
    l.spendFrom
      ? { code: l.code, side: normalSide[l.code], spend: l.spendFrom, amount: l.amount }
      : { code: l.code, side: normalSide[l.code], purpose: l.purpose ?? null, amount: l.amount },
  );
  try {
    const [row] = await em.execute<{ transaction_id: string; seq: number; hash: string; document_seq: number | null; document_number: string | null }[]>(
      'select * from ledger_post(?, ?, ?::date, ?, ?, ?, ?, ?::jsonb, ?, ?)',
      [
        posting.fundId,
        posting.kind,
        posting.occurredOn,
        posting.description,
        posting.sourceType,
        posting.sourceId,
        posting.createdById,
        JSON.stringify(lines),
        posting.document?.type ?? null,
        posting.document?.year ?? null,
      ],
    );
    return {
      transactionId: Number(row!.transaction_id),
      seq: row!.seq,
      hash: row!.hash,
      ...(row!.document_number ? { document: { seq: row!.document_seq!, number: row!.document_number } } : {}),
    };
  } catch (error) {
    throw postingError(error, posting);
  }
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

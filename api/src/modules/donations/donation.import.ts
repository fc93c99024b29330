import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { formatDateVi, todayVn } from '../../common/dates';
import { badInput, conflict } from '../../common/errors';
import { logger } from '../../common/logger';
import { ANONYMOUS_NAME } from '../donors/donor.service';
import { fundService } from '../funds/fund.service';
import { AccountCode } from '../ledger/ledger.entities';
import { bulkPost, insertRows } from '../ledger/ledger.bulk';
import { assertFundOpen, type Posting } from '../ledger/ledger.service';
import { decodeUtf8, parseStatement, parseVnDate, parseVnd } from './donation.import-csv';

/** At most this many rows in one import (a province's year of transfers fits many times over). */
export const MAX_IMPORT_ROWS = 100_000;
/** At most this many bytes in one uploaded file. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Errors listed in a report (all are counted). */
const MAX_LISTED_ERRORS = 200;
const DONATION_BATCH = 4000;

export type ImportRowError = 'BAD_ROW' | 'MISSING_REFERENCE' | 'BAD_AMOUNT' | 'BAD_DATE' | 'FUTURE_DATE' | 'PERIOD_LOCKED' | 'BAD_PAYER' | 'DUPLICATE_REFERENCE';

export interface ImportIssue {
  line: number;
  reference: string | null;
  code: ImportRowError;
  message: string;
}

export interface ImportReport {
  fundId: string;
  fundName: string;
  /** Whether the first row was taken as a header. */
  header: boolean;
  /** Data rows read (the header apart). */
  rows: number;
  /** Rows that will be (preview) or were (commit) recorded as donations, and their total in đồng. */
  ok: number;
  okAmount: number;
  /** Rows whose bank reference is already recorded for this fund: skipped, nothing written twice. */
  alreadyImported: number;
  /** Rows refused, by kind, and the first of them with their line numbers. */
  errorCount: number;
  errorsByCode: Partial<Record<ImportRowError, number>>;
  errors: ImportIssue[];
  /** The SHA-256 of the file, as recorded in the audit trail. */
  fileSha256: string;
  committed: boolean;
  /** On commit: the receipt numbers given, first and last. */
  firstReceipt: string | null;
  lastReceipt: string | null;
}

interface ValidRow {
  line: number;
  reference: string;
  key: string;
  receivedOn: string;
  amount: number;
  payer: string;
  note: string;
}

interface Checked {
  report: ImportReport;
  /** Rows that pass every check of their own, before the ones already imported are set apart. */
  candidates: ValidRow[];
}

/** The idempotency key of a statement row: one per fund and bank reference, so a re-import writes nothing twice. */
export const importKey = (fundId: number, reference: string) => `bank:${fundId}:${reference}`;

function issue(report: ImportReport, line: number, reference: string | null, code: ImportRowError, message: string): void {
  report.errorCount++;
  report.errorsByCode[code] = (report.errorsByCode[code] ?? 0) + 1;
  if (report.errors.length < MAX_LISTED_ERRORS) report.errors.push({ line, reference, code, message });
}

async function existingKeys(em: EntityManager, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 20_000) {
    const chunk = keys.slice(i, i + 20_000);
    // One text[] parameter (references may hold any character, quoted here): PostgreSQL probes the
    // unique index, or hashes the array, whatever its statistics say about a freshly filled table.
    const literal = `{${chunk.map((k) => `"${k.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
    const rows = await em.execute<{ k: string }[]>('select idempotency_key as k from donation where idempotency_key = any(?::text[])', [literal]);
    for (const r of rows) found.add(r.k);
  }
  return found;
}

/** Reads and checks every row of the file against the fund (the database is not asked). */
function validate(ctx: SignedInContext, fund: { id: number; name: string; lockedUntil?: string | null }, bytes: Uint8Array): Checked {
  if (bytes.length > MAX_IMPORT_BYTES) throw badInput(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split the statement`, 'file');
  const parsed = parseStatement(decodeUtf8(bytes));
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    throw badInput(`The file holds ${parsed.rows.length} rows; one import takes at most ${MAX_IMPORT_ROWS.toLocaleString('en')}: split the statement`, 'file');
  }
  const report: ImportReport = {
    fundId: String(fund.id),
    fundName: fund.name,
    header: parsed.header,
    rows: parsed.rows.length,
    ok: 0,
    okAmount: 0,
    alreadyImported: 0,
    errorCount: 0,
    errorsByCode: {},
    errors: [],
    fileSha256: createHash('sha256').update(bytes).digest('hex'),
    committed: false,
    firstReceipt: null,
    lastReceipt: null,
  };
  const today = todayVn();
  const maxAmount = ctx.config.limits.maxAmount;
  const { columns } = parsed;
  const needed = Math.max(columns.reference, columns.date, columns.amount) + 1;
  const seen = new Map<string, number>();
  const candidates: ValidRow[] = [];
  for (const { line, fields } of parsed.rows) {
    const cell = (i: number) => (i >= 0 ? (fields[i] ?? '').trim() : '');
    if (fields.length < needed) {
      issue(report, line, null, 'BAD_ROW', `The row has ${fields.length} columns; the statement's rows need at least ${needed}`);
      continue;
    }
    const reference = cell(columns.reference);
    if (!reference) {
      issue(report, line, null, 'MISSING_REFERENCE', 'The row has no bank reference (mã giao dịch): without it a re-import could record it twice');
      continue;
    }
    if (reference.length > 80) {
      issue(report, line, reference.slice(0, 80), 'MISSING_REFERENCE', 'The bank reference is longer than 80 characters');
      continue;
    }
    const first = seen.get(reference);
    if (first !== undefined) {
      issue(report, line, reference, 'DUPLICATE_REFERENCE', `Reference ${reference} is already on line ${first} of this file`);
      continue;
    }
    seen.set(reference, line);
    const amount = parseVnd(cell(columns.amount));
    if (amount === null || amount <= 0) {
      issue(report, line, reference, 'BAD_AMOUNT', `"${cell(columns.amount)}" is not an amount received in whole đồng (e.g. 1.500.000)`);
      continue;
    }
    if (amount > maxAmount) {
      issue(report, line, reference, 'BAD_AMOUNT', `${amount.toLocaleString('vi-VN')} đồng is above the limit of ${maxAmount.toLocaleString('vi-VN')} đồng for one donation`);
      continue;
    }
    const receivedOn = parseVnDate(cell(columns.date));
    if (!receivedOn || receivedOn < '2000-01-01') {
      issue(report, line, reference, 'BAD_DATE', `"${cell(columns.date)}" is not a date (dd/mm/yyyy)`);
      continue;
    }
    if (receivedOn > today) {
      issue(report, line, reference, 'FUTURE_DATE', `${formatDateVi(receivedOn)} is in the future`);
      continue;
    }
    if (fund.lockedUntil && receivedOn <= fund.lockedUntil) {
      issue(report, line, reference, 'PERIOD_LOCKED', `The books of the fund are closed up to ${formatDateVi(fund.lockedUntil)}: ${formatDateVi(receivedOn)} cannot be posted`);
      continue;
    }
    const payer = cell(columns.payer).replace(/\s+/g, ' ') || ANONYMOUS_NAME;
    if (payer.length > 200) {
      issue(report, line, reference, 'BAD_PAYER', 'The payer name is longer than 200 characters');
      continue;
    }
    const description = cell(columns.description).replace(/\s+/g, ' ');
    const note = `Sao kê ${reference}${description ? `: ${description}` : ''}`.slice(0, 1000);
    candidates.push({ line, reference, key: importKey(fund.id, reference), receivedOn, amount, payer, note });
  }
  return { report, candidates };
}

/**
 * Sets apart the rows already imported (their key is recorded) and, under the commit's lock,
 * those a period lock set since now refuses; what remains is recorded.
 */
async function settle(em: EntityManager, checked: Checked, lockedUntil: string | null | undefined): Promise<{ report: ImportReport; valid: ValidRow[] }> {
  const report: ImportReport = { ...checked.report, errorsByCode: { ...checked.report.errorsByCode }, errors: [...checked.report.errors] };
  const open: ValidRow[] = [];
  for (const row of checked.candidates) {
    if (lockedUntil && row.receivedOn <= lockedUntil) {
      issue(report, row.line, row.reference, 'PERIOD_LOCKED', `The books of the fund are closed up to ${formatDateVi(lockedUntil)}: ${formatDateVi(row.receivedOn)} cannot be posted`);
    } else open.push(row);
  }
  const existing = await existingKeys(em, open.map((c) => c.key));
  const valid = open.filter((c) => !existing.has(c.key));
  report.alreadyImported = open.length - valid.length;
  report.ok = valid.length;
  report.okAmount = valid.reduce((s, r) => s + r.amount, 0);
  return { report, valid };
}

async function openFund(ctx: SignedInContext, fundId: string) {
  const fund = await fundService.get(ctx, fundId);
  assertFundOpen(fund);
  return fund;
}

export const donationImportService = {
  /** Reads the statement and says, row by row, what an import would record; writes nothing. */
  async preview(ctx: SignedInContext, fundId: string, bytes: Uint8Array): Promise<ImportReport> {
    const fund = await openFund(ctx, fundId);
    return (await settle(ctx.em, validate(ctx, fund, bytes), fund.lockedUntil)).report;
  },

  /**
   * Records every valid row as a bank-transfer donation (phiếu thu) of the fund in ONE transaction:
   * receipt numbers continuing the fund's gapless series per year (in date order), the ledger
   * postings through `bulkPost` (hash chain, balances, daily totals), multi-row INSERTs of the
   * donations and one audit event summarising the import. Rows already imported (same fund and
   * bank reference) are skipped, so importing the same file again writes nothing; two imports of
   * the same file at once are serialised by the fund's receipt counters, which are taken before the
   * fund's chain head as createDonation takes them.
   */
  async commit(ctx: SignedInContext, fundId: string, bytes: Uint8Array): Promise<ImportReport> {
    const started = Date.now();
    const phases: Record<string, number> = {};
    const mark = (name: string) => (phases[name] = Date.now() - started);
    const fund = await openFund(ctx, fundId);
    // Parsed and checked before any lock is taken: a bad file fails at once.
    const first = validate(ctx, fund, bytes);
    mark('validated');
    if (first.candidates.length === 0) return { ...(await settle(ctx.em, first, fund.lockedUntil)).report, committed: true };
    try {
      return await ctx.em.transactional(async (em) => {
        // Locks in the order createDonation takes them: the year's receipt counter (`insert … on
        // conflict do update`), then the fund's chain head (`update fund` in post()). The counters are
        // taken by reserving numbers for every candidate row, so that a counter a createDonation has
        // just created (the fund's first receipt of a year) is waited for BEFORE the fund is locked:
        // holding the fund while upserting that counter was a cycle (the single receipt holds the
        // counter's new row and waits for the fund), and PostgreSQL aborted one of the two as a
        // deadlock. Years in ascending order, so two imports take them in the same order too.
        const years = [...new Set(first.candidates.map((r) => Number(r.receivedOn.slice(0, 4))))].sort();
        const reserved = new Map<number, { count: number; last: number; created: boolean }>();
        for (const year of years) {
          const count = first.candidates.filter((r) => r.receivedOn.startsWith(`${year}-`)).length;
          const [row] = await em.execute<{ last_number: number; created: boolean }[]>(
            `insert into document_counter (fund_id, doc_type, year, last_number) values (?, 'PT', ?, ?)
             on conflict (fund_id, doc_type, year) do update set last_number = document_counter.last_number + excluded.last_number
             returning last_number, (xmax = 0) as created`,
            [fund.id, year, count],
          );
          reserved.set(year, { count, last: row!.last_number, created: row!.created });
        }
        const [locked] = await em.execute<{ locked_until: string | null; closed_on: string | null }[]>('select locked_until::text, closed_on::text from fund where id = ? for no key update', [fund.id]);
        assertFundOpen({ id: fund.id, name: fund.name, closedOn: locked?.closed_on ?? null });
        // Again under the locks: a concurrent import of the same file has committed by now.
        const { report, valid } = await settle(em, first, locked?.locked_until ?? null);
        mark('settled');
        report.committed = true;

        // The rows recorded take the first numbers reserved; the rest go back (no one else can have
        // taken a number of these counters since: their rows are locked until the commit).
        valid.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.line - b.line));
        const receipts: { year: number; seq: number; number: string }[] = [];
        for (const [year, r] of reserved) {
          const used = valid.filter((v) => v.receivedOn.startsWith(`${year}-`)).length;
          const start = r.last - r.count + 1;
          for (let seq = start; seq < start + used; seq++) receipts.push({ year, seq, number: `PT-${year}-${String(seq).padStart(6, '0')}` });
          if (used === r.count) continue;
          if (used === 0 && r.created) await em.execute("delete from document_counter where fund_id = ? and doc_type = 'PT' and year = ?", [fund.id, year]);
          else await em.execute("update document_counter set last_number = ? where fund_id = ? and doc_type = 'PT' and year = ?", [start + used - 1, fund.id, year]);
        }
        if (valid.length === 0) {
          logger.info('donation import: nothing new', { fundId: String(fund.id), alreadyImported: report.alreadyImported, errors: report.errorCount, msAfterStart: phases });
          return report;
        }
        const ids = (await em.execute<{ id: string }[]>("select nextval('donation_id_seq') as id from generate_series(1, ?)", [valid.length])).map((r) => Number(r.id));
        const postings: Posting[] = valid.map((r, i) => ({
          fundId: fund.id,
          kind: 'DONATION',
          occurredOn: r.receivedOn,
          description: `${receipts[i]!.number} ${r.payer}`,
          sourceType: 'donation',
          sourceId: ids[i]!,
          createdById: ctx.user.id,
          lines: [
            { code: AccountCode.CASH, purpose: null, amount: r.amount },
            { code: AccountCode.DONATION_INCOME, amount: -r.amount },
          ],
        }));
        mark('numbered');
        const transactionIds = await bulkPost(em, postings);
        mark('posted');
        await insertRows(
          em,
          'donation',
          ['id', 'fund_id', 'receipt_number', 'receipt_year', 'receipt_seq', 'donor_name', 'amount', 'received_on', 'method', 'note', 'idempotency_key', 'created_by_id', 'transaction_id'],
          valid.map((r, i) => [ids[i], fund.id, receipts[i]!.number, receipts[i]!.year, receipts[i]!.seq, r.payer, r.amount, r.receivedOn, 'BANK_TRANSFER', r.note, r.key, ctx.user.id, transactionIds[i]]),
          DONATION_BATCH,
        );
        mark('inserted');
        report.firstReceipt = receipts[0]!.number;
        report.lastReceipt = receipts[receipts.length - 1]!.number;
        const summary = {
          entity: 'DonationImport',
          id: null,
          kind: 'create',
          before: null,
          after: {
            fundId: String(fund.id),
            fileSha256: report.fileSha256,
            rows: report.rows,
            imported: report.ok,
            importedAmount: report.okAmount,
            alreadyImported: report.alreadyImported,
            errors: report.errorCount,
            receipts: years.flatMap((y) => {
              const numbers = receipts.filter((r) => r.year === y);
              return numbers.length ? [`${numbers[0]!.number}…${numbers[numbers.length - 1]!.number}`] : [];
            }),
          },
        };
        const [unit] = await em.execute<{ path: string }[]>('select u.path from app_user a join administrative_unit u on u.id = a.unit_id where a.id = ?', [ctx.user.id]);
        await em.execute(
          `insert into audit_event (user_id, user_email, unit_path, operation, target_type, target_id, changes, request_id, client_address)
           values (?, ?, ?, 'commitDonationImport', 'Fund', ?, ?::jsonb, ?, ?)`,
          [ctx.user.id, ctx.user.email, unit?.path ?? ctx.scope.unitPath, String(fund.id), JSON.stringify([summary]), ctx.requestId, ctx.ip],
        );
        logger.info('donation import committed', { fundId: String(fund.id), imported: report.ok, alreadyImported: report.alreadyImported, errors: report.errorCount, msAfterStart: phases });
        return report;
      });
    } catch (error) {
      // Raw statements may surface the driver's error as it is: match on the index, whatever the class.
      if ((error instanceof UniqueConstraintViolationException || (error as { code?: string }).code === '23505') && String((error as Error).message).includes('idempotency_key')) {
        throw conflict('Some of these rows were recorded by another import at the same moment: upload the file again (rows already recorded are skipped)');
      }
      throw error;
    }
  },
};

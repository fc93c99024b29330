import type { EntityManager } from '@mikro-orm/postgresql';
import { DisbursementCategory as C, DisbursementStatus as D, ProjectType } from '../modules/disbursements/disbursement.entity';
import { AccountCode } from '../modules/ledger/ledger.entities';
import { bulkPost, insertRows } from '../modules/ledger/ledger.bulk';
import type { Posting, PostingLine } from '../modules/ledger/ledger.service';
import { addDays } from './random';

export interface DemoStaff {
  officer: number;
  approver: number;
  payer: number;
}

export interface DemoPayment {
  fundId: number;
  amount: number;
  category: C;
  payee: string;
  purpose: string;
  type: ProjectType;
  projectId: number;
  on: string;
  status: D;
  /** Paid in goods (an in-kind gift batch). */
  inKind?: boolean;
}

/**
 * The demo's book of project payments (phiếu chi linked to a project): PAID ones spend what the
 * fund holds (the category's earmark first, as a real payment does) with the next voucher number
 * and their ledger posting; the others wait in the workflow, their amount kept aside (promised).
 * Written in bulk by `write()`, after the generic demo disbursements.
 */
export class DemoPayments {
  private readonly cash = new Map<string, number>();
  private readonly counters = new Map<string, number>();
  private readonly promised = new Map<number, number>();
  private readonly postings: Posting[] = [];
  /** Other ledger postings (returns of gifts), written with the payments. */
  private readonly extra: Posting[] = [];
  private readonly paid: unknown[][] = [];
  private readonly open: unknown[][] = [];
  private ids: number[] = [];
  private next = 0;

  private constructor(
    private readonly em: EntityManager,
    private readonly staff: DemoStaff,
  ) {}

  static async load(em: EntityManager, staff: DemoStaff, capacity: number): Promise<DemoPayments> {
    const book = new DemoPayments(em, staff);
    for (const a of await em.execute<{ fund_id: number; code: string; purpose: string | null; balance: string }[]>("select fund_id, code, purpose, balance from ledger_account where code in ('CASH', 'GOODS')")) {
      book.cash.set(`${a.fund_id}|${a.code}|${a.purpose ?? ''}`, Number(a.balance));
    }
    for (const c of await em.execute<{ fund_id: number; year: number; last_number: number }[]>("select fund_id, year, last_number from document_counter where doc_type = 'PC'")) {
      book.counters.set(`${c.fund_id}|${c.year}`, c.last_number);
    }
    book.ids = (await em.execute<{ id: string }[]>("select nextval('disbursement_id_seq') as id from generate_series(1, ?)", [capacity])).map((x) => Number(x.id));
    return book;
  }

  private held(fundId: number, purpose: string, code: AccountCode = AccountCode.CASH): number {
    return this.cash.get(`${fundId}|${code}|${purpose}`) ?? 0;
  }

  private move(fundId: number, purpose: string, code: AccountCode, delta: number): void {
    this.cash.set(`${fundId}|${code}|${purpose}`, this.held(fundId, purpose, code) + delta);
  }

  /** What a payment of `category` may still use in a fund: free and earmarked money, less what is promised. */
  available(fundId: number, category: C, code: AccountCode = AccountCode.CASH): number {
    return this.held(fundId, '', code) + this.held(fundId, category, code) - (code === AccountCode.CASH ? (this.promised.get(fundId) ?? 0) : 0);
  }

  /** Keeps money aside for a later payment of a project (a later tranche, an open draft). */
  promise(fundId: number, amount: number): void {
    this.promised.set(fundId, (this.promised.get(fundId) ?? 0) + amount);
  }

  /** Records a payment; returns the disbursement id. */
  add(p: DemoPayment): number {
    const id = this.ids[this.next++];
    if (id === undefined) throw new Error('demo: more payments than reserved ids');
    const created = `${addDays(p.on, -7)}T09:00:00+07:00`;
    const { officer, approver, payer } = this.staff;
    if (p.status !== D.PAID) {
      this.promise(p.fundId, p.inKind ? 0 : p.amount);
      const submitted = p.status !== D.DRAFT;
      this.open.push([id, p.fundId, p.amount, p.category, Boolean(p.inKind), p.payee, p.purpose, p.status, officer, created, `demo-pc-${id}`, p.type, p.projectId,
        submitted ? officer : null, submitted ? created : null, p.status === D.APPROVED ? approver : null, p.status === D.APPROVED ? `${p.on}T10:00:00+07:00` : null]);
      return id;
    }
    const code = p.inKind ? AccountCode.GOODS : AccountCode.CASH;
    const year = Number(p.on.slice(0, 4));
    const seq = (this.counters.get(`${p.fundId}|${year}`) ?? 0) + 1;
    this.counters.set(`${p.fundId}|${year}`, seq);
    const number = `PC-${year}-${String(seq).padStart(6, '0')}`;
    const fromEarmark = Math.min(p.amount, this.held(p.fundId, p.category, code));
    const fromFree = p.amount - fromEarmark;
    if (fromFree > this.held(p.fundId, '', code)) throw new Error(`demo: fund ${p.fundId} cannot pay ${p.amount}`);
    this.move(p.fundId, p.category, code, -fromEarmark);
    this.move(p.fundId, '', code, -fromFree);
    const lines: PostingLine[] = [];
    if (fromEarmark > 0) lines.push({ code, purpose: p.category, amount: -fromEarmark });
    if (fromFree > 0) lines.push({ code, amount: -fromFree });
    lines.push({ code: AccountCode.EXPENSE, purpose: p.category, amount: p.amount });
    this.postings.push({ fundId: p.fundId, kind: 'DISBURSEMENT', occurredOn: p.on, description: `${number} ${p.payee}: ${p.purpose}`.slice(0, 500), sourceType: 'disbursement', sourceId: id, createdById: payer, lines });
    this.paid.push([id, p.fundId, number, year, seq, p.amount, p.category, Boolean(p.inKind), p.payee, p.purpose, D.PAID, officer, created, officer, created, approver, `${addDays(p.on, -2)}T10:00:00+07:00`, payer, p.on, `demo-pc-${id}`, p.type, p.projectId]);
    return id;
  }

  /** A ledger posting that is not a payment (gifts returned to the fund); its index among the extras. */
  post(posting: Posting): number {
    for (const l of posting.lines) if (l.code === AccountCode.CASH || l.code === AccountCode.GOODS) this.move(posting.fundId, l.purpose ?? '', l.code, l.amount);
    this.extra.push(posting);
    return this.extra.length - 1;
  }

  get count(): number {
    return this.paid.length + this.open.length;
  }

  /** Writes the postings and the disbursements; returns the transaction ids of the extra postings. */
  async write(): Promise<number[]> {
    const txIds = await bulkPost(this.em, [...this.postings, ...this.extra]);
    await insertRows(this.em, 'disbursement', [
      'id', 'fund_id', 'voucher_number', 'voucher_year', 'voucher_seq', 'amount', 'category', 'in_kind', 'payee_name', 'purpose', 'status', 'created_by_id', 'created_at', 'submitted_by_id', 'submitted_at',
      'approved_by_id', 'approved_at', 'paid_by_id', 'paid_on', 'idempotency_key', 'project_type', 'project_id', 'transaction_id',
    ], this.paid.map((row, i) => [...row, txIds[i]]), 2000);
    await insertRows(this.em, 'disbursement', [
      'id', 'fund_id', 'amount', 'category', 'in_kind', 'payee_name', 'purpose', 'status', 'created_by_id', 'created_at', 'idempotency_key', 'project_type', 'project_id', 'submitted_by_id', 'submitted_at', 'approved_by_id', 'approved_at',
    ], this.open, 2000);
    await this.em.execute(
      `insert into document_counter (fund_id, doc_type, year, last_number)
       select fund_id, 'PC', voucher_year, max(voucher_seq) from disbursement where voucher_seq is not null group by 1, 3
       on conflict (fund_id, doc_type, year) do update set last_number = greatest(document_counter.last_number, excluded.last_number)`,
    );
    return txIds.slice(this.postings.length);
  }
}

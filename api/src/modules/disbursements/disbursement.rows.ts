import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { PageOptions } from '../../common/pagination';
import { orAbsent, refOf, type IdRef } from '../../common/rows';
import { Disbursement, type DisbursementCategory, type DisbursementStatus, type ProjectType } from './disbursement.entity';

/**
 * A disbursement as the lists read it: plain values with the entity's property names and the
 * references as `{ id }`. GraphQL resolves the `Disbursement` type from it exactly as from the
 * entity (the ids, `fundId`…, come from DisbursementResolver); building 50 entities with their
 * eight references each was most of a list request's time (bench:list).
 */
export interface DisbursementRow {
  id: number;
  fund: IdRef;
  voucherNumber?: string;
  amount: number;
  category: DisbursementCategory;
  payeeName: string;
  payeeIdNumber?: string;
  payeeAddress?: string;
  payeeBankAccount?: string;
  purpose: string;
  inKind: boolean;
  projectType?: ProjectType;
  projectId?: number;
  documents: string[];
  targetFund?: IdRef;
  status: DisbursementStatus;
  createdBy: IdRef;
  createdAt: Date;
  submittedBy?: IdRef;
  submittedAt?: Date;
  approvedBy?: IdRef;
  approvedAt?: Date;
  decidedBy?: IdRef;
  reason?: string;
  paidBy?: IdRef;
  paidOn?: string;
  closedAt?: Date;
}

/** What the `Disbursement` GraphQL type and its field resolvers are given: the entity (by id, mutations) or a row (lists). */
export type DisbursementView = Disbursement | DisbursementRow;

/** The entity properties a row is read from (the query builder maps them to columns). */
const properties = [
  'id', 'fund', 'voucherNumber', 'amount', 'category', 'payeeName', 'payeeIdNumber', 'payeeAddress', 'payeeBankAccount', 'purpose', 'inKind',
  'projectType', 'projectId', 'documents', 'targetFund', 'status', 'createdBy', 'createdAt', 'submittedBy', 'submittedAt', 'approvedBy',
  'approvedAt', 'decidedBy', 'reason', 'paidBy', 'paidOn', 'closedAt',
] as const;

interface RawRow {
  id: string;
  fund_id: number;
  voucher_number: string | null;
  amount: string;
  category: DisbursementCategory;
  payee_name: string;
  payee_id_number: string | null;
  payee_address: string | null;
  payee_bank_account: string | null;
  purpose: string;
  in_kind: boolean;
  project_type: ProjectType | null;
  project_id: string | null;
  documents: string[] | null;
  target_fund_id: number | null;
  status: DisbursementStatus;
  created_by_id: number;
  created_at: string;
  submitted_by_id: number | null;
  submitted_at: string | null;
  approved_by_id: number | null;
  approved_at: string | null;
  decided_by_id: number | null;
  reason: string | null;
  paid_by_id: number | null;
  paid_on: string | null;
  closed_at: string | null;
}

/**
 * One page of disbursements matching `where` as plain rows: one SQL statement, no entities, nothing
 * in the identity map. Values are converted as MikroORM converts them (bigint columns to numbers,
 * timestamps to Dates with the platform's parser, dates kept as 'YYYY-MM-DD').
 */
export async function disbursementRows(em: EntityManager, where: FilterQuery<Disbursement>, page: PageOptions): Promise<DisbursementRow[]> {
  const rows = await em
    .createQueryBuilder(Disbursement, 'd0')
    .select([...properties])
    // The query builder's filter type is narrower than the entity manager's; the filter is the same.
    .where(where as never)
    .orderBy(page.orderBy)
    .limit(page.limit)
    .offset(page.offset)
    .execute<RawRow[]>('all', false);
  const platform = em.getPlatform();
  const date = (x: string | null): Date | undefined => (x === null ? undefined : (platform.parseDate(x) as Date));
  return rows.map((r) => ({
    id: Number(r.id),
    fund: { id: r.fund_id },
    voucherNumber: orAbsent(r.voucher_number),
    amount: Number(r.amount),
    category: r.category,
    payeeName: r.payee_name,
    payeeIdNumber: orAbsent(r.payee_id_number),
    payeeAddress: orAbsent(r.payee_address),
    payeeBankAccount: orAbsent(r.payee_bank_account),
    purpose: r.purpose,
    inKind: r.in_kind,
    projectType: orAbsent(r.project_type),
    projectId: r.project_id === null ? undefined : Number(r.project_id),
    documents: r.documents ?? [],
    targetFund: refOf(r.target_fund_id),
    status: r.status,
    createdBy: { id: r.created_by_id },
    createdAt: date(r.created_at)!,
    submittedBy: refOf(r.submitted_by_id),
    submittedAt: date(r.submitted_at),
    approvedBy: refOf(r.approved_by_id),
    approvedAt: date(r.approved_at),
    decidedBy: refOf(r.decided_by_id),
    reason: orAbsent(r.reason),
    paidBy: refOf(r.paid_by_id),
    paidOn: orAbsent(r.paid_on),
    closedAt: date(r.closed_at),
  }));
}

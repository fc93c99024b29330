/**
 * The console's view of the GraphQL contract (schema/schema.graphql), kept by hand; the SDL stays
 * the source of truth. Amounts are whole đồng (`SafeInt`), dates `YYYY-MM-DD` (`LocalDate`).
 */
import type { RaRecord } from 'react-admin';

export const unitLevels = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export type UnitLevel = (typeof unitLevels)[number];

export const roles = ['ADMIN', 'FUND_MANAGER', 'GRANT_OFFICER', 'INSPECTOR'] as const;
export type Role = (typeof roles)[number];

/** The GraphQL `Permission` enum, as the server names it in `login` and `me`. */
export type Permission =
  | 'Public'
  | 'Authenticated'
  | 'UnitRead'
  | 'UnitReorganise'
  | 'UserRead'
  | 'UserCreate'
  | 'UserUpdate'
  | 'UserResetPassword'
  | 'FundRead'
  | 'FundLock'
  | 'LedgerRead'
  | 'LedgerVerify'
  | 'DonorRead'
  | 'DonorWrite'
  | 'CampaignRead'
  | 'CampaignWrite'
  | 'DonationRead'
  | 'DonationCreate'
  | 'DonationVoid'
  | 'DisbursementRead'
  | 'DisbursementCreate'
  | 'DisbursementApprove'
  | 'DisbursementPay'
  | 'AuditRead'
  | 'PolicyRead'
  | 'PolicyWrite'
  | 'HouseholdRead'
  | 'HouseholdWrite'
  | 'HouseholdIdentityRead'
  | 'HousingRead'
  | 'HousingWrite'
  | 'MemorialRead'
  | 'MemorialWrite'
  | 'ChildRead'
  | 'ChildWrite'
  | 'ChildIdentityRead'
  | 'GiftWrite'
  | 'ChildSupportWrite'
  | 'StatementRead';

export interface AdministrativeUnit extends RaRecord<string> {
  code: string;
  name: string;
  nameWithType: string;
  level: UnitLevel;
  type: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** The unit that took this one over in a reorganisation. */
  successorId?: string | null;
}

export interface User extends RaRecord<string> {
  email: string;
  fullName: string;
  role: Role;
  unitId: string;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const fundKinds = ['GRATITUDE', 'CHILD_PROTECTION'] as const;
export type FundKind = (typeof fundKinds)[number];

export const donationMethods = ['CASH', 'BANK_TRANSFER', 'IN_KIND'] as const;
export type DonationMethod = (typeof donationMethods)[number];

export const donationStatuses = ['POSTED', 'VOIDED'] as const;
export type DonationStatus = (typeof donationStatuses)[number];

export const donorTypes = ['INDIVIDUAL', 'ENTERPRISE', 'AGENCY', 'ORGANISATION', 'ANONYMOUS'] as const;
export type DonorType = (typeof donorTypes)[number];

/** The GraphQL `ProgramCategory` enum: what an earmarked gift is restricted to. */
export const programCategories = [
  'HOUSING_NEW',
  'HOUSING_REPAIR',
  'MEMORIAL_WORK',
  'HARDSHIP',
  'CHILD_GIFT',
  'SCHOLARSHIP',
  'SURGERY',
] as const;
export type ProgramCategory = (typeof programCategories)[number];

export interface EarmarkedBalance {
  amount: number;
  /** A program category (HOUSING_NEW…) or, later, one project. */
  purpose: string;
}

export interface Fund extends RaRecord<string> {
  name: string;
  kind: FundKind;
  unitId: string;
  balance: number;
  freeBalance: number;
  earmarked: EarmarkedBalance[];
  inKindHeld: number;
  receiptsThisYear: number;
  lockedUntil: string | null;
}

export interface LedgerLine extends RaRecord<string> {
  fundId: string;
  seq: number;
  /** DONATION, DONATION_VOID, … */
  kind: string;
  occurredOn: string;
  description: string;
  cashChange: number;
  goodsChange: number;
  hash: string;
  sourceType: string;
  sourceId: string;
  createdAt: string;
}

export interface LedgerVerification {
  fundId: string;
  ok: boolean;
  accountsChecked: number;
  transactionsChecked: number;
  firstMismatch: { reason: string; seq: number | null; transactionId: string | null } | null;
}

export interface Donor extends RaRecord<string> {
  type: DonorType;
  name: string;
  taxCode: string | null;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  unitId: string;
  createdAt: string;
}

/** What `createDonor` answers: the donor, and a warning when an existing one was linked instead. */
export interface DonorCreated extends Donor {
  warning: string | null;
}

export interface Campaign extends RaRecord<string> {
  fundId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  target: number;
  received: number;
  pledged: number;
  progressPercent: number;
  overduePledges: number;
  overdueAmount: number;
  /** The public page's address (/public/campaigns/<publicSlug>), kept when unpublished. */
  publicSlug: string | null;
  /** When it was published; null when the campaign is not public. */
  publishedAt: string | null;
}

export interface Pledge extends RaRecord<string> {
  campaignId: string;
  donorId: string;
  amount: number;
  paid: number;
  dueOn: string;
  overdue: boolean;
  note: string | null;
}

export interface Donation extends RaRecord<string> {
  fundId: string;
  receiptNumber: string;
  receivedOn: string;
  donorId: string | null;
  donorName: string;
  amount: number;
  amountInWords: string;
  method: DonationMethod;
  inKindDescription: string | null;
  earmark: string | null;
  campaignId: string | null;
  pledgeId: string | null;
  note: string | null;
  status: DonationStatus;
  voidReason: string | null;
  voidedAt: string | null;
  createdAt: string;
}

/** The GraphQL `DisbursementCategory` enum: what money out of a fund is for. */
export const disbursementCategories = [
  'HOUSING_NEW',
  'HOUSING_REPAIR',
  'MEMORIAL_WORK',
  'CHILD_GIFT',
  'SCHOLARSHIP',
  'SURGERY',
  'HARDSHIP',
  'TRANSFER',
  'ADMINISTRATION',
] as const;
export type DisbursementCategory = (typeof disbursementCategories)[number];

/** The GraphQL `DisbursementStatus` enum, in workflow order. */
export const disbursementStatuses = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PAID', 'REJECTED', 'CANCELLED'] as const;
export type DisbursementStatus = (typeof disbursementStatuses)[number];

/** The GraphQL `DisbursementFlag` enum: what an inspector should look at twice. */
export const disbursementFlags = ['DUPLICATE_PAYEE_AMOUNT', 'SPLIT_UNDER_THRESHOLD', 'ABOVE_POLICY_RATE'] as const;
export type DisbursementFlag = (typeof disbursementFlags)[number];

/** The GraphQL `ProjectType` enum: what kind of project a disbursement pays. */
export const projectTypes = ['HOUSING_GRANT', 'MEMORIAL_WORK', 'GIFT_CAMPAIGN', 'SCHOLARSHIP', 'SURGERY_CASE'] as const;
export type ProjectType = (typeof projectTypes)[number];

/** What the current user may do with one disbursement, as the server decides it. */
export interface DisbursementPermissions {
  canSubmit: boolean;
  canApprove: boolean;
  canReject: boolean;
  canPay: boolean;
  canCancel: boolean;
}

export interface Disbursement extends RaRecord<string> {
  fundId: string;
  voucherNumber: string | null;
  amount: number;
  amountInWords: string;
  category: DisbursementCategory;
  payeeName: string;
  payeeIdNumber: string | null;
  payeeAddress: string | null;
  payeeBankAccount: string | null;
  purpose: string;
  projectType: ProjectType | null;
  projectId: string | null;
  documents: string[];
  targetFundId: string | null;
  status: DisbursementStatus;
  createdAt: string;
  createdById: string;
  createdByName: string | null;
  approvedById: string | null;
  approvedByName: string | null;
  paidByName: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  closedAt: string | null;
  paidOn: string | null;
  reason: string | null;
  permissions: DisbursementPermissions;
  flags: DisbursementFlag[];
}

/** One changed record of an audit event: the fields before and after (before is null for a created one). */
export interface AuditChange {
  entity: string;
  id: string | number | null;
  kind: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditEvent extends RaRecord<string> {
  at: string;
  userId: string | null;
  userEmail: string | null;
  operation: string;
  targetType: string | null;
  targetId: string | null;
  changes: AuditChange[];
  requestId: string;
  clientAddress: string;
}

/**
 * The console's view of the surgery part of the GraphQL contract (schema/schema.graphql): surgery
 * support for children (hỗ trợ phẫu thuật), their funding lines and their steps. Amounts are whole
 * đồng, dates `YYYY-MM-DD`.
 */
import type { RaRecord } from 'react-admin';
import type { FundingLine, ProjectEvent } from '../housing/types';

export type { FundingLine, ProjectEvent };

/** The GraphQL `SurgeryStatus` enum, in workflow order. */
export const surgeryStatuses = ['REFERRED', 'APPROVED', 'OPERATED', 'FOLLOW_UP', 'CLOSED', 'CANCELLED'] as const;
export type SurgeryStatus = (typeof surgeryStatuses)[number];

export const surgeryConditions = ['CONGENITAL_HEART', 'EYE', 'CLEFT_LIP_PALATE', 'MOTOR_DISABILITY', 'OTHER'] as const;
export type SurgeryCondition = (typeof surgeryConditions)[number];

/** The funding sources of a case: the fund's support, other sponsors, the family. */
export const surgeryFundingSources = ['FUND', 'SPONSOR', 'FAMILY'] as const;

/** The steps of a case's workflow, as the server names them in `permissions`. */
export const surgerySteps = ['approve', 'operate', 'followUp', 'close', 'cancel'] as const;
export type SurgeryStep = (typeof surgerySteps)[number];

export type SurgeryCasePermissions = Record<SurgeryStep, boolean>;

export interface SurgeryCase extends RaRecord<string> {
  childId: string;
  /** Masked ("N. V. A.") for roles without ChildIdentityRead. */
  childName: string;
  condition: SurgeryCondition;
  hospital: string;
  fundId: string;
  totalCost: number;
  fundSupport: number;
  status: SurgeryStatus;
  referredOn: string;
  operatedOn: string | null;
  note: string | null;
  paidAmount: number;
  pendingAmount: number;
  fundingLines: FundingLine[];
  events: ProjectEvent[];
  permissions: SurgeryCasePermissions;
  createdAt: string;
}

/** Payments are drafted while the case is approved, operated or followed up (the API refuses others). */
export const PAYABLE_STATUSES: readonly SurgeryStatus[] = ['APPROVED', 'OPERATED', 'FOLLOW_UP'];

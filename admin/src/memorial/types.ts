/**
 * The console's view of the memorial works of the GraphQL contract (schema/schema.graphql:
 * MemorialWork, FundingLine, MemorialProgress, ProjectEvent, MemorialCap), kept by hand.
 */
import type { RaRecord } from 'react-admin';
import type { UnitLevel } from '../types';

export const memorialWorkKinds = ['CEMETERY', 'MEMORIAL', 'TEMPLE', 'NAME_STELE', 'GRAVE'] as const;
export type MemorialWorkKind = (typeof memorialWorkKinds)[number];

export const memorialWorkScopes = ['NEW', 'UPGRADE', 'REPAIR'] as const;
export type MemorialWorkScope = (typeof memorialWorkScopes)[number];

/** In workflow order: PLANNED → APPROVED → IN_PROGRESS → COMPLETED → SETTLED (quyết toán). */
export const memorialWorkStatuses = ['PLANNED', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'SETTLED'] as const;
export type MemorialWorkStatus = (typeof memorialWorkStatuses)[number];

export const fundingSources = ['CENTRAL_BUDGET', 'LOCAL_BUDGET', 'FUND', 'SPONSOR', 'FAMILY'] as const;
export type FundingSource = (typeof fundingSources)[number];

/** The sources whose lines make the support the caps limit (the central budget and the funds). */
export const supportSources: readonly FundingSource[] = ['CENTRAL_BUDGET', 'FUND'];

export interface FundingLine {
  id: string;
  source: FundingSource;
  fundId: string | null;
  note: string | null;
  amount: number;
  /** For a FUND line: what its fund has paid for the work. */
  paidAmount: number;
  projectId: string;
  projectType: string;
}

export interface MemorialProgress {
  id: string;
  reportedOn: string;
  percent: number;
  note: string | null;
  createdAt: string;
  createdById: string;
}

export interface ProjectEvent {
  id: string;
  /** plan, approve, start, complete, settle */
  action: string;
  fromStatus: string | null;
  toStatus: string;
  occurredOn: string;
  document: string | null;
  note: string | null;
  actorId: string;
  actorName: string | null;
  at: string;
}

/** The steps the current user may take on the work now, as the server decides. */
export interface MemorialWorkPermissions {
  approve: boolean;
  start: boolean;
  reportProgress: boolean;
  complete: boolean;
  settle: boolean;
}

export interface MemorialWork extends RaRecord<string> {
  name: string;
  kind: MemorialWorkKind;
  scope: MemorialWorkScope;
  unitId: string;
  level: UnitLevel;
  location: string | null;
  graveCount: number | null;
  approvedCost: number;
  supportAmount: number;
  fundLinesTotal: number;
  paidAmount: number;
  pendingAmount: number;
  progress: number;
  projectDocumentNumber: string | null;
  decisionNumber: string | null;
  contractor: string | null;
  startOn: string | null;
  plannedEndOn: string | null;
  approvedOn: string | null;
  completedOn: string | null;
  settledOn: string | null;
  status: MemorialWorkStatus;
  createdAt: string;
  updatedAt: string;
  fundingLines: FundingLine[];
  progressReports: MemorialProgress[];
  events: ProjectEvent[];
  permissions: MemorialWorkPermissions;
}

/** One limit on a work's support, from a policy rate (`memorialWorkCaps`). */
export interface MemorialCap {
  /** The rate code: MEMORIAL_SUPPORT_SHARE, MEMORIAL_CAP_COMMUNE, MEMORIAL_GRAVE, … */
  rule: string;
  limit: number;
  explanation: string;
  basis: string;
}

/**
 * The console's view of the housing part of the GraphQL contract (schema/schema.graphql): the
 * households of people with meritorious service, housing grants, their funding lines and steps,
 * and the program reports. Amounts are whole đồng, dates `YYYY-MM-DD`.
 */
import type { RaRecord } from 'react-admin';
import type { UnitLevel } from '../types';

export const houseConditions = ['SOLID', 'SEMI_SOLID', 'DILAPIDATED', 'TEMPORARY', 'NO_HOUSE'] as const;
export type HouseCondition = (typeof houseConditions)[number];

export interface BeneficiaryHousehold extends RaRecord<string> {
  personName: string;
  /** Masked ("036*******34") for roles without HouseholdIdentityRead. */
  nationalId: string;
  meritCategoryCode: string;
  unitId: string;
  address: string;
  householdSize: number;
  houseCondition: HouseCondition;
  phone: string | null;
  note: string | null;
  createdAt: string;
}

export interface MeritCategory {
  code: string;
  name: string;
  source: string;
}

/** The GraphQL `HousingGrantStatus` enum, in workflow order. */
export const housingGrantStatuses = ['APPLIED', 'VERIFIED', 'APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'CLOSED', 'REJECTED'] as const;
export type HousingGrantStatus = (typeof housingGrantStatuses)[number];

export const housingGrantTypes = ['NEW_BUILD', 'REPAIR'] as const;
export type HousingGrantType = (typeof housingGrantTypes)[number];

export const housingPrograms = ['DECISION_22_2013', 'DECREE_131_2021', 'GRATITUDE_HOUSE', 'OTHER'] as const;
export type HousingProgram = (typeof housingPrograms)[number];

export const fundingSources = ['FUND', 'CENTRAL_BUDGET', 'LOCAL_BUDGET', 'SPONSOR', 'FAMILY'] as const;
export type FundingSource = (typeof fundingSources)[number];

export interface FundingLine {
  id: string;
  source: FundingSource;
  fundId: string | null;
  note: string | null;
  amount: number;
  paidAmount: number;
  projectId: string;
  projectType: string;
}

export interface ProjectEvent {
  id: string;
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

/** The steps of a grant's workflow, as the server names them in `permissions`. */
export const housingGrantSteps = ['verify', 'approve', 'start', 'complete', 'close', 'reject'] as const;
export type HousingGrantStep = (typeof housingGrantSteps)[number];

export type HousingGrantPermissions = Record<HousingGrantStep, boolean>;

export interface HousingGrant extends RaRecord<string> {
  householdId: string;
  householdName: string;
  unitId: string;
  type: HousingGrantType;
  program: HousingProgram;
  status: HousingGrantStatus;
  appliedOn: string;
  description: string | null;
  amount: number | null;
  approvedTotal: number | null;
  firstTrancheLimit: number | null;
  approvedOn: string | null;
  decisionNumber: string | null;
  constructionStartedOn: string | null;
  handoverNumber: string | null;
  handoverDate: string | null;
  closedOn: string | null;
  rejectionReason: string | null;
  fundLinesTotal: number;
  paidAmount: number;
  pendingAmount: number;
  dueAmount: number;
  payableNow: number;
  fundingLines: FundingLine[];
  events: ProjectEvent[];
  permissions: HousingGrantPermissions;
  createdAt: string;
  updatedAt: string;
}

export interface PolicyRateInForce {
  id: string;
  code: string;
  name: string;
  amount: number | null;
  percent: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
  toBeConfirmed: boolean;
}

export const housingReportDimensions = ['STATUS', 'TYPE', 'PROGRAM', 'DISTRICT', 'COMMUNE', 'YEAR'] as const;
export type HousingReportDimension = (typeof housingReportDimensions)[number];

export interface HousingReportRow {
  status: HousingGrantStatus | null;
  type: HousingGrantType | null;
  program: HousingProgram | null;
  districtId: string | null;
  districtName: string | null;
  communeId: string | null;
  communeName: string | null;
  year: number | null;
  count: number;
  amount: number;
  approvedTotal: number;
  paidAmount: number;
}

export const memorialWorkStatuses = ['PLANNED', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'SETTLED'] as const;
export const memorialWorkKinds = ['CEMETERY', 'MEMORIAL', 'TEMPLE', 'NAME_STELE', 'GRAVE'] as const;
export const memorialWorkScopes = ['NEW', 'UPGRADE', 'REPAIR'] as const;

export const memorialReportDimensions = ['STATUS', 'KIND', 'SCOPE', 'LEVEL', 'UNIT', 'YEAR'] as const;
export type MemorialReportDimension = (typeof memorialReportDimensions)[number];

export interface MemorialReportRow {
  status: string | null;
  kind: string | null;
  scope: string | null;
  level: UnitLevel | null;
  unitId: string | null;
  unitName: string | null;
  year: number | null;
  count: number;
  approvedCost: number;
  supportAmount: number;
  paidAmount: number;
  averageProgress: number;
}

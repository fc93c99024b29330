/** The console's view of the policy rates of the GraphQL contract (schema/schema.graphql: PolicyRate), kept by hand. */
import type { RaRecord } from 'react-admin';

export const rateUnits = ['VND', 'PERCENT'] as const;
export type RateUnit = (typeof rateUnits)[number];

/** The codes the API's rules read (api/src/modules/policy/policy-rate.service.ts, RateCode). */
export const rateCodes = [
  'HOUSING_NEW',
  'HOUSING_REPAIR',
  'HOUSING_FIRST_TRANCHE',
  'HOUSING_MANAGEMENT_COST',
  'MEMORIAL_SUPPORT_SHARE',
  'MEMORIAL_CAP_PROVINCE',
  'MEMORIAL_CAP_DISTRICT',
  'MEMORIAL_CAP_COMMUNE',
  'MEMORIAL_REPAIR_SHARE',
  'MEMORIAL_GRAVE',
  'MEMORIAL_PROJECT_DOCUMENT',
] as const;

export interface PolicyRate extends RaRecord<string> {
  code: string;
  name: string;
  category: string | null;
  unit: RateUnit;
  /** For a VND rate: the amount, in đồng. */
  amount: number | null;
  /** For a PERCENT rate: the percentage (60 = 60%). */
  percent: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
  toBeConfirmed: boolean;
  reason: string | null;
  supersedesId: string | null;
  createdAt: string;
  createdByName: string | null;
}

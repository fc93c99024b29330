import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { PolicyRate } from './types';

export const RATE_FIELDS = 'id code name category unit amount percent effectiveFrom effectiveTo legalBasis toBeConfirmed reason supersedesId createdAt createdByName';

const HISTORY = `query PolicyRateHistory($id: ID!) { PolicyRate(id: $id) { id history { ${RATE_FIELDS} } } }`;

export const REVISE_POLICY_RATE = `mutation RevisePolicyRate($code: String!, $amount: SafeInt, $percent: Float, $effectiveFrom: LocalDate!, $effectiveTo: LocalDate,
  $legalBasis: String!, $toBeConfirmed: Boolean, $reason: String!) {
  revisePolicyRate(code: $code, amount: $amount, percent: $percent, effectiveFrom: $effectiveFrom, effectiveTo: $effectiveTo, legalBasis: $legalBasis,
    toBeConfirmed: $toBeConfirmed, reason: $reason) { ${RATE_FIELDS} }
}`;

/** Every rate of the same code as this one, newest first (`PolicyRate.history`). */
export function usePolicyRateHistory(id: Identifier | undefined) {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  return useQuery({
    queryKey: ['PolicyRate', 'history', String(id)],
    queryFn: async () => (await dataProvider.request<{ PolicyRate: { history: PolicyRate[] } }>(HISTORY, { id: String(id) })).PolicyRate.history,
    enabled: id !== undefined && id !== null,
  });
}

import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { HousingGrantType, PolicyRateInForce } from './types';

const RATES = `query RatesInForce($f: PolicyRateFilter) {
  allPolicyRates(filter: $f, perPage: 5) { id code name amount percent effectiveFrom effectiveTo legalBasis toBeConfirmed }
}`;

/** The policy rate code of a grant's support: HOUSING_NEW for a new house, HOUSING_REPAIR for a repair. */
export const rateCodeOf = (type: HousingGrantType) => (type === 'NEW_BUILD' ? 'HOUSING_NEW' : 'HOUSING_REPAIR');

/** The policy rate of a code in force on a day (none while the day is not given). */
export function useRateInForce(code: string | undefined, date: string | null | undefined): PolicyRateInForce | null | undefined {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const valid = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const { data } = useQuery({
    queryKey: ['PolicyRate', 'inForce', code, date],
    queryFn: async () => (await dataProvider.request<{ allPolicyRates: PolicyRateInForce[] }>(RATES, { f: { code, inForceOn: date } })).allPolicyRates[0] ?? null,
    enabled: Boolean(code) && valid,
    staleTime: 5 * 60_000,
  });
  return valid ? data : null;
}

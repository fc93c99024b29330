import { useGetOne } from 'react-admin';
import type { AdministrativeUnit, Fund } from '../types';

/** The fund a document belongs to, and the fund's administrative unit, for the document's header. */
export const useFundAndUnit = (fundId: string | undefined) => {
  const { data: fund } = useGetOne<Fund>('Fund', { id: fundId ?? '' }, { enabled: Boolean(fundId) });
  const { data: unit } = useGetOne<AdministrativeUnit>('AdministrativeUnit', { id: fund?.unitId ?? '' }, { enabled: Boolean(fund?.unitId) });
  return { fund, unit };
};

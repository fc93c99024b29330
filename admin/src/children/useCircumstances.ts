import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { ChildCircumstance } from './types';

const CIRCUMSTANCES = 'query ChildCircumstances { allChildCircumstances { code name source } }';

/** The groups of children in special circumstances (reference data, Law on Children 2016), fetched once. */
export function useCircumstances(): ChildCircumstance[] | undefined {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const { data } = useQuery({
    queryKey: ['ChildCircumstance', 'all'],
    queryFn: async () => (await dataProvider.request<{ allChildCircumstances: ChildCircumstance[] }>(CIRCUMSTANCES)).allChildCircumstances,
    staleTime: 30 * 60_000,
  });
  return data;
}

/** The circumstances as choices of a SelectInput: the code, named as the law names it. */
export function useCircumstanceChoices(): { id: string; name: string }[] {
  return (useCircumstances() ?? []).map((circumstance) => ({ id: circumstance.code, name: circumstance.name }));
}

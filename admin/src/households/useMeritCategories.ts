import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { MeritCategory } from '../housing/types';
import type { SoQuyDataProvider } from '../providers/dataProvider';

const MERIT_CATEGORIES = 'query MeritCategories { allMeritCategories { code name source } }';

/** The categories of people with meritorious service (reference data, Ordinance 02/2020), fetched once. */
export function useMeritCategories(): MeritCategory[] | undefined {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const { data } = useQuery({
    queryKey: ['MeritCategory', 'all'],
    queryFn: async () => (await dataProvider.request<{ allMeritCategories: MeritCategory[] }>(MERIT_CATEGORIES)).allMeritCategories,
    staleTime: 30 * 60_000,
  });
  return data;
}

/** The categories as choices of a SelectInput: the code, named as the law names it. */
export function useMeritCategoryChoices(): { id: string; name: string }[] {
  return (useMeritCategories() ?? []).map((category) => ({ id: category.code, name: category.name }));
}

import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { MEMORIAL_WORK_CAPS } from './queries';
import type { MemorialCap, MemorialWorkKind, MemorialWorkScope } from './types';

/** What `memorialWorkCaps` needs: the owning unit, kind, scope, cost, graves (for GRAVE), and the date (today if none). */
export interface CapsParams {
  unitId: string;
  kind: MemorialWorkKind;
  scope: MemorialWorkScope;
  approvedCost: number;
  graveCount?: number | null;
  date?: string | null;
}

/** The complete parameters of a caps query, or null while something is missing or invalid. */
export function capsParams(values: {
  unitId?: unknown;
  kind?: unknown;
  scope?: unknown;
  approvedCost?: unknown;
  graveCount?: unknown;
  date?: unknown;
}): CapsParams | null {
  const { unitId, kind, scope, approvedCost, graveCount, date } = values;
  if (unitId === null || unitId === undefined || unitId === '' || typeof kind !== 'string' || typeof scope !== 'string') return null;
  if (typeof approvedCost !== 'number' || !Number.isSafeInteger(approvedCost) || approvedCost <= 0) return null;
  const graves = typeof graveCount === 'number' && Number.isInteger(graveCount) && graveCount > 0 ? graveCount : null;
  if (kind === 'GRAVE' && graves === null) return null;
  return {
    unitId: String(unitId),
    kind: kind as MemorialWorkKind,
    scope: scope as MemorialWorkScope,
    approvedCost,
    graveCount: kind === 'GRAVE' ? graves : null,
    date: typeof date === 'string' && date !== '' ? date : null,
  };
}

/** The lowest of the caps: what the support may reach. */
export function lowestCap(caps: readonly MemorialCap[] | undefined): MemorialCap | undefined {
  return caps?.reduce<MemorialCap | undefined>((low, cap) => (low === undefined || cap.limit < low.limit ? cap : low), undefined);
}

/** The caps a work would be held to (`memorialWorkCaps`), fetched when the parameters are complete. */
export function useMemorialCaps(params: CapsParams | null, enabled = true) {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  return useQuery({
    queryKey: ['MemorialWork', 'memorialWorkCaps', params],
    queryFn: async () => (await dataProvider.request<{ memorialWorkCaps: MemorialCap[] }>(MEMORIAL_WORK_CAPS, { ...params })).memorialWorkCaps,
    enabled: enabled && params !== null,
    retry: false,
    staleTime: 30_000,
  });
}

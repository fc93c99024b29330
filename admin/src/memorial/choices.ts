import type { ChipProps } from '@mui/material/Chip';
import { fundingSources, memorialWorkKinds, memorialWorkScopes, memorialWorkStatuses, type MemorialWorkStatus } from './types';

/** Choices for inputs; the names are translation keys (Nghĩa trang liệt sĩ, Xây mới, Đang thi công…). */
export const memorialKindChoices = memorialWorkKinds.map((kind) => ({ id: kind, name: `soquy.memorial.kind.${kind}` }));
export const memorialScopeChoices = memorialWorkScopes.map((scope) => ({ id: scope, name: `soquy.memorial.scope.${scope}` }));
export const memorialStatusChoices = memorialWorkStatuses.map((status) => ({ id: status, name: `soquy.memorial.status.${status}` }));
export const fundingSourceChoices = fundingSources.map((source) => ({ id: source, name: `soquy.memorial.fundingSource.${source}` }));

export const memorialStatusColors: Record<MemorialWorkStatus, ChipProps['color']> = {
  PLANNED: 'default',
  APPROVED: 'info',
  IN_PROGRESS: 'primary',
  COMPLETED: 'success',
  SETTLED: 'secondary',
};

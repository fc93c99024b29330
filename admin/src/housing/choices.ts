import type { ChipProps } from '@mui/material/Chip';
import { fundingSources, houseConditions, housingGrantStatuses, housingGrantTypes, housingPrograms, type HousingGrantStatus } from './types';

/** Choices for inputs; the names are translation keys (Xây mới, Đang xây dựng, Nhà dột nát…). */
export const housingGrantStatusChoices = housingGrantStatuses.map((id) => ({ id, name: `soquy.housing.status.${id}` }));
export const housingGrantTypeChoices = housingGrantTypes.map((id) => ({ id, name: `soquy.housing.type.${id}` }));
export const housingProgramChoices = housingPrograms.map((id) => ({ id, name: `soquy.housing.program.${id}` }));
export const fundingSourceChoices = fundingSources.map((id) => ({ id, name: `soquy.housing.source.${id}` }));
export const houseConditionChoices = houseConditions.map((id) => ({ id, name: `soquy.households.condition.${id}` }));

export const housingGrantStatusColors: Record<HousingGrantStatus, ChipProps['color']> = {
  APPLIED: 'default',
  VERIFIED: 'info',
  APPROVED: 'primary',
  UNDER_CONSTRUCTION: 'warning',
  COMPLETED: 'secondary',
  CLOSED: 'success',
  REJECTED: 'error',
};

export const houseConditionColors: Record<string, ChipProps['color']> = {
  SOLID: 'success',
  SEMI_SOLID: 'info',
  DILAPIDATED: 'warning',
  TEMPORARY: 'warning',
  NO_HOUSE: 'error',
};

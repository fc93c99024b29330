import type { ChipProps } from '@mui/material/Chip';
import { surgeryConditions, surgeryFundingSources, surgeryStatuses, type SurgeryStatus } from './types';

/** Choices for inputs; the names are translation keys (Tim bẩm sinh, Đã phẫu thuật…). */
export const surgeryStatusChoices = surgeryStatuses.map((id) => ({ id, name: `soquy.surgery.status.${id}` }));
export const surgeryConditionChoices = surgeryConditions.map((id) => ({ id, name: `soquy.surgery.condition.${id}` }));
export const surgerySourceChoices = surgeryFundingSources.map((id) => ({ id, name: `soquy.surgery.source.${id}` }));

export const surgeryStatusColors: Record<SurgeryStatus, ChipProps['color']> = {
  REFERRED: 'default',
  APPROVED: 'info',
  OPERATED: 'primary',
  FOLLOW_UP: 'warning',
  CLOSED: 'success',
  CANCELLED: 'error',
};

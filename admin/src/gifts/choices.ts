import type { ChipProps } from '@mui/material/Chip';
import { giftForms, giftOccasions, giftRecipientStatuses, type GiftRecipientStatus } from './types';

/** Choices for inputs; the names are translation keys (Tết Nguyên đán, Tiền mặt, Đã trao…). */
export const giftOccasionChoices = giftOccasions.map((id) => ({ id, name: `soquy.gifts.occasion.${id}` }));
export const giftFormChoices = giftForms.map((id) => ({ id, name: `soquy.gifts.form.${id}` }));
export const giftRecipientStatusChoices = giftRecipientStatuses.map((id) => ({ id, name: `soquy.gifts.status.${id}` }));

export const giftRecipientStatusColors: Record<GiftRecipientStatus, ChipProps['color']> = {
  PENDING: 'warning',
  HANDED_OVER: 'success',
  RETURNED: 'default',
};

import type { ChipProps } from '@mui/material/Chip';
import { fundKinds, type FundKind } from '../types';

/** Fund kind choices for inputs; the names are translation keys (Quỹ Đền ơn đáp nghĩa / Quỹ Bảo trợ trẻ em). */
export const fundKindChoices = fundKinds.map((kind) => ({ id: kind, name: `soquy.fundKind.${kind}` }));

export const fundKindColors: Record<FundKind, ChipProps['color']> = {
  GRATITUDE: 'primary',
  CHILD_PROTECTION: 'secondary',
};

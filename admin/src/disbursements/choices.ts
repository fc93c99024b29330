import type { ChipProps } from '@mui/material/Chip';
import { disbursementCategories, disbursementStatuses, projectTypes, type DisbursementStatus } from '../types';

/** Choices for inputs; the names are translation keys (Xây nhà mới, Chờ duyệt, Nhà tình nghĩa…). */
export const disbursementCategoryChoices = disbursementCategories.map((category) => ({ id: category, name: `soquy.disbursementCategory.${category}` }));
export const disbursementStatusChoices = disbursementStatuses.map((status) => ({ id: status, name: `soquy.disbursementStatus.${status}` }));
export const projectTypeChoices = projectTypes.map((type) => ({ id: type, name: `soquy.projectType.${type}` }));

export const disbursementStatusColors: Record<DisbursementStatus, ChipProps['color']> = {
  DRAFT: 'default',
  SUBMITTED: 'info',
  APPROVED: 'primary',
  PAID: 'success',
  REJECTED: 'error',
  CANCELLED: 'warning',
};

import type { ChipProps } from '@mui/material/Chip';
import { donationMethods, donationStatuses, programCategories, type DonationMethod } from '../types';

/** Choices for inputs; the names are translation keys (Tiền mặt, Đã huỷ, Xây nhà mới…). */
export const donationMethodChoices = donationMethods.map((method) => ({ id: method, name: `soquy.donationMethod.${method}` }));
export const donationStatusChoices = donationStatuses.map((status) => ({ id: status, name: `soquy.donationStatus.${status}` }));
export const programCategoryChoices = programCategories.map((category) => ({ id: category, name: `soquy.programCategory.${category}` }));

export const donationMethodColors: Record<DonationMethod, ChipProps['color']> = {
  CASH: 'default',
  BANK_TRANSFER: 'info',
  IN_KIND: 'warning',
};

import type { ChipProps } from '@mui/material/Chip';
import { donorTypes, type DonorType } from '../types';

/** Donor kinds for inputs; the names are translation keys (Cá nhân, Doanh nghiệp…). */
export const donorTypeChoices = donorTypes.map((type) => ({ id: type, name: `soquy.donorType.${type}` }));

export const donorTypeColors: Record<DonorType, ChipProps['color']> = {
  INDIVIDUAL: 'default',
  ENTERPRISE: 'primary',
  AGENCY: 'secondary',
  ORGANISATION: 'info',
  ANONYMOUS: 'default',
};

/** The name the API records for every anonymous donor (api/src/modules/donors/donor.service.ts). */
export const ANONYMOUS_NAME = 'Nhà hảo tâm ẩn danh';

import GavelIcon from '@mui/icons-material/Gavel';
import type { ResourceProps } from 'react-admin';
import { PolicyRateList } from './PolicyRateList';
import { PolicyRateShow } from './PolicyRateShow';
import type { PolicyRate } from './types';

/**
 * Resource `PolicyRate` (định mức): list and show with PolicyRead (every role), revised by ADMIN
 * (PolicyWrite) from a date, keeping the history. A rate is never edited nor deleted.
 */
export const policyRates: Omit<ResourceProps, 'name'> = {
  list: PolicyRateList,
  show: PolicyRateShow,
  icon: GavelIcon,
  recordRepresentation: (rate: PolicyRate) => rate.code,
};

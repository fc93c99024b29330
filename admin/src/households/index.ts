import type { ResourceProps } from 'react-admin';

/** Resource `BeneficiaryHousehold` (being built). */
export const households: Omit<ResourceProps, 'name'> = {};

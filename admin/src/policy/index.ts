import type { ResourceProps } from 'react-admin';

/** Resource `PolicyRate` (being built). */
export const policyRates: Omit<ResourceProps, 'name'> = {};

import type { ResourceProps } from 'react-admin';

/** Resource `HousingGrant` (being built). */
export const housingGrants: Omit<ResourceProps, 'name'> = {};

import type { ResourceProps } from 'react-admin';

/** Resource `Scholarship` (being built). */
export const scholarships: Omit<ResourceProps, 'name'> = {};

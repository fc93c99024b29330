import type { ResourceProps } from 'react-admin';

/** Resource `Child` (being built). */
export const children: Omit<ResourceProps, 'name'> = {};

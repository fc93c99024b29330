import type { ResourceProps } from 'react-admin';

/** Resource `MemorialWork` (being built). */
export const memorialWorks: Omit<ResourceProps, 'name'> = {};

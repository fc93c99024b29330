import type { ResourceProps } from 'react-admin';

/** Resource `SurgeryCase` (being built). */
export const surgeryCases: Omit<ResourceProps, 'name'> = {};

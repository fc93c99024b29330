/**
 * The console's view of the GraphQL contract (schema/schema.graphql). Kept by hand for the two
 * resources of the walking skeleton; the SDL stays the source of truth.
 */
import type { RaRecord } from 'react-admin';

export const unitLevels = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export type UnitLevel = (typeof unitLevels)[number];

export const roles = ['ADMIN', 'FUND_MANAGER', 'GRANT_OFFICER', 'INSPECTOR'] as const;
export type Role = (typeof roles)[number];

/** The GraphQL `Permission` enum, as the server names it in `login` and `me`. */
export type Permission =
  | 'Public'
  | 'Authenticated'
  | 'UnitRead'
  | 'UserRead'
  | 'UserCreate'
  | 'UserUpdate'
  | 'UserResetPassword';

export interface AdministrativeUnit extends RaRecord<string> {
  code: string;
  name: string;
  nameWithType: string;
  level: UnitLevel;
  type: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface User extends RaRecord<string> {
  email: string;
  fullName: string;
  role: Role;
  unitId: string;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

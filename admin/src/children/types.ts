/**
 * The console's view of the children part of the GraphQL contract (schema/schema.graphql):
 * children in special circumstances and their circumstances. Dates `YYYY-MM-DD`.
 */
import type { RaRecord } from 'react-admin';

export const genders = ['FEMALE', 'MALE'] as const;
export type Gender = (typeof genders)[number];

export interface Child extends RaRecord<string> {
  /** Masked ("N. V. A.") for roles without ChildIdentityRead. */
  fullName: string;
  /** `YYYY-MM-DD`, or the year alone when masked. */
  birthDate: string;
  gender: Gender;
  /** The commune. */
  unitId: string;
  circumstanceCode: string;
  guardianName: string;
  guardianPhone: string | null;
  /** "***" when masked. */
  address: string;
  note: string | null;
  /** Whether the personal fields are shown masked to the user. */
  masked: boolean;
  createdAt: string;
}

export interface ChildCircumstance {
  code: string;
  name: string;
  source: string;
}

/** The console's view of a scholarship (học bổng) in the GraphQL contract; amounts in whole đồng. */
import type { RaRecord } from 'react-admin';

export interface Scholarship extends RaRecord<string> {
  childId: string;
  /** Masked ("N. V. A.") for roles without ChildIdentityRead. */
  childName: string;
  fundId: string;
  /** "2025-2026" */
  schoolYear: string;
  school: string;
  grade: string | null;
  amountPerTerm: number;
  /** Terms paid in the year, 1 to 3. */
  terms: number;
  decisionNumber: string | null;
  paidAmount: number;
  pendingAmount: number;
  createdAt: string;
}

/** A child as the pickers and links show it (fields of the GraphQL `Child`). */
export interface ChildRecord extends RaRecord<string> {
  fullName: string;
  birthDate: string;
  unitId: string;
  address: string;
  guardianName: string;
  masked: boolean;
}

import { maxLength, minLength, required, type Validator } from 'react-admin';
import { todayInVietnam } from '../format';

/** "2025-2026": two consecutive years, as the API takes it. */
export const schoolYearRule: Validator = (value: unknown) => {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const match = /^(\d{4})-(\d{4})$/.exec(value.trim());
  return match && Number(match[2]) === Number(match[1]) + 1 ? undefined : 'soquy.scholarships.validation.school_year';
};

/** The school year of a day: from August, the year starting; before, the one ending. */
export function schoolYearOf(day: string = todayInVietnam()): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const from = month >= 8 ? year : year - 1;
  return `${from}-${from + 1}`;
}

const positive: Validator = (value: unknown) => (typeof value === 'number' && value > 0 ? undefined : 'soquy.scholarships.validation.amount');

export const validateSchoolYear = [required(), schoolYearRule];
export const validateSchool = [required(), minLength(3), maxLength(200)];
export const validateGrade = [maxLength(30)];
export const validateAmountPerTerm = [required(), positive];
export const validateTerms = [required()];
export const validateDecision = [maxLength(100)];

export const termChoices = [1, 2, 3].map((n) => ({ id: n, name: String(n) }));

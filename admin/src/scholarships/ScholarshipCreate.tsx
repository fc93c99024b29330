import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { Create, SelectInput, SimpleForm, TextInput, required, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { formatMoney, todayInVietnam } from '../format';
import { useRateInForce } from '../housing/useRateInForce';
import { MoneyInput } from '../inputs/MoneyInput';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { serverErrorCode, type ServerErrorBody } from '../providers/errors';
import { ChildProtectionFundInput, ChildReferenceInput, SupportRefusalAlert, useOnlyChildProtectionFund } from './childSupport';
import { schoolYearOf, termChoices, validateAmountPerTerm, validateDecision, validateGrade, validateSchool, validateSchoolYear, validateTerms } from './validation';

const CREATE = `mutation CreateScholarship($childId: ID!, $fundId: ID!, $schoolYear: String!, $school: String!, $grade: String, $amountPerTerm: SafeInt!, $terms: Int!, $decisionNumber: String) {
  createScholarship(childId: $childId, fundId: $fundId, schoolYear: $schoolYear, school: $school, grade: $grade, amountPerTerm: $amountPerTerm, terms: $terms, decisionNumber: $decisionNumber) { id }
}`;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The `createScholarship` arguments from the form: ids as strings, blanks as nulls. */
export function toCreateScholarshipArgs(values: FieldValues): Record<string, unknown> {
  return {
    childId: values.childId === null || values.childId === undefined ? null : String(values.childId),
    fundId: values.fundId === null || values.fundId === undefined ? null : String(values.fundId),
    schoolYear: text(values.schoolYear),
    school: text(values.school),
    grade: text(values.grade),
    amountPerTerm: values.amountPerTerm,
    terms: typeof values.terms === 'number' ? values.terms : Number(values.terms),
    decisionNumber: text(values.decisionNumber),
  };
}

/** The fund's rate per term in force today (SCHOLARSHIP_PER_TERM), under the amount. */
const RateHint = () => {
  const translate = useTranslate();
  const rate = useRateInForce('SCHOLARSHIP_PER_TERM', todayInVietnam());
  if (!rate || rate.amount === null) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="scholarship-rate">
      {translate('soquy.scholarships.rate_hint', { amount: formatMoney(rate.amount), basis: rate.legalBasis })}
    </Typography>
  );
};

/**
 * A scholarship for a school year (createScholarship): the child, the Child Protection Fund paying
 * it (the only one chosen for the user), the school year, the school and grade, the amount per term
 * within the fund's rate, the number of terms (1 to 3) and the awarding decision. One per child and
 * year: a second is refused (CONFLICT), naming the first; above the rate, POLICY_LIMIT with its basis.
 */
export const ScholarshipCreate = () => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [failure, setFailure] = useState<unknown>(null);
  const { fundId, isPending } = useOnlyChildProtectionFund();
  const defaultValues = useMemo(() => ({ fundId, schoolYear: schoolYearOf(), terms: 2 }), [fundId]);

  const save = async (values: FieldValues) => {
    setFailure(null);
    try {
      const { createScholarship } = await dataProvider.request<{ createScholarship: { id: string } }>(CREATE, toCreateScholarshipArgs(values));
      notify('soquy.scholarships.created', { type: 'success' });
      redirect('show', 'Scholarship', createScholarship.id);
      return undefined;
    } catch (error) {
      setFailure(error);
      const errors = (error as { body?: ServerErrorBody }).body?.errors;
      return errors && serverErrorCode(error) === 'BAD_USER_INPUT' ? errors : undefined;
    }
  };

  return (
    <Create title="soquy.scholarships.create">
      {/* The form starts once the funds are known, with the only one chosen (<Create> needs a child meanwhile). */}
      {isPending ? (
        <Box sx={{ minHeight: 240 }} />
      ) : (
        <SimpleForm onSubmit={save} defaultValues={defaultValues} sx={{ maxWidth: 760 }} noValidate>
          <ChildReferenceInput source="childId" validate={required()} helperText="soquy.scholarships.child_help" />
          <ChildProtectionFundInput validate={required()} helperText="soquy.scholarships.fund_help" />
          <TextInput source="schoolYear" validate={validateSchoolYear} helperText="soquy.scholarships.school_year_help" sx={{ width: 240 }} />
          <TextInput source="school" validate={validateSchool} sx={{ minWidth: 480 }} />
          <TextInput source="grade" validate={validateGrade} helperText="soquy.scholarships.grade_help" sx={{ width: 240 }} />
          <MoneyInput source="amountPerTerm" validate={validateAmountPerTerm} sx={{ minWidth: 280 }} />
          <RateHint />
          <SelectInput source="terms" choices={termChoices} validate={validateTerms} helperText="soquy.scholarships.terms_help" sx={{ width: 240 }} />
          <TextInput source="decisionNumber" validate={validateDecision} sx={{ minWidth: 360 }} />
          {failure !== null && <SupportRefusalAlert title={translate('soquy.scholarships.create_failed')} error={failure} prefix="soquy.scholarships" resource="Scholarship" />}
        </SimpleForm>
      )}
    </Create>
  );
};

import Box from '@mui/material/Box';
import { useMemo, useState } from 'react';
import { Create, DateInput, SelectInput, SimpleForm, TextInput, maxLength, minLength, required, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { validateAmount } from '../donations/validation';
import { todayInVietnam } from '../format';
import { MoneyInput } from '../inputs/MoneyInput';
import { notInFuture, notTooOld } from '../inputs/dates';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { serverErrorCode, type ServerErrorBody } from '../providers/errors';
import { ChildProtectionFundInput, ChildReferenceInput, SupportRefusalAlert, useOnlyChildProtectionFund } from '../scholarships/childSupport';
import { surgeryConditionChoices } from './choices';

const CREATE = `mutation CreateSurgeryCase($childId: ID!, $fundId: ID!, $condition: SurgeryCondition!, $hospital: String!, $totalCost: SafeInt!, $referredOn: LocalDate!, $note: String) {
  createSurgeryCase(childId: $childId, fundId: $fundId, condition: $condition, hospital: $hospital, totalCost: $totalCost, referredOn: $referredOn, note: $note) { id }
}`;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The `createSurgeryCase` arguments from the form: ids as strings, blanks as nulls. */
export function toCreateSurgeryCaseArgs(values: FieldValues): Record<string, unknown> {
  return {
    childId: values.childId === null || values.childId === undefined ? null : String(values.childId),
    fundId: values.fundId === null || values.fundId === undefined ? null : String(values.fundId),
    condition: values.condition,
    hospital: text(values.hospital),
    totalCost: values.totalCost,
    referredOn: values.referredOn,
    note: text(values.note),
  };
}

const validateHospital = [required(), minLength(3), maxLength(200)];

/**
 * A child referred for surgery (createSurgeryCase, REFERRED): the child, the Child Protection Fund
 * supporting (the only one chosen for the user), the condition, the hospital, the whole cost of the
 * treatment, the day of referral (today by default) and a note. The support is set on approval.
 */
export const SurgeryCaseCreate = () => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [failure, setFailure] = useState<unknown>(null);
  const { fundId, isPending } = useOnlyChildProtectionFund();
  const defaultValues = useMemo(() => ({ fundId, referredOn: todayInVietnam() }), [fundId]);

  const save = async (values: FieldValues) => {
    setFailure(null);
    try {
      const { createSurgeryCase } = await dataProvider.request<{ createSurgeryCase: { id: string } }>(CREATE, toCreateSurgeryCaseArgs(values));
      notify('soquy.surgery.created', { type: 'success' });
      redirect('show', 'SurgeryCase', createSurgeryCase.id);
      return undefined;
    } catch (error) {
      setFailure(error);
      const errors = (error as { body?: ServerErrorBody }).body?.errors;
      return errors && serverErrorCode(error) === 'BAD_USER_INPUT' ? errors : undefined;
    }
  };

  return (
    <Create title="soquy.surgery.create">
      {/* The form starts once the funds are known, with the only one chosen (<Create> needs a child meanwhile). */}
      {isPending ? (
        <Box sx={{ minHeight: 240 }} />
      ) : (
        <SimpleForm onSubmit={save} defaultValues={defaultValues} sx={{ maxWidth: 760 }} noValidate>
          <ChildReferenceInput source="childId" validate={required()} helperText="soquy.surgery.child_help" />
          <ChildProtectionFundInput validate={required()} helperText="soquy.surgery.fund_help" />
          <SelectInput source="condition" choices={surgeryConditionChoices} validate={required()} sx={{ minWidth: 300 }} />
          <TextInput source="hospital" validate={validateHospital} sx={{ minWidth: 480 }} />
          <MoneyInput source="totalCost" validate={validateAmount} helperText="soquy.surgery.total_cost_help" sx={{ minWidth: 280 }} />
          <DateInput source="referredOn" validate={[required(), notInFuture, notTooOld]} />
          <TextInput source="note" validate={maxLength(1000)} multiline minRows={2} sx={{ minWidth: 480 }} />
          {failure !== null && <SupportRefusalAlert title={translate('soquy.surgery.create_failed')} error={failure} prefix="soquy.surgery" />}
        </SimpleForm>
      )}
    </Create>
  );
};

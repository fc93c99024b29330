import Alert from '@mui/material/Alert';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  AutocompleteInput,
  Create,
  DateInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { todayInVietnam } from '../format';
import { notInFuture, notTooOld } from '../inputs/dates';
import { ServerErrorAlert } from '../layout/ServerErrorAlert';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { serverErrorCode, type ServerErrorBody } from '../providers/errors';
import { housingGrantTypeChoices, housingProgramChoices } from './choices';
import { existingIdOf, housingErrorHint } from './errors';
import type { BeneficiaryHousehold } from './types';

const APPLY = `mutation ApplyHousingGrant($householdId: ID!, $type: HousingGrantType!, $program: HousingProgram!, $appliedOn: LocalDate!, $description: String) {
  applyHousingGrant(householdId: $householdId, type: $type, program: $program, appliedOn: $appliedOn, description: $description) { id status }
}`;

const householdOption = (household: BeneficiaryHousehold) => household.personName;

/** The refusal of an application: what it means, and the grant in the way when the server names one. */
const ApplyError = ({ error }: { error: unknown }) => {
  const translate = useTranslate();
  const existingId = serverErrorCode(error) === 'CONFLICT' ? existingIdOf(error, 'grant') : undefined;
  return (
    <>
      <ServerErrorAlert title={translate('soquy.housing.apply_failed')} error={error} hint={housingErrorHint(error)} />
      {existingId && (
        <Alert severity="info" sx={{ mt: 1 }}>
          <Link to={`/HousingGrant/${existingId}/show`}>{translate('soquy.housing.existing_grant', { id: existingId })}</Link>
        </Alert>
      )}
    </>
  );
};

/**
 * An application for housing support (applyHousingGrant): the household, new build or repair,
 * the program, the day the application was received (today by default, never in the future) and
 * what the family asks for. One grant per household, type and program: a second one is refused,
 * naming the first.
 */
export const HousingGrantApply = () => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [failure, setFailure] = useState<unknown>(null);

  const save = async (values: FieldValues) => {
    setFailure(null);
    const description = typeof values.description === 'string' && values.description.trim() !== '' ? values.description.trim() : null;
    try {
      const { applyHousingGrant } = await dataProvider.request<{ applyHousingGrant: { id: string } }>(APPLY, {
        householdId: String(values.householdId),
        type: values.type,
        program: values.program,
        appliedOn: values.appliedOn,
        description,
      });
      notify('soquy.housing.applied', { type: 'info' });
      redirect('show', 'HousingGrant', applyHousingGrant.id);
      return undefined;
    } catch (error) {
      const errors = (error as { body?: ServerErrorBody }).body?.errors;
      if (errors && serverErrorCode(error) === 'BAD_USER_INPUT') return errors;
      setFailure(error);
      return undefined;
    }
  };

  return (
    <Create title="soquy.housing.apply">
      <SimpleForm onSubmit={save} defaultValues={{ appliedOn: todayInVietnam() }} sx={{ maxWidth: 760 }} noValidate>
        <ReferenceInput source="householdId" reference="BeneficiaryHousehold" sort={{ field: 'personName', order: 'ASC' }}>
          <AutocompleteInput
            optionText={householdOption}
            filterToQuery={(q: string) => ({ q })}
            validate={required()}
            helperText="soquy.housing.household_help"
            sx={{ minWidth: 360 }}
          />
        </ReferenceInput>
        <SelectInput source="type" choices={housingGrantTypeChoices} validate={required()} sx={{ minWidth: 240 }} />
        <SelectInput source="program" choices={housingProgramChoices} validate={required()} sx={{ minWidth: 360 }} />
        <DateInput source="appliedOn" validate={[required(), notInFuture, notTooOld]} />
        <TextInput source="description" validate={maxLength(1000)} multiline minRows={3} helperText="soquy.housing.description_help" sx={{ minWidth: 480 }} />
        {failure !== null && <ApplyError error={failure} />}
      </SimpleForm>
    </Create>
  );
};
